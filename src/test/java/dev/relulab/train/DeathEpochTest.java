package dev.relulab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * Death epochs against the per-epoch probes they summarise: a run of k epochs ends with the probe that a longer run
 * makes after its epoch k (the same networks train the same way for the first k epochs), so a layer's death epoch in
 * the long run must be the first k at which the k-epoch run ends with that layer entirely dead (0: dead at
 * initialisation). Checked on the op-by-op path and on the CPU fused trainer, with sgd (which lets dead layers stay
 * dead) and adam (whose state can revive them).
 */
class DeathEpochTest {
    private static final long SEED = Long.getLong("relulab.seed", System.nanoTime());
    private static final int EPOCHS = 4;

    private static TrainingConfig config(Optimizer.Kind opt, int epochs) {
        Architecture arch = Architecture.mlp(1, 2, 6, 1, Activation.RELU, 0f, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.parse("normal(0,0.1)"));
        return new TrainingConfig(arch, Optimizer.of(opt), opt == Optimizer.Kind.ADAM ? 0.02f : 0.1f, epochs, 16, 300,
                SEED, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
    }

    @Test
    void deathEpochsAreTheFirstPerEpochProbesWithTheLayerDead() {
        FunctionData data = new FunctionData(FunctionTarget.XSIN5X, -2.6f, 2.6f, 200, 40);
        int laterAll = 0;
        try (CpuEngine cpu = new CpuEngine(2)) {
            for (Optimizer.Kind opt : new Optimizer.Kind[] {Optimizer.Kind.SGD, Optimizer.Kind.ADAM}) {
                for (boolean fused : new boolean[] {false, true}) {
                    EnsembleTrainer trainer = fused ? new EnsembleTrainer(cpu) : new EnsembleTrainer(cpu).opByOp();
                    String where = opt + (fused ? " fused" : " op by op") + " (seed " + SEED + ")";
                    EnsembleResult whole = trainer.train(config(opt, EPOCHS), data, Progress.silent(1));
                    EnsembleResult[] upTo = new EnsembleResult[EPOCHS + 1];
                    for (int k = 1; k <= EPOCHS; k++) upTo[k] = trainer.train(config(opt, k), data, Progress.silent(1));
                    int died = 0, bornDead = 0, later = 0;
                    for (int n = 0; n < whole.networks; n++) {
                        for (int h = 0; h < whole.hiddenLayers; h++) {
                            int width = whole.hiddenWidth(h + 1), want = whole.deadStart[n][h] == width ? 0 : -1;
                            for (int k = 1; k <= EPOCHS && want < 0; k++) {
                                if (upTo[k].deadEnd[n][h] == width) want = k;
                            }
                            assertEquals(want, whole.deathEpoch[n][h], where + ": network " + n + ", layer " + (h + 1));
                            if (want >= 0) died++;
                            if (want > 0) later++;
                        }
                        if (whole.bornDead[n]) {
                            bornDead++;
                            assertEquals(0, whole.collapseEpoch(n), where + ": born-dead network " + n + " collapses at 0");
                        }
                        if (whole.structural[n]) {
                            assertTrue(whole.collapseEpoch(n) >= 0, where + ": collapsed network " + n + " has an epoch");
                        }
                    }
                    assertTrue(bornDead > 0, where + ": no network born dead (the test needs some)");
                    laterAll += later;
                    System.out.println("death epochs " + where + ": " + died + " layer deaths, " + later
                            + " after training began, " + bornDead + " networks born dead");
                }
            }
        }
        assertTrue(laterAll > 0, "no layer died during training in any run (seed " + SEED + "): the test needs some");
    }
}
