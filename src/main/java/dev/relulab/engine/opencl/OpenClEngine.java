package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.*;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.FusedVariant;
import dev.relulab.engine.HostInit;
import dev.relulab.engine.InitArgs;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.nn.Sampling;
import dev.relulab.random.Purpose;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The OpenCL engine: LWJGL 3 orchestration of the kernels in native-kernels/ (built by the driver when the engine
 * opens) on one device, through one in-order queue. Each method checks its arguments, then launches the kernels
 * of native-kernels/README.md; results are read back only by {@link #read}.
 */
public final class OpenClEngine implements Engine {
    /** Work-group size of the 1-D launches. */
    static final int LOCAL = 64;
    /** Tile edge of dense_forward_v2 (DF_TILE in dense_forward.h). */
    static final int TILE = 16;
    private static final System.Logger LOG = System.getLogger("dev.relulab.engine.opencl");

    private final ClDevice device;
    private final long context, queue;
    private final ClProgram program;
    private final ClLaunch launch;
    private final ClFusedLaunch fused;
    private final int local;
    /** dense_forward version: 0 picks by shape and device, 1 or 2 forces one (tests). */
    int forwardVersion;
    /** dense_backward_weights / dense_backward_dx version: 0 picks by shape and device, 1 or 2 forces one. */
    int backwardVersion;
    /** Whether initWeights/initBiases run the init kernels (false without cl_khr_fp64, or forced by tests). */
    boolean deviceInit;

    private OpenClEngine(ClDevice device) throws EngineUnavailableException {
        this.device = device;
        this.local = Math.max(1, Math.min(LOCAL, device.maxWorkGroup));
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer props = stack.mallocPointer(3).put(0, CL_CONTEXT_PLATFORM).put(1, device.platform).put(2, 0);
            IntBuffer err = stack.mallocInt(1);
            context = clCreateContext(props, device.id, null, 0, err);
            ClCheck.check(err.get(0), "clCreateContext", device.toString());
            queue = clCreateCommandQueue(context, device.id, CL_QUEUE_PROFILING_ENABLE, err);
            if (err.get(0) != CL_SUCCESS) {
                clReleaseContext(context);
                ClCheck.check(err.get(0), "clCreateCommandQueue", device.toString());
            }
        }
        ClProgram p;
        try {
            p = new ClProgram(context, device);
        } catch (EngineUnavailableException | RuntimeException e) {
            clReleaseCommandQueue(queue);
            clReleaseContext(context);
            throw e;
        }
        program = p;
        launch = new ClLaunch(queue, program);
        fused = new ClFusedLaunch(context, queue, device);
        deviceInit = device.fp64;
        if (!device.fp64) {
            LOG.log(System.Logger.Level.INFO, device + " has no cl_khr_fp64: initial weights are drawn on the host");
        }
        try {
            warmUp();
        } finally {
            SignalHandlers.restore();
        }
    }

    /**
     * Runs every kernel once on a tiny shape so that a driver which compiles at first launch (PoCL) has done all its
     * compiling before {@link SignalHandlers#restore}; the tiled versions only where they can be picked (GPUs).
     */
    private void warmUp() {
        int n = 2 * TILE;
        Buffer f1 = floats(n * n), f2 = floats(n * n), f3 = floats(n * n), f4 = floats(n * n), f5 = floats(n * n);
        Buffer i1 = ints(n), i2 = ints(n), i3 = ints(n), i4 = ints(n);
        try {
            for (int v = 1; v <= (device.gpu ? 2 : 1); v++) {
                forwardVersion = v;
                backwardVersion = v;
                denseForward(1, 2, 2, 2, f1, f2, f3, Activation.PRELU, 0f, f4, f5, f5, i1);
                denseBackward(1, 2, 2, 2, f1, f2, f3, Activation.PRELU, 0f, f4, f5, f1, f2, f3, f4);
            }
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
            fusedInit(new FusedNetwork(Architecture.mlp(1, 2, 1, 1, Activation.RELU, 0f, Loss.MSE,
                    Initializer.of(Initializer.Kind.RAI), Initializer.of(Initializer.Kind.ZEROS)),
                    Optimizer.of(Optimizer.Kind.SGD), 0L, FunctionTarget.ABS, 0f, 1f, 2, 1, 2, 1, true, 0f), 0, 1, i1,
                    f1);
            synchronize();
        } finally {
            forwardVersion = 0;
            backwardVersion = 0;
            for (Buffer b : new Buffer[] {f1, f2, f3, f4, f5, i1, i2, i3, i4}) b.close();
        }
    }

    /**
     * Opens the OpenCL device named by {@code device} (an index or part of a name; null for the best: GPUs before
     * CPUs); with {@code gpuOnly} a CPU device is refused (for {@code auto}).
     */
    public static Engine open(String device, boolean gpuOnly) throws EngineUnavailableException {
        ClDevice d = ClDevices.choose(device, gpuOnly);
        try {
            return new OpenClEngine(d);
        } catch (OpenClException e) {
            throw new EngineUnavailableException("cannot open OpenCL device " + d + ": " + e.getMessage(), e);
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.OPENCL;
    }

    @Override
    public String deviceName() {
        return device.name + " (" + device.platformName + ", " + device.version + ")";
    }

    /** The device this engine runs on. */
    public ClDevice device() {
        return device;
    }

    /** The launcher, for tests that check the error idiom. */
    ClLaunch launcher() {
        return launch;
    }

    @Override
    public int parallelChunks() {
        return 1;
    }

    @Override
    public int maxChunkNetworks(long bytesPerNetwork) {
        long bpn = Math.max(1, bytesPerNetwork);
        long byMem = device.globalMemBytes / 2 / bpn;
        long byAlloc = device.maxAllocBytes / bpn;
        long byIndex = (1L << 32) / bpn;
        return (int) Math.max(1, Math.min(1 << 20, Math.min(byMem, Math.min(byAlloc, byIndex))));
    }

    @Override
    public Buffer floats(long n) {
        return allocate(n, false);
    }

    @Override
    public Buffer ints(long n) {
        return allocate(n, true);
    }

    private Buffer allocate(long n, boolean isInt) {
        Shapes.total(isInt ? "ints" : "floats", n);
        long bytes = Math.max(1, n) * 4;
        long mem;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer err = stack.mallocInt(1);
            mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, err);
            ClCheck.check(err.get(0), "clCreateBuffer", bytes + " bytes on " + device);
        }
        OpenClBuffer b = new OpenClBuffer(mem, n, isInt);
        fill(b, 0f, n);
        return b;
    }

    @Override
    public void write(Buffer dst, float[] src, int count) {
        Shapes.need("write", "dst", dst, false, count);
        if (count <= 0) return;
        FloatBuffer host = MemoryUtil.memAllocFloat(count);
        try {
            host.put(src, 0, count).flip();
            ClCheck.check(clEnqueueWriteBuffer(queue, mem(dst), true, 0, host, null, null), "clEnqueueWriteBuffer",
                    count + " floats");
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void writeInts(Buffer dst, int[] src, int count) {
        Shapes.need("writeInts", "dst", dst, true, count);
        if (count <= 0) return;
        IntBuffer host = MemoryUtil.memAllocInt(count);
        try {
            host.put(src, 0, count).flip();
            ClCheck.check(clEnqueueWriteBuffer(queue, mem(dst), true, 0, host, null, null), "clEnqueueWriteBuffer",
                    count + " ints");
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void read(Buffer src, float[] dst, int count) {
        Shapes.need("read", "src", src, false, count);
        if (count <= 0) return;
        FloatBuffer host = MemoryUtil.memAllocFloat(count);
        try {
            ClCheck.check(clEnqueueReadBuffer(queue, mem(src), true, 0, host, null, null), "clEnqueueReadBuffer",
                    count + " floats");
            host.get(dst, 0, count);
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void readInts(Buffer src, int[] dst, int count) {
        Shapes.need("readInts", "src", src, true, count);
        if (count <= 0) return;
        IntBuffer host = MemoryUtil.memAllocInt(count);
        try {
            ClCheck.check(clEnqueueReadBuffer(queue, mem(src), true, 0, host, null, null), "clEnqueueReadBuffer",
                    count + " ints");
            host.get(dst, 0, count);
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void fill(Buffer dst, float value, long count) {
        int n = Shapes.total("fill", count);
        Shapes.need("fill", "dst", dst, dst.isInt(), n);
        if (dst.isInt()) {
            launch.kernel("fill_i32").buf(dst).i((int) value).i(n).run1d(n, local);
        } else {
            launch.kernel("fill_f32").buf(dst).f(value).i(n).run1d(n, local);
        }
    }

    @Override
    public void copy(Buffer src, Buffer dst, long count) {
        int n = Shapes.total("copy", count);
        Shapes.need("copy", "src", src, src.isInt(), n);
        Shapes.need("copy", "dst", dst, src.isInt(), n);
        if (n == 0) return;
        ClCheck.check(clEnqueueCopyBuffer(queue, mem(src), mem(dst), 0, 0, (long) n * 4, null, null),
                "clEnqueueCopyBuffer", n + " elements");
    }

    @Override
    public void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                            Buffer w, Buffer b) {
        int total = InitArgs.weights(init, netBase, E, layer, fanIn, fanOut, b);
        String op = "initWeights " + init;
        Shapes.need(op, "w", w, false, total);
        Sampling s = init.sampling(fanIn, fanOut);
        if (s.form() == Sampling.Form.RAI) Shapes.need(op, "b", b, false, (long) E * fanOut);
        if (!deviceInit) {
            HostInit.weightsVia(this, init, seed, netBase, E, layer, fanIn, fanOut, w, b);
        } else if (s.form() == Sampling.Form.CONSTANT) {
            fill(w, (float) s.p0(), total);
        } else if (s.form() == Sampling.Form.RAI) {
            launch.kernel("init_rai").d(s.p0()).i((int) seed).i((int) (seed >>> 32)).i(netBase).i(E)
                    .i(Purpose.WEIGHTS.code).i(layer).i(fanIn).i(fanOut).buf(w).buf(b).run1d(E * fanOut, local);
        } else {
            params(s, seed, netBase, E, Purpose.WEIGHTS, layer, fanIn * fanOut, w, total);
        }
    }

    @Override
    public void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        int total = InitArgs.biases(init, netBase, E, layer, n);
        Shapes.need("initBiases " + init, "b", b, false, total);
        Sampling s = init.biasSampling();
        if (!deviceInit) {
            HostInit.biasesVia(this, init, seed, netBase, E, layer, n, b);
        } else if (s.form() == Sampling.Form.CONSTANT) {
            fill(b, (float) s.p0(), total);
        } else {
            params(s, seed, netBase, E, Purpose.BIASES, layer, n, b, total);
        }
    }

    private void params(Sampling s, long seed, int netBase, int E, Purpose purpose, int sub, int perNet, Buffer dst,
                        int total) {
        launch.kernel("init_params").i(s.form().code).d(s.p0()).d(s.p1()).i((int) seed).i((int) (seed >>> 32))
                .i(netBase).i(E).i(purpose.code).i(sub).i(perNet).buf(dst).run1d(total, local);
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        String op = "denseForward";
        int out = Shapes.total(op, E, B, nOut);
        Shapes.need(op, "x", x, false, Shapes.total(op, E, B, nIn));
        Shapes.need(op, "w", w, false, Shapes.total(op, E, nOut, nIn));
        Shapes.need(op, "b", b, false, (long) E * nOut);
        Shapes.optional(op, "slope", slope, false, (long) E * nOut);
        Shapes.need(op, "z", z, false, out);
        Shapes.need(op, "a", a, false, out);
        Shapes.optional(op, "alive", alive, true, (long) E * nOut);
        int version = forwardVersion != 0 ? forwardVersion : tiledVersionFor(B, nIn, nOut);
        launch.kernel(version == 2 ? "dense_forward_v2" : "dense_forward_v1").i(E).i(B).i(nIn).i(nOut).buf(x).buf(w)
                .buf(b).i(act.code).f(alpha).buf(slope).buf(z).buf(a).buf(alive);
        if (version == 2) {
            launch.run2d(roundUp(nOut), Shapes.total(op + " v2 grid", roundUp(B), E), TILE, TILE);
        } else {
            launch.run1d(out, local);
        }
    }

    /**
     * The dense kernels' version: v2 (16x16 local-memory tiles) for wide layers on a GPU that takes 16x16 groups, v1
     * (one item per output) else; on a CPU device v1 lets the compiler vectorise the whole loop.
     */
    int tiledVersionFor(int B, int nIn, int nOut) {
        boolean wide = nIn >= 64 && nOut >= 32 && B >= TILE;
        return device.gpu && wide && device.maxWorkGroup >= TILE * TILE ? 2 : 1;
    }

    private static long roundUp(long n) {
        return (n + TILE - 1) / TILE * TILE;
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act,
                              float alpha, Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        String op = "denseBackward";
        int out = Shapes.total(op, E, B, nOut);
        int inputs = Shapes.total(op, E, B, nIn);
        Shapes.need(op, "x", x, false, inputs);
        Shapes.need(op, "w", w, false, Shapes.total(op, E, nOut, nIn));
        Shapes.need(op, "z", z, false, out);
        Shapes.optional(op, "slope", slope, false, (long) E * nOut);
        Shapes.need(op, "dA", dA, false, out);
        Shapes.need(op, "dW", dW, false, (long) E * nOut * nIn);
        Shapes.need(op, "db", db, false, (long) E * nOut);
        Shapes.optional(op, "dSlope", dSlope, false, (long) E * nOut);
        Shapes.optional(op, "dX", dX, false, inputs);
        if (dSlope != null) {
            launch.kernel("prelu_slope_grad").i(E).i(B).i(nOut).buf(z).buf(dA).buf(dSlope)
                    .run1d(Shapes.total(op, E, nOut), local);
        }
        if (act != Activation.LINEAR) {
            launch.kernel("activation_backward").i(E).i(B).i(nOut).buf(z).i(act.code).f(alpha).buf(slope).buf(dA)
                    .run1d(out, local);
        }
        int version = backwardVersion != 0 ? backwardVersion : tiledVersionFor(B, nIn, nOut);
        launch.kernel(version == 2 ? "dense_backward_weights_v2" : "dense_backward_weights").i(E).i(B).i(nIn)
                .i(nOut).buf(x).buf(dA).buf(dW).buf(db);
        if (version == 2) {
            launch.run2d(roundUp(nIn + 1L), Shapes.total(op + " v2 grid", roundUp(nOut), E), TILE, TILE);
        } else {
            launch.run1d(Shapes.total(op, E, nOut, nIn + 1L), local);
        }
        if (dX != null) {
            launch.kernel(version == 2 ? "dense_backward_dx_v2" : "dense_backward_dx_v1").i(E).i(B).i(nIn).i(nOut)
                    .buf(w).buf(dA).buf(dX);
            if (version == 2) {
                launch.run2d(roundUp(nIn), Shapes.total(op + " v2 grid", roundUp(B), E), TILE, TILE);
            } else {
                launch.run1d(inputs, local);
            }
        }
    }

    @Override
    public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        String op = "loss";
        int total = Shapes.total(op, E, B, n);
        Shapes.need(op, "out", out, false, total);
        Shapes.need(op, "target", target, false, total);
        Shapes.need(op, "dOut", dOut, false, total);
        Shapes.need(op, "lossLast", lossLast, false, E);
        Shapes.need(op, "lossSum", lossSum, false, E);
        Shapes.need(op, "diverged", diverged, true, E);
        launch.kernel("loss_v1").i(loss.code).i(E).i(B).i(n).buf(out).buf(target).buf(dOut).buf(lossLast)
                .buf(lossSum).buf(diverged).run1d(E, local);
    }

    @Override
    public void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                              Buffer lr, float correction, Buffer diverged) {
        String op = "optimizerStep " + opt;
        int total = Shapes.total(op, E, perNet);
        Shapes.need(op, "param", param, false, total);
        Shapes.need(op, "grad", grad, false, total);
        if (opt.stateSlots() >= 1) Shapes.need(op, "s1", s1, false, total);
        if (opt.stateSlots() >= 2) Shapes.need(op, "s2", s2, false, total);
        Shapes.need(op, "lr", lr, false, E);
        Shapes.need(op, "diverged", diverged, true, E);
        launch.kernel("optimizer_step").i(opt.kind.code).f((float) opt.momentum).f((float) opt.beta1)
                .f((float) opt.beta2).f((float) opt.epsilon).i(E).i((int) perNet).buf(param).buf(grad)
                .buf(opt.stateSlots() >= 1 ? s1 : null).buf(opt.stateSlots() >= 2 ? s2 : null).buf(lr).f(correction)
                .buf(diverged).run1d(total, local);
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        String op = "functionPoints";
        int total = Shapes.total(op, E, B);
        checkPositions(op, nPoints, start, B);
        Shapes.need(op, "x", x, false, total);
        Shapes.need(op, "y", y, false, total);
        launch.kernel("function_points").i(f.code).f(lo).f(hi).i((int) seed).i((int) (seed >>> 32)).i(netBase).i(E)
                .i(purpose.code).i(nPoints).i(start).i(B).i(epoch).buf(x).buf(y).run1d(total, local);
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        String op = "gatherRows";
        checkPositions(op, nRows, start, B);
        Shapes.need(op, "data", data, false, Shapes.total(op, (long) rowBase + nRows, d));
        Shapes.need(op, "labels", labels, false, Shapes.total(op, (long) rowBase + nRows, k));
        Shapes.need(op, "x", x, false, Shapes.total(op, E, B, d));
        Shapes.need(op, "y", y, false, Shapes.total(op, E, B, k));
        launch.kernel("gather_rows").buf(data).buf(labels).i(rowBase).i(nRows).i(d).i(k).i((int) seed)
                .i((int) (seed >>> 32)).i(netBase).i(E).i(start).i(B).i(epoch).buf(x).buf(y)
                .run1d(Shapes.total(op, E, B, (long) d + k), local);
    }

    private static void checkPositions(String op, int n, int start, int B) {
        if (n < 1 || start < 0 || B < 0 || (long) start + B > n) {
            throw new IllegalArgumentException(op + ": positions [" + start + ", " + ((long) start + B)
                    + ") must lie in [0, " + n + ")");
        }
    }

    @Override
    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        String op = "reduceDead";
        int units = Shapes.total(op, E, n);
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException(op + ": layer=" + layer + " must be in [0, " + layers + ")");
        }
        Shapes.need(op, "alive", alive, true, units);
        Shapes.optional(op, "everDead", everDead, true, units);
        Shapes.need(op, "dead", dead, true, Shapes.total(op, E, layers));
        Shapes.optional(op, "revived", revived, true, (long) E * layers);
        launch.kernel("reduce_dead").i(E).i(n).buf(alive).buf(everDead).buf(dead).buf(revived).i(layers).i(layer)
                .run1d(E, local);
    }

    @Override
    public void absSum(int E, int B, int n, Buffer a, Buffer sums) {
        String op = "absSum";
        Shapes.need(op, "a", a, false, Shapes.total(op, E, B, n));
        Shapes.need(op, "sums", sums, false, Shapes.total(op, E, n));
        launch.kernel("abs_sum").i(E).i(B).i(n).buf(a).buf(sums).run1d(E * n, local);
    }

    @Override
    public void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) {
        String op = "dormantMask";
        int units = Shapes.total(op, E, n);
        Shapes.need(op, "sums", sums, false, units);
        Shapes.need(op, "alive", alive, true, units);
        launch.kernel("dormant_mask").i(E).i(n).buf(sums).f(tau).buf(alive).run1d(E, local);
    }

    @Override
    public void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        String op = "outputStats";
        if (first && B < 1) throw new IllegalArgumentException(op + ": the first batch needs B >= 1, got " + B);
        Shapes.need(op, "v", v, false, Shapes.total(op, E, B, n));
        Shapes.need(op, "stats", stats, false, Shapes.total(op, E, n, 4));
        launch.kernel("output_stats").i(E).i(B).i(n).buf(v).buf(stats).i(first ? 1 : 0).run1d(E * n, local);
    }

    @Override
    public boolean canTrainFused(FusedNetwork net) {
        return net.unsupported() == null;
    }

    @Override
    public String fusedPath(FusedNetwork net, int E) {
        return fused.variant(net, E).describe();
    }

    /** The variant trainFused runs for E networks of {@code net} (tests). */
    FusedVariant fusedVariant(FusedNetwork net, int E) {
        return fused.variant(net, E);
    }

    @Override
    public void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        String op = "trainFused";
        String why = net.unsupported();
        if (why != null) throw new IllegalArgumentException(op + ": unsupported network: " + why);
        Shapes.need(op, "lr", lr, false, E);
        Shapes.need(op, "counts", counts, true, Shapes.total(op, E, net.countsPerNetwork()));
        Shapes.need(op, "stats", stats, false, Shapes.total(op, E, FusedNetwork.STATS));
        FusedVariant v = fused.variant(net, E);
        float[] corrections = net.corrections();
        try (Buffer s = ints(net.spec().length); Buffer c = floats(corrections.length);
             Buffer init = floats(Shapes.total(op, E, v.parameters()));
             Buffer points = fused.pointTable(v) ? floats(Shapes.total(op, E, net.trainPoints)) : null) {
            fusedInit(net, netBase, E, s, init);
            write(c, corrections, corrections.length);
            fused.run(v, netBase, E, init, points, lr, c, counts, stats);
            synchronize();
        }
    }

    /** fused_init: the initial parameters of networks [netBase, netBase + E) into init [P][E]; spec is scratch. */
    private void fusedInit(FusedNetwork net, int netBase, int E, Buffer spec, Buffer init) {
        int[] s = net.spec();
        writeInts(spec, s, s.length);
        int P = FusedVariant.of(net, 1).parameters();
        launch.kernel("fused_init").i(E).i(netBase).i((int) net.seed).i((int) (net.seed >>> 32)).buf(spec).i(P)
                .buf(init).run1d(Shapes.total("fusedInit", E, P), local);
    }

    @Override
    public void synchronize() {
        ClCheck.check(clFinish(queue), "clFinish", device.toString());
    }

    /**
     * Device time from the queue's profiling clock: a one-item fill launch before {@code op}'s work and one after;
     * the time runs from the first's end to the second's start, which an in-order queue puts around the work.
     */
    @Override
    public double timeSeconds(Runnable op) {
        try (Buffer stamp = floats(1)) {
            long before = stamp(stamp), after = 0;
            try {
                op.run();
                after = stamp(stamp);
                ClCheck.check(clWaitForEvents(after), "clWaitForEvents", "timer stamp");
                return (profile(after, CL_PROFILING_COMMAND_START) - profile(before, CL_PROFILING_COMMAND_END)) / 1e9;
            } finally {
                clReleaseEvent(before);
                if (after != 0) clReleaseEvent(after);
            }
        }
    }

    @Override
    public boolean onGpu() {
        return device.gpu;
    }

    @Override
    public String timerName() {
        return "OpenCL profiling events";
    }

    private long stamp(Buffer stamp) {
        return launch.kernel("fill_f32").buf(stamp).f(0f).i(1).runOneWithEvent();
    }

    private static long profile(long event, int what) {
        long[] t = new long[1];
        ClCheck.check(clGetEventProfilingInfo(event, what, t, null), "clGetEventProfilingInfo", "timer stamp");
        return t[0];
    }

    @Override
    public void close() {
        try {
            int rc = clFinish(queue);
            if (rc != CL_SUCCESS) warn("clFinish: " + ClCheck.name(rc));
            String err = fused.release();
            if (err != null) warn(err);
            err = program.release();
            if (err != null) warn(err);
            rc = clReleaseCommandQueue(queue);
            if (rc != CL_SUCCESS) warn("clReleaseCommandQueue: " + ClCheck.name(rc));
            rc = clReleaseContext(context);
            if (rc != CL_SUCCESS) warn("clReleaseContext: " + ClCheck.name(rc));
        } catch (RuntimeException | LinkageError e) {
            warn("closing the OpenCL engine: " + e);
        }
    }

    private static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }

    private static long mem(Buffer b) {
        return ((OpenClBuffer) b).mem;
    }
}
