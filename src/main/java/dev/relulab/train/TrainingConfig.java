package dev.relulab.train;

import dev.relulab.nn.Architecture;
import dev.relulab.nn.Optimizer;

/**
 * Everything that decides an ensemble's training, apart from its data: architecture, optimizer, learning rate,
 * epochs, minibatch size, ensemble size and seed, and how dead units and collapse are measured.
 */
public final class TrainingConfig {
    /** Functional collapse: prediction std under this fraction of the targets' std (settable per run). */
    public static final double DEFAULT_FUNCTIONAL_TOLERANCE = 1e-3;

    public final Architecture arch;
    public final Optimizer optimizer;
    public final float lr;
    /** Networks trained by this configuration: global ids [firstNetwork, firstNetwork + networks). */
    public final int epochs, batch, networks;
    /** Global id of the first network (0 unless this is a {@link #shard} of a larger ensemble). */
    public final int firstNetwork;
    public final long seed;
    /** ReDo threshold tau: 0 is the exact test (derivative zero on every probe input). */
    public final float deadThreshold;
    public final double functionalTolerance;
    /** Probe dead units after every epoch, so that revived units are seen (else only at start and end). */
    public final boolean probeEveryEpoch;
    /** Run the test pass after every epoch as well as at the end (for validation curves); see {@link #testingEveryEpoch}. */
    public final boolean testEveryEpoch;
    /** Per-network learning rates overriding {@link #lr}, or null when every network uses {@link #lr}. */
    private final float[] networkLr;

    public TrainingConfig(Architecture arch, Optimizer optimizer, float lr, int epochs, int batch, int networks,
                          long seed, float deadThreshold, double functionalTolerance, boolean probeEveryEpoch) {
        this(arch, optimizer, lr, epochs, batch, networks, seed, deadThreshold, functionalTolerance, probeEveryEpoch,
                null);
    }

    /** As the shorter constructor, with network i trained at {@code networkLr[i]} (null: all at {@code lr}). */
    public TrainingConfig(Architecture arch, Optimizer optimizer, float lr, int epochs, int batch, int networks,
                          long seed, float deadThreshold, double functionalTolerance, boolean probeEveryEpoch,
                          float[] networkLr) {
        this(arch, optimizer, lr, epochs, batch, 0, networks, seed, deadThreshold, functionalTolerance,
                probeEveryEpoch, oneRatePerNetwork(networkLr, networks), false);
    }

    private TrainingConfig(Architecture arch, Optimizer optimizer, float lr, int epochs, int batch, int firstNetwork,
                           int networks, long seed, float deadThreshold, double functionalTolerance,
                           boolean probeEveryEpoch, float[] networkLr, boolean testEveryEpoch) {
        Optimizer.checkLearningRate("lr", lr);
        check(epochs >= 0, "epochs=" + epochs + " must be at least 0");
        check(batch >= 1, "batch=" + batch + " must be at least 1");
        check(networks >= 1, "networks=" + networks + " must be at least 1");
        check(deadThreshold >= 0 && deadThreshold < 1, "dead-threshold=" + deadThreshold + " must be in [0, 1)");
        check(functionalTolerance > 0, "functional tolerance=" + functionalTolerance + " must be positive");
        this.arch = arch;
        this.optimizer = optimizer;
        this.lr = lr;
        this.epochs = epochs;
        this.batch = batch;
        this.networks = networks;
        this.firstNetwork = firstNetwork;
        this.seed = seed;
        this.deadThreshold = deadThreshold;
        this.functionalTolerance = functionalTolerance;
        this.probeEveryEpoch = probeEveryEpoch;
        this.testEveryEpoch = testEveryEpoch;
        if (networkLr != null) {
            // a shard keeps the whole ensemble's rates, indexed by global id
            check(networkLr.length >= firstNetwork + networks, "per-network lr has " + networkLr.length
                    + " values, networks [" + firstNetwork + ", " + (firstNetwork + networks) + ")");
            for (int i = 0; i < networkLr.length; i++) Optimizer.checkLearningRate("lr[" + i + "]", networkLr[i]);
        }
        this.networkLr = networkLr == null ? null : networkLr.clone();
    }

    /**
     * Networks [first, first + count) of this ensemble (global ids, as in a run of the whole): every network draws
     * the same random streams and gives the same result as it would in the whole run, so shards merge exactly.
     */
    public TrainingConfig shard(int first, int count) {
        check(first >= 0 && count >= 1 && (long) first + count <= (long) firstNetwork + networks && first >= firstNetwork,
                "shard [" + first + ", " + ((long) first + count) + ") is not within networks [" + firstNetwork + ", "
                        + ((long) firstNetwork + networks) + ")");
        return new TrainingConfig(arch, optimizer, lr, epochs, batch, first, count, seed, deadThreshold,
                functionalTolerance, probeEveryEpoch, networkLr, testEveryEpoch);
    }

    /**
     * This configuration with the test pass run after every epoch, not only at the end: a recorder of the test pass
     * (experiments' ProbeRecorder) then sees a validation curve. The op-by-op trainer's results stay the same; a
     * function-target training that would run in an engine's fused kernel runs op by op instead (the kernel tests
     * once, at the end), so on such an engine its floats are the op-by-op path's.
     */
    public TrainingConfig testingEveryEpoch() {
        return new TrainingConfig(arch, optimizer, lr, epochs, batch, firstNetwork, networks, seed, deadThreshold,
                functionalTolerance, probeEveryEpoch, networkLr, true);
    }

    /** The learning rate of network {@code network} (a global id). */
    public float lr(int network) {
        return networkLr == null ? lr : networkLr[network];
    }

    private static float[] oneRatePerNetwork(float[] networkLr, int networks) {
        check(networkLr == null || networkLr.length == networks, "per-network lr has "
                + (networkLr == null ? 0 : networkLr.length) + " values, networks=" + networks);
        return networkLr;
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
