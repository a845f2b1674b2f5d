package dev.relulab.engine;

import static dev.relulab.engine.Arg.f;
import static dev.relulab.engine.Arg.floats;
import static dev.relulab.engine.Arg.i;
import static dev.relulab.engine.Arg.ints;

import dev.relulab.nn.Activation;
import java.util.HashMap;
import java.util.Map;

/**
 * The launches of the dense layers (Engine.denseForward, Engine.denseBackward) and the rules that pick their version:
 * v1 (one work item per output) for narrow layers; v2 (16 x 16 tiles in local memory) for wide layers on devices that
 * prefer tiles, while the grid's y extent stays within CUDA's 65,535; and, where the device has a GEMM library, its
 * batched product for the matrix part ({@link GemmMode}). Every path sums in an order the parity bounds accept; v1 and
 * v2 sum in the same order, so they agree bit for bit.
 */
public final class DenseLaunches {
    /** Tile edge of the v2 kernels (DENSE_TILE in native-kernels/common/portable.h). */
    public static final int TILE = 16;
    /** CUDA's limit on gridDim.y, which the v2 grids' network x tile rows must respect. */
    public static final long MAX_GRID_Y = 65_535;
    private static final System.Logger LOG = System.getLogger("dev.relulab.engine");

    private final KernelPlan plan;
    private GemmMode gemmMode;
    private Gemm gemmOverride;
    private int forcedVersion;
    /** AUTO's measured choice per layer shape (E, B, nIn, nOut): true where the library was faster. */
    private final Map<String, Boolean> measured = new HashMap<>();

    DenseLaunches(KernelPlan plan, GemmMode gemmMode) {
        this.plan = plan;
        this.gemmMode = gemmMode;
    }

    /** Forces the kernel version for every shape: 1 or 2, or 0 for the rule (tests, benchmarks). */
    public void forceVersion(int version) {
        if (version < 0 || version > 2) throw new IllegalArgumentException("version=" + version + " must be 0, 1 or 2");
        forcedVersion = version;
    }

    /** Sets how the matrix products are chosen where a GEMM library loaded. */
    public void gemmMode(GemmMode mode) {
        gemmMode = mode;
    }

    public GemmMode gemmMode() {
        return gemmMode;
    }

    /** The GEMM library the products may use here, or null. */
    public Gemm gemm() {
        return gemmOverride != null ? gemmOverride : plan.device.gemm();
    }

    /** Uses {@code g} instead of the device's library (null: the device's again); for {@link HostGemm} checks. */
    public void gemmOverride(Gemm g) {
        gemmOverride = g;
    }

    /** A layer the tiled kernels and the library serve well: the MNIST class (784 x 128, batch 256). */
    public static boolean wide(int B, int nIn, int nOut) {
        return nIn >= 64 && nOut >= 32 && B >= TILE;
    }

    /** The kernel version a layer of this shape runs on this device: 1 or 2. */
    public int version(int E, int B, int nIn, int nOut) {
        if (forcedVersion != 0) return forcedVersion;
        long rows = (long) E * Math.max(tiles(B), tiles(nOut));
        return plan.device.prefersTiles() && wide(B, nIn, nOut) && rows <= MAX_GRID_Y ? 2 : 1;
    }

