package dev.relulab.engine;

import static dev.relulab.engine.Arg.d;
import static dev.relulab.engine.Arg.f;
import static dev.relulab.engine.Arg.floats;
import static dev.relulab.engine.Arg.i;
import static dev.relulab.engine.Arg.ints;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.nn.Sampling;
import dev.relulab.random.Purpose;
import java.util.ArrayList;
import java.util.List;

/**
 * Which kernels serve each engine operation on a {@link Device}, written once for CUDA and OpenCL: the argument checks
 * ({@link OpChecks}), the version, the arguments in ABI order (native-kernels/README.md) and the launch range. The
 * dense layers are {@link DenseLaunches}. With {@code -Drelulab.sync=true} every launch is followed by a wait, so that a
 * fault inside a kernel is reported against that kernel and its range.
 */
public final class KernelPlan {
    /** System property: wait and check after every launch (slow; for finding the kernel that faults). */
    public static final String SYNC_PROPERTY = "relulab.sync";

    final Device device;
    private final boolean syncEveryLaunch = Boolean.getBoolean(SYNC_PROPERTY);
    private final DenseLaunches dense;
    /** Whether initWeights/initBiases draw on the host (devices without double precision, or forced by tests). */
    private boolean hostInit;

    public KernelPlan(Device device) {
        this.device = device;
        this.dense = new DenseLaunches(this, GemmMode.fromProperty());
        this.hostInit = !device.fp64();
    }

    /** The dense-layer launches, whose version and GEMM rules tests and benchmarks may force. */
    public DenseLaunches dense() {
        return dense;
    }

    /** Draw initial weights on the host and upload them (true), or run the init kernels where the device can (false). */
    public void forceHostInit(boolean host) {
        hostInit = host || !device.fp64();
    }

    /** Queues one launch (none for an empty range); in sync mode waits and names the launch in any fault. */
    void launch(Kernel kernel, LaunchRange range, Arg... args) {
        launch(kernel.id(), range, args);
    }

    /** As {@link #launch(Kernel, LaunchRange, Arg...)} for a compile-time variant ({@link Kernel#variant}). */
    public void launch(KernelId kernel, LaunchRange range, Arg... args) {
        if (range.isEmpty()) return;
        device.launch(kernel, range, args);
        if (syncEveryLaunch) {
            try {
                device.synchronize();
            } catch (RuntimeException e) {
                throw new IllegalStateException(kernel + " " + range + " faulted: " + e.getMessage(), e);
            }
        }
    }

    public void fill(Buffer dst, float value, long count) {
        OpChecks.fill(dst, count);
        if (count == 0) return;
        int bits = dst.isInt() ? (int) value : Float.floatToRawIntBits(value);
        if (device.memset(dst, bits, count)) return;
        LaunchRange range = LaunchRange.linear(count);
        if (dst.isInt()) {
            launch(Kernel.FILL_I32, range, ints("dst", dst), i("value", (int) value), i("count", (int) count));
        } else {
            launch(Kernel.FILL_F32, range, floats("dst", dst), f("value", value), i("count", (int) count));
        }
    }

    public void copy(Buffer src, Buffer dst, long count) {
        OpChecks.copy(src, dst, count);
        if (count > 0) device.copy(src, dst, count);
    }

    public void initWeights(Engine engine, Initializer init, long seed, int netBase, int E, int layer, int fanIn,
                            int fanOut, Buffer w, Buffer b) {
        int total = InitArgs.weights(init, netBase, E, layer, fanIn, fanOut, b);
        String op = "initWeights " + init;
        OpChecks.need(op, "w", w, false, total);
        Sampling s = init.sampling(fanIn, fanOut);
        if (s.form() == Sampling.Form.RAI) OpChecks.need(op, "b", b, false, (long) E * fanOut);
        if (hostInit) {
            HostInit.weightsVia(engine, init, seed, netBase, E, layer, fanIn, fanOut, w, b);
        } else if (s.form() == Sampling.Form.CONSTANT) {
            fill(w, (float) s.p0(), total);
        } else if (s.form() == Sampling.Form.RAI) {
            launch(Kernel.INIT_RAI, LaunchRange.linear((long) E * fanOut), args(d("std", s.p0()), Arg.seed(seed),
                    i("netBase", netBase), i("E", E), i("purpose", Purpose.WEIGHTS.code), i("sub", layer),
                    i("fanIn", fanIn), i("fanOut", fanOut), floats("w", w), floats("b", b)));
        } else {
            params(s, seed, netBase, E, Purpose.WEIGHTS, layer, fanIn * fanOut, w, total);
        }
    }

