package dev.relulab.engine.cuda;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.InitArgs;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.nn.Sampling;
import dev.relulab.random.Purpose;
import java.util.List;

/**
 * The launches behind each compute operation, following the kernel ABI of native-kernels/README.md: argument order,
 * launch shape and, where a family has versions, which one runs. Kernels index with 32-bit ints, so every launch
 * first checks that its element count stays under 2^31.
 */
final class CudaKernels {
    /** Tile edge of dense_forward_v2 (DF_TILE in native-kernels/common/dense_forward.h). */
    static final int DF_TILE = 16;
    /** Every kernel these launches use, looked up when the engine opens so that a stale fatbin fails at once. */
    static final List<String> NAMES = List.of("dense_forward_v1", "dense_forward_v2", "prelu_slope_grad",
            "activation_backward", "dense_backward_weights", "dense_backward_weights_v2", "dense_backward_dx_v1",
            "dense_backward_dx_v2", "loss_v1", "optimizer_step",
            "function_points", "gather_rows", "reduce_dead", "abs_sum", "dormant_mask", "output_stats", "init_params",
            "init_rai", "fused_init");
    /** The driver's limit on gridDim.y. */
    private static final int MAX_GRID_Y = 65535;

    private final Launcher launcher;

    CudaKernels(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Which dense_forward version a layer of this shape runs (the launcher names it in every error). */
    static String denseForwardVersion(int E, int B, int nIn, int nOut) {
        return tiled(B, nIn, nOut, (long) E * tiles(B)) ? "dense_forward_v2" : "dense_forward_v1";
    }

    /** The OpenCL engine's rule for the tiled v2 kernels, so both backends run the same version on a shape. */
    private static boolean tiled(int B, int nIn, int nOut, long gridY) {
        return nIn >= 64 && nOut >= 32 && B >= DF_TILE && gridY <= MAX_GRID_Y;
    }

    void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act, float alpha,
                      Buffer slope, Buffer z, Buffer a, Buffer alive) {
        String op = "denseForward";
        long total = elements(op, E, B, nOut);
        need(op, "x", x, false, elements(op, E, B, nIn));
        need(op, "w", w, false, elements(op, E, nOut, nIn));
        need(op, "b", b, false, (long) E * nOut);
        optional(op, "slope", slope, false, (long) E * nOut);
        need(op, "z", z, false, total);
        need(op, "a", a, false, total);
        optional(op, "alive", alive, true, (long) E * nOut);
        String kernel = denseForwardVersion(E, B, nIn, nOut);
        LaunchShape shape = kernel.endsWith("v2")
                ? tileShape(tiles(nOut), E * tiles(B))
                : LaunchShape.linear(total);
        launcher.launch(kernel, shape, E, B, nIn, nOut, x, w, b, act.code, alpha, slope, z, a, alive);
    }