    public void forward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act, float alpha,
                        Buffer slope, Buffer z, Buffer a, Buffer alive) {
        OpChecks.denseForward(E, B, nIn, nOut, x, w, b, slope, z, a, alive);
        Runnable kernels = () -> forwardKernels(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
        Runnable library = () -> forwardGemm(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
        Boolean useLibrary = gemmChoice(E, B, nIn, nOut);
        if (useLibrary == null) {
            measure(E, B, nIn, nOut, kernels, library);
        } else if (useLibrary) {
            library.run();
        } else {
            kernels.run();
        }
    }

    private void forwardKernels(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                                float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        boolean v2 = version(E, B, nIn, nOut) == 2;
        LaunchRange range = v2 ? LaunchRange.tiles(tiles(nOut), (long) E * tiles(B), TILE)
                : LaunchRange.linear((long) E * B * nOut);
        plan.launch(v2 ? Kernel.DENSE_FORWARD_V2 : Kernel.DENSE_FORWARD_V1, range, i("E", E), i("B", B), i("nIn", nIn),
                i("nOut", nOut), floats("x", x), floats("w", w), floats("b", b), i("act", act.code), f("alpha", alpha),
                floats("slope", slope), floats("z", z), floats("a", a), ints("alive", alive));
    }

    /** z^T (nOut x B) = W (W^T stored column-major, nIn x nOut) times x^T (nIn x B); then bias and activation. */
    private void forwardGemm(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        gemm().sgemmStridedBatched(true, false, nOut, B, nIn, w, nIn, (long) nOut * nIn, x, nIn, (long) B * nIn, z,
                nOut, (long) B * nOut, E);
        plan.launch(Kernel.DENSE_BIAS_ACTIVATION, LaunchRange.linear((long) E * B * nOut), i("E", E), i("B", B),
                i("nOut", nOut), floats("b", b), i("act", act.code), f("alpha", alpha), floats("slope", slope),
                floats("z", z), floats("a", a), ints("alive", alive));
    }

    public void backward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act, float alpha,
                         Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        OpChecks.denseBackward(E, B, nIn, nOut, x, w, z, slope, dA, dW, db, dSlope, dX);
        if (dSlope != null) {
            // before activation_backward: it reads dA while dA is still dL/da
            plan.launch(Kernel.PRELU_SLOPE_GRAD, LaunchRange.linear((long) E * nOut), i("E", E), i("B", B),
                    i("nOut", nOut), floats("z", z), floats("dA", dA), floats("dSlope", dSlope));
        }
        if (act != Activation.LINEAR) {
            plan.launch(Kernel.ACTIVATION_BACKWARD, LaunchRange.linear((long) E * B * nOut), i("E", E), i("B", B),
                    i("nOut", nOut), floats("z", z), i("act", act.code), f("alpha", alpha), floats("slope", slope),
                    floats("dA", dA));
        }
        if (Boolean.TRUE.equals(gemmChoice(E, B, nIn, nOut))) {
            backwardGemm(E, B, nIn, nOut, x, w, dA, dW, db, dX);
            return;
        }
        boolean v2 = version(E, B, nIn, nOut) == 2;
        plan.launch(v2 ? Kernel.DENSE_BACKWARD_WEIGHTS_V2 : Kernel.DENSE_BACKWARD_WEIGHTS,
                v2 ? LaunchRange.tiles(tiles(nIn + 1), (long) E * tiles(nOut), TILE)
                        : LaunchRange.linear((long) E * nOut * (nIn + 1)),
                i("E", E), i("B", B), i("nIn", nIn), i("nOut", nOut), floats("x", x), floats("dz", dA),
                floats("dW", dW), floats("db", db));
        if (dX == null) return;
        plan.launch(v2 ? Kernel.DENSE_BACKWARD_DX_V2 : Kernel.DENSE_BACKWARD_DX_V1,
                v2 ? LaunchRange.tiles(tiles(nIn), (long) E * tiles(B), TILE) : LaunchRange.linear((long) E * B * nIn),
                i("E", E), i("B", B), i("nIn", nIn), i("nOut", nOut), floats("w", w), floats("dz", dA),
                floats("dX", dX));
    }

    /**
     * dW^T (nIn x nOut) = x^T (nIn x B) times dz (dz^T stored, transposed); db by a kernel; dX^T (nIn x B) = W^T (nIn x
     * nOut) times dz^T (nOut x B). Column-major views of the row-major tensors, so no transposes are stored.
     */
    private void backwardGemm(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer dz, Buffer dW, Buffer db,
                              Buffer dX) {
        Gemm g = gemm();
        g.sgemmStridedBatched(false, true, nIn, nOut, B, x, nIn, (long) B * nIn, dz, nOut, (long) B * nOut, dW, nIn,
                (long) nOut * nIn, E);
        plan.launch(Kernel.DENSE_BACKWARD_BIAS, LaunchRange.linear((long) E * nOut), i("E", E), i("B", B),
                i("nOut", nOut), floats("dz", dz), floats("db", db));
        if (dX != null) {
            g.sgemmStridedBatched(false, false, nIn, B, nOut, w, nIn, (long) nOut * nIn, dz, nOut, (long) B * nOut, dX,
                    nIn, (long) B * nIn, E);
        }
    }

    /**
     * Whether this shape's products go through the library: false without one or in KERNELS mode, true in CUBLAS mode;
     * in AUTO, false for narrow layers, the measured choice for a wide shape seen before, null for a new one.
     */
    private Boolean gemmChoice(int E, int B, int nIn, int nOut) {
        if (gemm() == null || gemmMode == GemmMode.KERNELS) return false;
        if (gemmMode == GemmMode.CUBLAS) return true;
        if (!wide(B, nIn, nOut)) return false;
        return measured.get(key(E, B, nIn, nOut));
    }

    /**
     * AUTO's rule: times both forward paths on the call's own buffers (a forward is idempotent: it overwrites z and a
     * and ORs the same alive bits), leaves the faster one's result in place and keeps the choice for the shape; the
     * shape's backward follows it.
     */
    private void measure(int E, int B, int nIn, int nOut, Runnable kernels, Runnable library) {
        double tk = median(kernels), tl = median(library);
        boolean use = tl < tk;
        measured.put(key(E, B, nIn, nOut), use);
        LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "dense %dx%d, batch %d, %d networks:"
                + " %s %.3f ms, relulab kernels %.3f ms per forward; using %s", nIn, nOut, B, E, gemm().name(),
                tl * 1e3, tk * 1e3, use ? gemm().name() : "relulab kernels"));
        if (!use) kernels.run();
    }

    private static String key(int E, int B, int nIn, int nOut) {
        return E + "x" + B + "x" + nIn + "x" + nOut;
    }

    /** Median of three timed runs after one untimed run. */
    private double median(Runnable op) {
        op.run();
        double[] t = new double[3];
        for (int k = 0; k < t.length; k++) t[k] = plan.device.time(op);
        java.util.Arrays.sort(t);
        return t[1];
    }

    static long tiles(long n) {
        return (n + TILE - 1) / TILE;
    }
}
