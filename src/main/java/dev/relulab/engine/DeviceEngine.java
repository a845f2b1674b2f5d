package dev.relulab.engine;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;

/**
 * An engine on a {@link Device} (CUDA, OpenCL): every operation goes through the one {@link KernelPlan}, so both
 * device backends run the same checks, kernel versions, argument lists and launch ranges. One chunk at a time.
 */
public final class DeviceEngine implements Engine {
    private final Device device;
    private final KernelPlan plan;

    public DeviceEngine(Device device) {
        this.device = device;
        this.plan = new KernelPlan(device);
    }

    /** The launch plan, whose version rules tests and benchmarks may force. */
    public KernelPlan plan() {
        return plan;
    }

    /** The device backend. */
    public Device device() {
        return device;
    }

    /**
     * Runs every kernel once on a tiny shape, in each version and on the GEMM path where one loaded, and one tiny fused
     * training (1 -> 2 -> 1 ReLU, Adam) where the device has its variant: drivers that compile at first launch (PoCL)
     * then have done so for the main program, a broken fused module fails when the engine opens, and a kernel with a
     * stack frame has its local memory reserved now rather than inside the first timed run (the fused v2 variants have
     * none; other fused configurations are built or loaded at their first training).
     */
    public void warmUp() {
        int n = 2 * DenseLaunches.TILE;
        Buffer f1 = floats(n * n), f2 = floats(n * n), f3 = floats(n * n), f4 = floats(n * n), f5 = floats(n * n);
        Buffer i1 = ints(n), i2 = ints(n), i3 = ints(n), i4 = ints(n);
        DenseLaunches dense = plan.dense();
        GemmMode mode = dense.gemmMode();
        try {
            for (int v = 1; v <= (device.prefersTiles() ? 2 : 1); v++) {
                dense.forceVersion(v);
                dense.gemmMode(GemmMode.KERNELS);
                denseForward(1, 2, 2, 2, f1, f2, f3, Activation.PRELU, 0f, f4, f5, f5, i1);
                denseBackward(1, 2, 2, 2, f1, f2, f3, Activation.PRELU, 0f, f4, f5, f1, f2, f3, f4);
            }
            if (dense.gemm() != null) {
                dense.gemmMode(GemmMode.CUBLAS);
                denseForward(1, 2, 2, 2, f1, f2, f3, Activation.PRELU, 0f, f4, f5, f5, i1);
                denseBackward(1, 2, 2, 2, f1, f2, f3, Activation.PRELU, 0f, f4, f5, f1, f2, f3, f4);
            }
            dense.forceVersion(0);
            dense.gemmMode(mode);
            loss(Loss.MSE, 1, 2, 2, f1, f2, f3, f4, f5, i1);
            optimizerStep(Optimizer.of(Optimizer.Kind.ADAM), 1, 2, f1, f2, f3, f4, f5, 1f, i1);
            functionPoints(FunctionTarget.ABS, 0f, 1f, 0L, 0, 1, Purpose.TRAIN_POINTS, 2, 0, 2, 0, f1, f2);
            gatherRows(f1, f2, 0, 2, 2, 2, 0L, 0, 1, 0, 2, 0, f3, f4);
            reduceDead(1, 2, i1, i2, i3, i4, 1, 0);
            absSum(1, 2, 2, f1, f2);
            dormantMask(1, 2, f2, 0f, i1);
            outputStats(1, 2, 2, f1, f2, true);
            copy(f1, f2, 2);
            initBiases(Initializer.normal(0, 1), 0L, 0, 1, 1, 2, f1);
            initWeights(Initializer.of(Initializer.Kind.HE_NORMAL), 0L, 0, 1, 1, 2, 2, f2, f1);
            initWeights(Initializer.uniform(-1, 1), 0L, 0, 1, 1, 2, 2, f2, f1);
            initWeights(Initializer.of(Initializer.Kind.RAI), 0L, 0, 1, 1, 2, 2, f2, f1);
            FusedNetwork tiny = new FusedNetwork(Architecture.mlp(1, 2, 1, 1, Activation.RELU, 0f, Loss.MSE,
                    Initializer.of(Initializer.Kind.RAI), Initializer.of(Initializer.Kind.ZEROS)),
                    Optimizer.of(Optimizer.Kind.ADAM), 0L, FunctionTarget.ABS, 0f, 1f, 2, 1, 2, 1, true, 0f);
            if (plan.fusedVariant(tiny, 1) != null) {
                try (Buffer counts = ints(tiny.countsPerNetwork())) {
                    trainFused(tiny, 0, 1, f1, counts, f2);
                }
            }
            synchronize();
        } finally {
            dense.forceVersion(0);
            dense.gemmMode(mode);
            for (Buffer b : new Buffer[] {f1, f2, f3, f4, f5, i1, i2, i3, i4}) b.close();
        }
    }

