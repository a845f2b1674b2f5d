package dev.relulab.engine.cuda;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.FusedVariant;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;
import jcuda.Pointer;
import jcuda.driver.JCudaDriver;

/**
 * The CUDA engine: one device, its primary context and one stream, and the kernels of the build's fatbin. Copies and
 * fills use the driver directly; every other operation is a launch described in {@link CudaKernels}.
 */
public final class CudaEngine implements Engine {
    private final CudaContext ctx;
    private final KernelModule module;
    private final CudaKernels kernels;
    private final CudaFusedLaunch fused;

    private CudaEngine(CudaContext ctx, KernelModule module, CudaFusedLaunch fused) {
        this.ctx = ctx;
        this.module = module;
        this.kernels = new CudaKernels(new Launcher(ctx, module));
        this.fused = fused;
    }

    /** Opens the first CUDA device (or {@code -Drelulab.cuda.device=N}), or says in one line why it cannot. */
    public static Engine open() throws EngineUnavailableException {
        CudaDriver.init();
        KernelModule.image();
        CudaContext ctx;
        try {
            ctx = new CudaContext(CudaDevice.choose());
        } catch (CudaError e) {
            throw new EngineUnavailableException(e.getMessage(), e);
        }
        KernelModule module = null;
        CudaFusedLaunch fused = null;
        try {
            module = new KernelModule();
            module.require(CudaKernels.NAMES);
            fused = new CudaFusedLaunch(ctx, ctx.device.multiprocessors);
            return new CudaEngine(ctx, module, fused);
        } catch (EngineUnavailableException | RuntimeException e) {
            if (fused != null) fused.close();
            if (module != null) module.close();
            ctx.close();
            if (e instanceof CudaError) throw new EngineUnavailableException(e.getMessage(), e);
            throw e;
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.CUDA;
    }

    @Override
    public String deviceName() {
        return ctx.device + ", driver CUDA " + CudaDriver.driverVersion();
    }

    @Override
    public int parallelChunks() {
        return 1;
    }

    @Override
    public int maxChunkNetworks(long bytesPerNetwork) {
        ctx.makeCurrent();
        return MemoryPlan.maxNetworks(ctx.memoryInfo()[0], bytesPerNetwork);
    }

    @Override
    public Buffer floats(long n) {
        ctx.makeCurrent();
        return new CudaBuffer(ctx, n, false);
    }

    @Override
    public Buffer ints(long n) {
        ctx.makeCurrent();
        return new CudaBuffer(ctx, n, true);
    }

    @Override
    public void write(Buffer dst, float[] src, int count) {
        copyIn(dst, false, Pointer.to(src), count, src.length);
    }

    @Override
    public void writeInts(Buffer dst, int[] src, int count) {
        copyIn(dst, true, Pointer.to(src), count, src.length);
    }

    @Override
    public void read(Buffer src, float[] dst, int count) {
        copyOut(src, false, Pointer.to(dst), count, dst.length);
    }

    @Override
    public void readInts(Buffer src, int[] dst, int count) {
        copyOut(src, true, Pointer.to(dst), count, dst.length);
    }

    @Override
    public void fill(Buffer dst, float value, long count) {
        if (count == 0) return;
        CudaBuffer b = (CudaBuffer) dst;
        int bits = b.isInt() ? (int) value : Float.floatToRawIntBits(value);
        ctx.makeCurrent();
        CudaCheck.check(JCudaDriver.cuMemsetD32Async(b.checked(b.isInt(), count, "fill"), bits, count, ctx.stream),
                "cuMemsetD32Async " + count + " words");
    }

    @Override
    public void copy(Buffer src, Buffer dst, long count) {
        if (count < 0) throw new IllegalArgumentException("copy: count=" + count + " must not be negative");
        if (count == 0) return;
        boolean isInt = src.isInt();
        ctx.makeCurrent();
        CudaCheck.check(JCudaDriver.cuMemcpyDtoDAsync(((CudaBuffer) dst).checked(isInt, count, "copy dst"),
                ((CudaBuffer) src).checked(isInt, count, "copy src"), count * Float.BYTES, ctx.stream),
                "cuMemcpyDtoDAsync " + count + " elements");
    }

    @Override
    public void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                            Buffer w, Buffer b) {
        ctx.makeCurrent();
        kernels.initWeights(init, seed, netBase, E, layer, fanIn, fanOut, w, b, this::fill);
    }

