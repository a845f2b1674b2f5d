package dev.relulab.engine;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.nn.Sampling;

/**
 * One narrow network's whole training on a function target, described for the fused kernels
 * (native-kernels/common/fused_v2.h, fused_v2_lanes.h): architecture, optimizer, data, schedule and dead-unit rule,
 * flattened to the kernels' {@link #spec()} and {@link #corrections()}, with the layout of their results;
 * {@link FusedVariant} picks the compiled variant.
 */
public final class FusedNetwork {
    /**
     * The fused kernels' limits: hidden width (16 alive bits per layer), dense layers (FV_MAX_H + 1), weights and
     * biases (the work-group kernels' owner loops are sized for 1024 plus the slopes).
     */
    public static final int MAX_WIDTH = 16, MAX_LAYERS = 17, MAX_PARAMS = 1024;
    /** |5x| below this keeps the kernels' sine exact enough (SIN_NEAR_LIMIT in native-kernels/common/data.h). */
    public static final float SIN_NEAR_LIMIT = 524288f;
    /** System property: {@code -Drelulab.fused.skip=false} turns exact skipping off (for comparisons). */
    public static final String SKIP_PROPERTY = "relulab.fused.skip";
    /** System property: {@code -Drelulab.fused.lanes=1}, {@code 32} or {@code 64} forces a lane mode (else the rule). */
    public static final String LANES_PROPERTY = "relulab.fused.lanes";
    /** Ints per initialiser in {@link #spec()}: form, two doubles as (hi, lo) words, the two as float bits. */
    static final int INIT_INTS = 7;
    /** Floats per network in the stats result: last epoch's loss sum, prediction and target stats. */
    public static final int STATS = 9;
    /**
     * In a network's diverged slot of the counts result: the engine's fused path could not reproduce this network's
     * floats (a value stopped being finite), so the trainer trains it again op by op.
     */
    public static final int REDO = -1;
    /**
     * In the diverged slot: a work-group kernel was built or launched with less local memory than its plan needs
     * (FV_LOCAL_SHORT in fused_settings.h); {@link FusedVariant#localFloats} disagrees with the kernel, a bug.
     */
    public static final int LOCAL_SHORT = -2;

    public final Architecture arch;
    public final Optimizer optimizer;
    public final long seed;
    public final FunctionTarget target;
    public final float lo, hi;
    public final int trainPoints, testPoints, batch, epochs;
    public final boolean probeEveryEpoch;
    /** ReDo threshold tau (0: the exact dead test). */
    public final float deadThreshold;
    /** Whether dead-from-layer-h networks skip the work whose result is known (fused_v2.h, "Exact skipping"). */
    public final boolean exactSkipping;
    /** Lanes per network forced for this training (1, 32 or 64); 0 lets the engine choose. */
    public final int lanes;

    public FusedNetwork(Architecture arch, Optimizer optimizer, long seed, FunctionTarget target, float lo, float hi,
                        int trainPoints, int testPoints, int batch, int epochs, boolean probeEveryEpoch,
                        float deadThreshold) {
        this.arch = arch;
        this.optimizer = optimizer;
        this.seed = seed;
        this.target = target;
        this.lo = lo;
        this.hi = hi;
        this.trainPoints = trainPoints;
        this.testPoints = testPoints;
        this.batch = batch;
        this.epochs = epochs;
        this.probeEveryEpoch = probeEveryEpoch;
        this.deadThreshold = deadThreshold;
        this.exactSkipping = Boolean.parseBoolean(System.getProperty(SKIP_PROPERTY, "true"));
        this.lanes = Integer.getInteger(LANES_PROPERTY, 0);
    }

    private FusedNetwork(FusedNetwork n, boolean exactSkipping, int lanes) {
        this.arch = n.arch;
        this.optimizer = n.optimizer;
        this.seed = n.seed;
        this.target = n.target;
        this.lo = n.lo;
        this.hi = n.hi;
        this.trainPoints = n.trainPoints;
        this.testPoints = n.testPoints;
        this.batch = n.batch;
        this.epochs = n.epochs;
        this.probeEveryEpoch = n.probeEveryEpoch;
        this.deadThreshold = n.deadThreshold;
        this.exactSkipping = exactSkipping;
        this.lanes = lanes;
    }

    /** The same training with exact skipping on or off. */
    public FusedNetwork withSkipping(boolean on) {
        return new FusedNetwork(this, on, lanes);
    }

    /** The same training in a forced lane mode (1, 32 or 64; 0: the engine's rule). */
    public FusedNetwork withLanes(int lanesPerNetwork) {
        return new FusedNetwork(this, exactSkipping, lanesPerNetwork);
    }