    @Override public EngineKind kind() { return device.kind(); }
    @Override public String deviceName() { return device.name(); }
    @Override public int parallelChunks() { return 1; }
    @Override public boolean onGpu() { return device.onGpu(); }
    @Override public String timerName() { return device.timerName(); }

    @Override
    public int maxChunkNetworks(long bytesPerNetwork) {
        return device.maxChunkNetworks(bytesPerNetwork);
    }

    @Override
    public Buffer floats(long n) {
        return zeroed(n, false);
    }

    @Override
    public Buffer ints(long n) {
        return zeroed(n, true);
    }

    private Buffer zeroed(long n, boolean isInt) {
        OpChecks.total(isInt ? "ints" : "floats", n);
        Buffer b = device.allocate(n, isInt);
        try {
            plan.fill(b, 0f, n);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    @Override
    public void write(Buffer dst, float[] src, int count) {
        OpChecks.hostCopy("write", dst, false, count, src.length);
        if (count > 0) device.write(dst, src, count);
    }

    @Override
    public void writeInts(Buffer dst, int[] src, int count) {
        OpChecks.hostCopy("writeInts", dst, true, count, src.length);
        if (count > 0) device.writeInts(dst, src, count);
    }

    @Override
    public void read(Buffer src, float[] dst, int count) {
        OpChecks.hostCopy("read", src, false, count, dst.length);
        if (count > 0) device.read(src, dst, count);
        else device.synchronize();
    }

    @Override
    public void readInts(Buffer src, int[] dst, int count) {
        OpChecks.hostCopy("readInts", src, true, count, dst.length);
        if (count > 0) device.readInts(src, dst, count);
        else device.synchronize();
    }

    @Override public void fill(Buffer dst, float value, long count) { plan.fill(dst, value, count); }
    @Override public void copy(Buffer src, Buffer dst, long count) { plan.copy(src, dst, count); }

    @Override
    public void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                            Buffer w, Buffer b) {
        plan.initWeights(this, init, seed, netBase, E, layer, fanIn, fanOut, w, b);
    }

    @Override
    public void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        plan.initBiases(this, init, seed, netBase, E, layer, n, b);
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        plan.dense().forward(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act,
                              float alpha, Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        plan.dense().backward(E, B, nIn, nOut, x, w, z, act, alpha, slope, dA, dW, db, dSlope, dX);
    }

    @Override
    public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        plan.loss(loss, E, B, n, out, target, dOut, lossLast, lossSum, diverged);
    }

    @Override
    public void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                              Buffer lr, float correction, Buffer diverged) {
        plan.optimizerStep(opt, E, perNet, param, grad, s1, s2, lr, correction, diverged);
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        plan.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch, x, y);
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        plan.gatherRows(data, labels, rowBase, nRows, d, k, seed, netBase, E, start, B, epoch, x, y);
    }

    @Override
    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        plan.reduceDead(E, n, alive, everDead, dead, revived, layers, layer);
    }

    @Override public void absSum(int E, int B, int n, Buffer a, Buffer sums) { plan.absSum(E, B, n, a, sums); }

    @Override
    public void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) {
        plan.dormantMask(E, n, sums, tau, alive);
    }

    @Override
    public void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        plan.outputStats(E, B, n, v, stats, first);
    }

    /** Within the fused kernels' limits and with a variant here for small and large chunks (the lane rule's two ends). */
    @Override
    public boolean canTrainFused(FusedNetwork net) {
        return plan.fusedVariant(net, 1) != null && plan.fusedVariant(net, 1 << 20) != null;
    }

    @Override
    public String fusedPath(FusedNetwork net, int E) {
        FusedVariant v = plan.fusedVariant(net, E);
        return v == null ? "op by op (no fused variant of " + net.arch + " here)" : v.describe(plan.ordered(v));
    }

    @Override
    public void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        plan.trainFused(net, netBase, E, lr, counts, stats);
    }

    @Override public void synchronize() { device.synchronize(); }
    @Override public double timeSeconds(Runnable op) { return device.time(op); }
    @Override public void close() { device.close(); }
}