    void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act, float alpha,
                       Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        String op = "denseBackward";
        long outs = elements(op, E, B, nOut);
        need(op, "x", x, false, elements(op, E, B, nIn));
        need(op, "w", w, false, elements(op, E, nOut, nIn));
        need(op, "z", z, false, outs);
        optional(op, "slope", slope, false, (long) E * nOut);
        need(op, "dA", dA, false, outs);
        need(op, "dW", dW, false, (long) E * nOut * nIn);
        need(op, "db", db, false, (long) E * nOut);
        optional(op, "dSlope", dSlope, false, (long) E * nOut);
        optional(op, "dX", dX, false, (long) E * B * nIn);
        if (dSlope != null) {
            launcher.launch("prelu_slope_grad", LaunchShape.linear((long) E * nOut), E, B, nOut, z, dA, dSlope);
        }
        if (act != Activation.LINEAR) {
            launcher.launch("activation_backward", LaunchShape.linear(outs), E, B, nOut, z, act.code, alpha, slope,
                    dA);
        }
        long weights = elements(op, E, nOut, nIn + 1);
        if (tiled(B, nIn, nOut, (long) E * tiles(nOut))) {
            launcher.launch("dense_backward_weights_v2", tileShape(tiles(nIn + 1), E * tiles(nOut)), E, B, nIn, nOut,
                    x, dA, dW, db);
        } else {
            launcher.launch("dense_backward_weights", LaunchShape.linear(weights), E, B, nIn, nOut, x, dA, dW, db);
        }
        if (dX == null) return;
        if (tiled(B, nIn, nOut, (long) E * tiles(B))) {
            launcher.launch("dense_backward_dx_v2", tileShape(tiles(nIn), E * tiles(B)), E, B, nIn, nOut, w, dA, dX);
        } else {
            launcher.launch("dense_backward_dx_v1", LaunchShape.linear(elements(op, E, B, nIn)), E, B, nIn, nOut, w,
                    dA, dX);
        }
    }

    void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast, Buffer lossSum,
              Buffer diverged) {
        long total = elements("loss", E, B, n);
        need("loss", "out", out, false, total);
        need("loss", "target", target, false, total);
        need("loss", "dOut", dOut, false, total);
        need("loss", "lossLast", lossLast, false, E);
        need("loss", "lossSum", lossSum, false, E);
        need("loss", "diverged", diverged, true, E);
        launcher.launch("loss_v1", LaunchShape.linear(E), loss.code, E, B, n, out, target, dOut, lossLast, lossSum,
                diverged);
    }

    void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2, Buffer lr,
                       float correction, Buffer diverged) {
        String op = "optimizerStep";
        long total = elements(op, E, 1, perNet);
        need(op, "param", param, false, total);
        need(op, "grad", grad, false, total);
        if (opt.stateSlots() >= 1) need(op, "s1", s1, false, total);
        if (opt.stateSlots() >= 2) need(op, "s2", s2, false, total);
        need(op, "lr", lr, false, E);
        need(op, "diverged", diverged, true, E);
        launcher.launch("optimizer_step", LaunchShape.linear(total), opt.kind.code, (float) opt.momentum,
                (float) opt.beta1, (float) opt.beta2, (float) opt.epsilon, E, (int) perNet, param, grad,
                opt.stateSlots() >= 1 ? s1 : null, opt.stateSlots() >= 2 ? s2 : null, lr, correction, diverged);
    }

    void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                        int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        long total = elements("functionPoints", E, B, 1);
        need("functionPoints", "x", x, false, total);
        need("functionPoints", "y", y, false, total);
        launcher.launch("function_points", LaunchShape.linear(total), f.code, lo, hi, (int) seed,
                (int) (seed >>> 32), netBase, E, purpose.code, nPoints, start, B, epoch, x, y);
    }

    void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase, int E,
                    int start, int B, int epoch, Buffer x, Buffer y) {
        String op = "gatherRows";
        long total = elements(op, E, B, (long) d + k);
        need(op, "data", data, false, elements(op, 1, (long) rowBase + nRows, d));
        need(op, "labels", labels, false, elements(op, 1, (long) rowBase + nRows, k));
        need(op, "x", x, false, (long) E * B * d);
        need(op, "y", y, false, (long) E * B * k);
        launcher.launch("gather_rows", LaunchShape.linear(total), data, labels, rowBase, nRows, d, k, (int) seed,
                (int) (seed >>> 32), netBase, E, start, B, epoch, x, y);
    }

    /** Constant forms are a memset; the others launch init_params or init_rai. */
    void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut, Buffer w,
                     Buffer b, Fill fill) {
        int total = InitArgs.weights(init, netBase, E, layer, fanIn, fanOut, b);
        String op = "initWeights " + init;
        need(op, "w", w, false, total);
        Sampling s = init.sampling(fanIn, fanOut);
        if (s.form() == Sampling.Form.CONSTANT) {
            fill.fill(w, (float) s.p0(), total);
        } else if (s.form() == Sampling.Form.RAI) {
            need(op, "b", b, false, (long) E * fanOut);
            launcher.launch("init_rai", LaunchShape.linear((long) E * fanOut), s.p0(), (int) seed,
                    (int) (seed >>> 32), netBase, E, Purpose.WEIGHTS.code, layer, fanIn, fanOut, w, b);
        } else {
            params(s, seed, netBase, E, Purpose.WEIGHTS, layer, fanIn * fanOut, w, total);
        }
    }

    void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b, Fill fill) {
        int total = InitArgs.biases(init, netBase, E, layer, n);
        need("initBiases " + init, "b", b, false, total);
        Sampling s = init.biasSampling();
        if (s.form() == Sampling.Form.CONSTANT) {
            fill.fill(b, (float) s.p0(), total);
        } else {
            params(s, seed, netBase, E, Purpose.BIASES, layer, n, b, total);
        }
    }

    private void params(Sampling s, long seed, int netBase, int E, Purpose purpose, int sub, int perNet, Buffer dst,
                        int total) {
        launcher.launch("init_params", LaunchShape.linear(total), s.form().code, s.p0(), s.p1(), (int) seed,
                (int) (seed >>> 32), netBase, E, purpose.code, sub, perNet, dst);
    }

    /** The engine's fill, for the constant forms. */
    interface Fill {
        void fill(Buffer dst, float value, long count);
    }

    void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers, int layer) {
        String op = "reduceDead";
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException(op + ": layer=" + layer + " must be in [0, layers=" + layers + ")");
        }
        need(op, "alive", alive, true, elements(op, E, 1, n));
        optional(op, "everDead", everDead, true, (long) E * n);
        need(op, "dead", dead, true, elements(op, E, 1, layers));
        optional(op, "revived", revived, true, (long) E * layers);
        launcher.launch("reduce_dead", LaunchShape.linear(E), E, n, alive, everDead, dead, revived, layers, layer);
    }

    void absSum(int E, int B, int n, Buffer a, Buffer sums) {
        need("absSum", "a", a, false, elements("absSum", E, B, n));
        need("absSum", "sums", sums, false, (long) E * n);
        launcher.launch("abs_sum", LaunchShape.linear((long) E * n), E, B, n, a, sums);
    }

    void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) {
        need("dormantMask", "sums", sums, false, elements("dormantMask", E, 1, n));
        need("dormantMask", "alive", alive, true, (long) E * n);
        launcher.launch("dormant_mask", LaunchShape.linear(E), E, n, sums, tau, alive);
    }

    void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        need("outputStats", "v", v, false, elements("outputStats", E, B, n));
        need("outputStats", "stats", stats, false, elements("outputStats", E, n, 4));
        launcher.launch("output_stats", LaunchShape.linear((long) E * n), E, B, n, v, stats, first ? 1 : 0);
    }

    private static LaunchShape tileShape(int gx, int gy) {
        return new LaunchShape(gx, gy, 1, DF_TILE, DF_TILE, 1, 0);
    }

    private static int tiles(int n) {
        return (n + DF_TILE - 1) / DF_TILE;
    }

    /** Checks a required buffer's type and size before a launch, since a kernel reading past it would kill the context. */
    private static void need(String op, String name, Buffer buffer, boolean isInt, long count) {
        if (buffer == null) throw new IllegalArgumentException(op + ": " + name + " is required");
        if (!(buffer instanceof CudaBuffer)) {
            throw new IllegalArgumentException(op + ": " + name + " is a " + buffer.getClass().getSimpleName()
                    + ", not a CUDA buffer");
        }
        ((CudaBuffer) buffer).checked(isInt, count, op + " " + name);
    }

    private static void optional(String op, String name, Buffer buffer, boolean isInt, long count) {
        if (buffer != null) need(op, name, buffer, isInt, count);
    }

    /** E * rows * cols, refused when the kernels' 32-bit index math cannot reach it. */
    private static long elements(String op, long E, long rows, long cols) {
        if (E < 0 || rows < 0 || cols < 0) {
            throw new IllegalArgumentException(op + ": E=" + E + ", " + rows + " x " + cols + " must not be negative");
        }
        long total = E * rows * cols;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": E=" + E + " x " + rows + " x " + cols + " = " + total
                    + " elements; the kernels index below 2^31, use smaller chunks");
        }
        return total;
    }
}