    /** True when exact skipping can apply: on, ReLU, the exact dead test. */
    public boolean skips() {
        return exactSkipping && arch.hidden == Activation.RELU && !(deadThreshold > 0);
    }

    /** Why the fused kernel cannot train this network, or null when it can. */
    public String unsupported() {
        if (arch.loss != Loss.MSE) return "loss " + arch.loss + " (the fused kernel has mse only)";
        if (arch.inputs() != 1 || arch.outputs() != 1) return "widths " + arch + " (the fused kernel has 1 in, 1 out)";
        if (arch.layers() > MAX_LAYERS) return arch.layers() + " layers > " + MAX_LAYERS;
        if (arch.hiddenLayers() < 1) return "no hidden layer";
        if (arch.maxWidth() > MAX_WIDTH) return "width " + arch.maxWidth() + " > " + MAX_WIDTH;
        for (int l = 2; l <= arch.hiddenLayers(); l++) {
            if (arch.width(l) != arch.width(1)) return "hidden widths " + arch + " differ (the fused kernels have one)";
        }
        if (target != FunctionTarget.ABS && 5 * Math.max(Math.abs(lo), Math.abs(hi)) >= SIN_NEAR_LIMIT) {
            return "x range [" + lo + ", " + hi + "]: |5x| reaches " + SIN_NEAR_LIMIT + " (the fused kernels' sine)";
        }
        if (lanes != 0 && !FusedVariant.allowedLanes(lanes)) {
            return LANES_PROPERTY + "=" + lanes + " (allowed: 1, 32, 64)";
        }
        if (arch.parametersPerNetwork() > MAX_PARAMS) {
            return arch.parametersPerNetwork() + " parameters > " + MAX_PARAMS;
        }
        if (!arch.biasInit.allowedForBiases()) return "bias initialiser " + arch.biasInit;
        if (longSteps() > MAX_STEPS) return longSteps() + " optimizer steps > " + MAX_STEPS;
        return null;
    }

    /** The most optimizer steps a fused run takes: its Adam corrections travel as one table of that many floats. */
    public static final long MAX_STEPS = 1 << 24;

    /** Optimizer steps of the whole run: epochs times steps per epoch (at most {@link #MAX_STEPS}). */
    public int totalSteps() {
        return Math.toIntExact(Math.min(MAX_STEPS, longSteps()));
    }

    private long longSteps() {
        return (long) epochs * ((trainPoints + (long) batch - 1) / batch);
    }

    /**
     * Ints per network in the counts result: dead units per hidden layer at start and end, revived, the diverged
     * flag ({@link #REDO}, {@link #LOCAL_SHORT} or 0/1) at 3H, at 3H + 1 how many minibatch steps the network
     * trained on the exact-skipping path, and from {@link #deathOffset()} per hidden layer the probe epoch at which
     * the layer was first entirely dead (0 at initialisation, k after epoch k, -1 never).
     */
    public int countsPerNetwork() {
        return 4 * arch.hiddenLayers() + 2;
    }

    /** Where a network's death epochs start in its counts row: after the diverged flag and the skipping steps. */
    public int deathOffset() {
        return 3 * arch.hiddenLayers() + 2;
    }

    /** The kernel's int spec: L, widths n0..nL, one initialiser per layer, then the bias initialiser. */
    public int[] spec() {
        int L = arch.layers();
        int[] s = new int[L + 2 + (L + 1) * INIT_INTS];
        s[0] = L;
        for (int l = 0; l <= L; l++) s[1 + l] = arch.width(l);
        for (int l = 1; l <= L; l++) {
            put(s, L + 2 + (l - 1) * INIT_INTS, arch.weightInit(l).sampling(arch.width(l - 1), arch.width(l)));
        }
        put(s, L + 2 + L * INIT_INTS, arch.biasInit.biasSampling());
        return s;
    }

    private static void put(int[] s, int at, Sampling sampling) {
        double[] p = {sampling.p0(), sampling.p1()};
        s[at] = sampling.form().code;
        for (int k = 0; k < 2; k++) {
            long bits = Double.doubleToRawLongBits(p[k]);
            s[at + 1 + 2 * k] = (int) (bits >>> 32);
            s[at + 2 + 2 * k] = (int) bits;
            s[at + 5 + k] = Float.floatToRawIntBits((float) p[k]);
        }
    }

    /** Adam's bias correction of steps 1..T as the CPU computes it (all 1 for the other optimizers); never empty. */
    public float[] corrections() {
        float[] c = new float[Math.max(1, totalSteps())];
        for (int t = 0; t < c.length; t++) c[t] = optimizer.biasCorrection(t + 1);
        return c;
    }
}