    public void initBiases(Engine engine, Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        int total = InitArgs.biases(init, netBase, E, layer, n);
        OpChecks.need("initBiases " + init, "b", b, false, total);
        Sampling s = init.biasSampling();
        if (hostInit) {
            HostInit.biasesVia(engine, init, seed, netBase, E, layer, n, b);
        } else if (s.form() == Sampling.Form.CONSTANT) {
            fill(b, (float) s.p0(), total);
        } else {
            params(s, seed, netBase, E, Purpose.BIASES, layer, n, b, total);
        }
    }

    private void params(Sampling s, long seed, int netBase, int E, Purpose purpose, int sub, int perNet, Buffer dst,
                        int total) {
        launch(Kernel.INIT_PARAMS, LaunchRange.linear(total), args(i("form", s.form().code), d("p0", s.p0()),
                d("p1", s.p1()), Arg.seed(seed), i("netBase", netBase), i("E", E), i("purpose", purpose.code),
                i("sub", sub), i("perNet", perNet), floats("dst", dst)));
    }

    public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        OpChecks.loss(E, B, n, out, target, dOut, lossLast, lossSum, diverged);
        launch(Kernel.LOSS_V1, LaunchRange.linear(E), i("loss", loss.code), i("E", E), i("B", B), i("n", n),
                floats("out", out), floats("target", target), floats("dOut", dOut), floats("lossLast", lossLast),
                floats("lossSum", lossSum), ints("diverged", diverged));
    }

    public void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                              Buffer lr, float correction, Buffer diverged) {
        OpChecks.optimizerStep(opt, E, perNet, param, grad, s1, s2, lr, diverged);
        launch(Kernel.OPTIMIZER_STEP, LaunchRange.linear((long) E * perNet), i("kind", opt.kind.code),
                f("momentum", (float) opt.momentum), f("beta1", (float) opt.beta1), f("beta2", (float) opt.beta2),
                f("epsilon", (float) opt.epsilon), i("E", E), i("perNet", (int) perNet), floats("param", param),
                floats("grad", grad), floats("s1", opt.stateSlots() >= 1 ? s1 : null),
                floats("s2", opt.stateSlots() >= 2 ? s2 : null), floats("lr", lr), f("correction", correction),
                ints("diverged", diverged));
    }

    public void functionPoints(FunctionTarget fn, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        OpChecks.functionPoints(netBase, E, nPoints, start, B, epoch, x, y);
        launch(Kernel.FUNCTION_POINTS, LaunchRange.linear((long) E * B), args(i("f", fn.code), f("lo", lo),
                f("hi", hi), Arg.seed(seed), i("netBase", netBase), i("E", E), i("purpose", purpose.code),
                i("nPoints", nPoints), i("start", start), i("B", B), i("epoch", epoch), floats("x", x),
                floats("y", y)));
    }

    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        OpChecks.gatherRows(data, labels, rowBase, nRows, d, k, netBase, E, start, B, epoch, x, y);
        launch(Kernel.GATHER_ROWS, LaunchRange.linear((long) E * B * (d + k)), args(floats("data", data),
                floats("labels", labels), i("rowBase", rowBase), i("nRows", nRows), i("d", d), i("kLabels", k),
                Arg.seed(seed), i("netBase", netBase), i("E", E), i("start", start), i("B", B), i("epoch", epoch),
                floats("x", x), floats("y", y)));
    }

    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        OpChecks.reduceDead(E, n, alive, everDead, dead, revived, layers, layer);
        launch(Kernel.REDUCE_DEAD, LaunchRange.linear(E), i("E", E), i("n", n), ints("alive", alive),
                ints("everDead", everDead), ints("dead", dead), ints("revived", revived), i("layers", layers),
                i("layer", layer));
    }

    public void absSum(int E, int B, int n, Buffer a, Buffer sums) {
        OpChecks.absSum(E, B, n, a, sums);
        launch(Kernel.ABS_SUM, LaunchRange.linear((long) E * n), i("E", E), i("B", B), i("n", n), floats("a", a),
                floats("sums", sums));
    }

    public void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) {
        OpChecks.dormantMask(E, n, sums, alive);
        launch(Kernel.DORMANT_MASK, LaunchRange.linear(E), i("E", E), i("n", n), floats("sums", sums), f("tau", tau),
                ints("alive", alive));
    }

    public void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        OpChecks.outputStats(E, B, n, v, stats, first);
        launch(Kernel.OUTPUT_STATS, LaunchRange.linear((long) E * n), i("E", E), i("B", B), i("n", n),
                floats("v", v), floats("stats", stats), i("first", first ? 1 : 0));
    }

    /**
     * The fused variant that trains E networks of {@code net} on this device, or null when the device has none (CUDA
     * ships a stated set): the lane rule ({@link FusedVariant#lanesFor}) on this device's kind and compute units,
     * one-lane variants only where one is shipped and fits the registers, groups of {@link FusedVariant#GROUP} on a
     * GPU and {@link FusedVariant#CPU_GROUP} on a CPU device.
     */
    public FusedVariant fusedVariant(FusedNetwork net, int E) {
        if (net.unsupported() != null) return null;
        boolean gpu = device.onGpu();
        int group = gpu ? FusedVariant.GROUP : FusedVariant.CPU_GROUP;
        FusedVariant one = FusedVariant.of(net, 1, group);
        boolean oneLane = one.fitsRegisters() && device.ships(one.kernel());
        FusedVariant v = FusedVariant.of(net, FusedVariant.lanesFor(net, E, gpu, device.computeUnits(), oneLane), group);
        return device.ships(v.kernel()) ? v : null;
    }

    /**
     * Two launches: fused_init draws the initial parameters into init [P][E], then the variant trains every network;
     * between them, for a one-lane variant with exact skipping on a GPU ({@link FusedOrder#applies}), fused_order_key
     * and {@link FusedOrder#order} put the networks that will skip the same layers side by side (the order argument).
     * The spec, the Adam corrections, init, the order and (CPU devices) the point table are allocated for the call and
     * freed after it.
     */
    public void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        OpChecks.trainFused(net, netBase, E, lr, counts, stats);
        String op = "trainFused";
        FusedVariant v = fusedVariant(net, E);
        if (v == null) {
            throw new IllegalArgumentException(op + ": no fused variant of " + net.arch + " for " + E + " networks on "
                    + device.name() + " (canTrainFused says so first)");
        }
        int P = v.parameters();
        int initTotal = OpChecks.total(op + " init", E, P);
        OpChecks.total(op + " work items", v.global(E));
        long points = v.pointTable(device.onGpu()) ? OpChecks.total(op + " point table", E, net.trainPoints) : 0;
        int[] spec = net.spec();
        float[] corrections = net.corrections();
        Optimizer opt = net.optimizer;
        boolean ordered = ordered(v);
        try (Buffer s = device.allocate(spec.length, true); Buffer c = device.allocate(corrections.length, false);
             Buffer init = device.allocate(initTotal, false);
             Buffer table = points > 0 ? device.allocate(points, false) : null;
             Buffer order = ordered ? device.allocate(E, true) : null) {
            device.write(c, corrections, corrections.length);
            fusedInit(net, netBase, E, P, spec, s, init);
            if (ordered) order(net, v, netBase, E, init, order);
            launch(v.kernel(), v.range(E), args(i("E", E), i("netBase", netBase), Arg.seed(net.seed),
                    i("hidden", v.hidden), floats("init", init), floats("points", table), ints("order", order),
                    i("act", net.arch.hidden.code), f("alpha", net.arch.alpha), i("optKind", opt.kind.code),
                    f("momentum", (float) opt.momentum), f("beta1", (float) opt.beta1), f("beta2", (float) opt.beta2),
                    f("epsilon", (float) opt.epsilon), floats("lr", lr), floats("corrections", c),
                    i("fn", net.target.code), f("lo", net.lo), f("hi", net.hi), i("nTrain", net.trainPoints),
                    i("nTest", net.testPoints), i("batch", net.batch), i("epochs", net.epochs),
                    i("probeEveryEpoch", net.probeEveryEpoch ? 1 : 0), f("tau", net.deadThreshold),
                    i("skip", net.exactSkipping ? 1 : 0), ints("counts", counts), floats("stats", stats)));
            device.synchronize();
        }
    }

    /** Uploads the spec and launches fused_init: the initial parameters of networks [netBase, netBase + E) into init [P][E]. */
    private void fusedInit(FusedNetwork net, int netBase, int E, int P, int[] spec, Buffer s, Buffer init) {
        device.writeInts(s, spec, spec.length);
        launch(Kernel.FUSED_INIT, LaunchRange.linear((long) P * E), args(i("E", E), i("netBase", netBase),
                Arg.seed(net.seed), ints("spec", s), i("P", P), floats("init", init)));
    }

    /** Whether a launch of {@code v} here is ordered: one lane, and {@link FusedOrder#applies} on this device. */
    public boolean ordered(FusedVariant v) {
        return v.lanes == 1 && FusedOrder.applies(v.net, device.onGpu());
    }

    /** fused_order_key into {@code order}, read back, sorted ({@link FusedOrder#order}) and written over it. */
    private void order(FusedNetwork net, FusedVariant v, int netBase, int E, Buffer init, Buffer order) {
        device.writeInts(order, FusedOrder.order(keys(net, v, netBase, E, init, order), E, v.hidden), E);
    }

    private int[] keys(FusedNetwork net, FusedVariant v, int netBase, int E, Buffer init, Buffer key) {
        launch(Kernel.FUSED_ORDER_KEY, LaunchRange.linear(E), args(i("E", E), i("netBase", netBase),
                Arg.seed(net.seed), i("width", v.width), i("hidden", v.hidden),
                i("K", Math.min(FusedOrder.keyPoints(), net.trainPoints)), f("lo", net.lo), f("hi", net.hi),
                floats("init", init), ints("key", key)));
        int[] keys = new int[E];
        device.readInts(key, keys, E);
        return keys;
    }

    /**
     * fused_order_key's keys for networks [netBase, netBase + E) of {@code net} and their initial parameters (init
     * [P][E] as fused_init draws them), both read back: what a one-lane launch sorts by, for tests and benches.
     */
    public FusedOrder.Keys fusedOrderKeys(FusedNetwork net, int netBase, int E) {
        FusedVariant v = FusedVariant.of(net, 1, device.onGpu() ? FusedVariant.GROUP : FusedVariant.CPU_GROUP);
        int P = v.parameters(), total = OpChecks.total("fusedOrderKeys init", E, P);
        int[] spec = net.spec();
        try (Buffer s = device.allocate(spec.length, true); Buffer init = device.allocate(total, false);
             Buffer key = device.allocate(E, true)) {
            fusedInit(net, netBase, E, P, spec, s, init);
            int[] keys = keys(net, v, netBase, E, init, key);
            float[] params = new float[total];
            device.read(init, params, total);
            return new FusedOrder.Keys(keys, params);
        }
    }

    /** Flattens arguments and argument groups (the two seed words) into one ABI-ordered array. */
    static Arg[] args(Object... parts) {
        List<Arg> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Arg[]) {
                for (Arg a : (Arg[]) p) out.add(a);
            } else {
                out.add((Arg) p);
            }
        }
        return out.toArray(new Arg[0]);
    }
}
