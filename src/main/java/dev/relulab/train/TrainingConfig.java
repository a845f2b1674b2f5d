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
    public final int epochs, batch, networks;
    public final long seed;
    /** ReDo threshold tau: 0 is the exact test (derivative zero on every probe input). */
    public final float deadThreshold;
    public final double functionalTolerance;
    /** Probe dead units after every epoch, so that revived units are seen (else only at start and end). */
    public final boolean probeEveryEpoch;

    public TrainingConfig(Architecture arch, Optimizer optimizer, float lr, int epochs, int batch, int networks,
                          long seed, float deadThreshold, double functionalTolerance, boolean probeEveryEpoch) {
        check(lr > 0 && Float.isFinite(lr), "lr=" + lr + " must be a positive number");
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
        this.seed = seed;
        this.deadThreshold = deadThreshold;
        this.functionalTolerance = functionalTolerance;
        this.probeEveryEpoch = probeEveryEpoch;
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