    @Override
    public void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        ctx.makeCurrent();
        kernels.initBiases(init, seed, netBase, E, layer, n, b, this::fill);
    }

    // Pageable host memory: the async copy in returns once the data is staged, the copy out once it has landed,
    // so handing JCuda a Java array is safe.
    private void copyIn(Buffer dst, boolean isInt, Pointer host, int count, int hostLength) {
        if (count < 0 || count > hostLength) {
            throw new IllegalArgumentException("count=" + count + " must be between 0 and the array's " + hostLength);
        }
        if (count == 0) return;
        ctx.makeCurrent();
        CudaCheck.check(JCudaDriver.cuMemcpyHtoDAsync(((CudaBuffer) dst).checked(isInt, count, "write"), host,
                (long) count * Float.BYTES, ctx.stream), "cuMemcpyHtoDAsync " + count + " elements");
    }

    private void copyOut(Buffer src, boolean isInt, Pointer host, int count, int hostLength) {
        if (count < 0 || count > hostLength) {
            throw new IllegalArgumentException("count=" + count + " must be between 0 and the array's " + hostLength);
        }
        ctx.makeCurrent();
        if (count > 0) {
            CudaCheck.check(JCudaDriver.cuMemcpyDtoHAsync(host, ((CudaBuffer) src).checked(isInt, count, "read"),
                    (long) count * Float.BYTES, ctx.stream), "cuMemcpyDtoHAsync " + count + " elements");
        }
        ctx.synchronize();
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        ctx.makeCurrent();
        kernels.denseForward(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act,
                              float alpha, Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        ctx.makeCurrent();
        kernels.denseBackward(E, B, nIn, nOut, x, w, z, act, alpha, slope, dA, dW, db, dSlope, dX);
    }

    @Override
    public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        ctx.makeCurrent();
        kernels.loss(loss, E, B, n, out, target, dOut, lossLast, lossSum, diverged);
    }

    @Override
    public void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                              Buffer lr, float correction, Buffer diverged) {
        ctx.makeCurrent();
        kernels.optimizerStep(opt, E, perNet, param, grad, s1, s2, lr, correction, diverged);
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        ctx.makeCurrent();
        kernels.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch, x, y);
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        ctx.makeCurrent();
        kernels.gatherRows(data, labels, rowBase, nRows, d, k, seed, netBase, E, start, B, epoch, x, y);
    }

    @Override
    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        ctx.makeCurrent();
        kernels.reduceDead(E, n, alive, everDead, dead, revived, layers, layer);
    }

    @Override
    public void absSum(int E, int B, int n, Buffer a, Buffer sums) {
        ctx.makeCurrent();
        kernels.absSum(E, B, n, a, sums);
    }

    @Override
    public void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) {
        ctx.makeCurrent();
        kernels.dormantMask(E, n, sums, tau, alive);
    }

    @Override
    public void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        ctx.makeCurrent();
        kernels.outputStats(E, B, n, v, stats, first);
    }

    @Override
    public boolean canTrainFused(FusedNetwork net) {
        return net.unsupported() == null && fused.variant(net, 1) != null && fused.variant(net, 1 << 20) != null;
    }

    @Override
    public String fusedPath(FusedNetwork net, int E) {
        FusedVariant v = fused.variant(net, E);
        return v == null ? "fused (no variant shipped)" : v.describe();
    }

    @Override
    public void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        String why = net.unsupported();
        if (why != null) throw new IllegalArgumentException("trainFused: unsupported network: " + why);
        FusedVariant v = fused.variant(net, E);
        if (v == null) throw new IllegalArgumentException("trainFused: no shipped variant for " + net.arch);
        int[] spec = net.spec();
        float[] corrections = net.corrections();
        ctx.makeCurrent();
        try (Buffer s = ints(spec.length); Buffer c = floats(corrections.length);
             Buffer init = floats((long) v.parameters() * E)) {
            writeInts(s, spec, spec.length);
            write(c, corrections, corrections.length);
            fused.run(v, netBase, E, s, init, lr, c, counts, stats);
            ctx.synchronize();
        }
    }

    @Override
    public void synchronize() {
        ctx.makeCurrent();
        ctx.synchronize();
    }

    @Override
    public double timeSeconds(Runnable op) {
        ctx.makeCurrent();
        return ctx.time(op);
    }

    @Override
    public boolean onGpu() {
        return true;
    }

    @Override
    public String timerName() {
        return "CUDA events (cuEventElapsedTime)";
    }

    @Override
    public void close() {
        try {
            CudaContext.logFailure(JCudaDriver.cuCtxSetCurrent(ctx.context), "cuCtxSetCurrent");
            fused.close();
            module.close();
        } finally {
            ctx.close();
        }
    }
}
