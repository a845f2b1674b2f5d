package dev.relulab.engine.opencl;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.Progress;
import dev.relulab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * A whole lu2019 training (256 networks of 1 -> 10 x 2 -> 1 ReLU, SGD lr 0.01, 2 epochs, batch 64, |x| on
 * [-sqrt 7, sqrt 7], 3000/500 points) on OpenCL and on the CPU. Initial weights and data are the same bits on both,
 * so born-dead flags and initial dead counts must be identical. Training may drift by rounding (a GPU contracts
 * products into FMAs), so each collapse fraction must agree within a band: 4 standard errors of the difference of
 * two independent binomial proportions at N = 256, sqrt(2 p (1 - p) / N) with p the pooled fraction, plus 2/N.
 * OpenCL runs op by op here ({@code relulab.fused=false}); OpenClFusedTrainingTest covers the fused kernel.
 */
class OpenClTrainingParityTest {
    private static final int NETWORKS = 256;

    @Test
    void lu2019MatchesCpu() {
        OpenClEngine cl = engine();
        long seed = newSeed();
        Architecture arch = Architecture.mlp(1, 2, 10, 1, Activation.RELU, 0, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        TrainingConfig cfg = new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.SGD), 0.01f, 2, 64, NETWORKS, seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
        float lim = (float) Math.sqrt(7);
        FunctionData data = new FunctionData(FunctionTarget.ABS, -lim, lim, 3000, 500);
        EnsembleResult want = train(cpu(), cfg, data), got;
        String before = System.getProperty("relulab.fused");
        System.setProperty("relulab.fused", "false");
        try {
            assertFalse(new EnsembleTrainer(cl).usesFused(cfg, data), "this test covers the op-by-op kernels");
            got = train(cl, cfg, data);
        } finally {
            if (before == null) System.clearProperty("relulab.fused");
            else System.setProperty("relulab.fused", before);
        }

        assertArrayEquals(want.bornDead, got.bornDead, "born-dead flags (seed " + seed + ")");
        for (int n = 0; n < NETWORKS; n++) {
            assertArrayEquals(want.deadStart[n], got.deadStart[n], "initial dead units of network " + n + " (seed "
                    + seed + ")");
        }
        String summary = "seed " + seed + ": cpu/opencl born dead " + count(want.bornDead) + "/" + count(got.bornDead)
                + ", structural " + count(want.structural) + "/" + count(got.structural) + ", functional "
                + count(want.functional) + "/" + count(got.functional) + ", exact " + count(want.exact) + "/"
                + count(got.exact) + ", diverged " + count(want.diverged) + "/" + count(got.diverged);
        System.out.println("lu2019 parity " + summary);
        assertWithinBand("structural", want.structural, got.structural, summary);
        assertWithinBand("functional", want.functional, got.functional, summary);
        assertWithinBand("exact", want.exact, got.exact, summary);
        assertWithinBand("diverged", want.diverged, got.diverged, summary);
    }

    private static EnsembleResult train(Engine engine, TrainingConfig cfg, FunctionData data) {
        return new EnsembleTrainer(engine).train(cfg, data, Progress.silent(EnsembleTrainer.totalSteps(cfg, data)));
    }

    private static void assertWithinBand(String what, boolean[] want, boolean[] got, String summary) {
        int a = count(want), b = count(got);
        double p = (a + b) / (2.0 * NETWORKS);
        double band = 4 * Math.sqrt(2 * p * (1 - p) / NETWORKS) + 2.0 / NETWORKS;
        double diff = Math.abs(a - b) / (double) NETWORKS;
        assertTrue(diff <= band, what + " fraction differs by " + diff + " > band " + band + " (" + summary + ")");
    }

    private static int count(boolean[] v) {
        int c = 0;
        for (boolean x : v) if (x) c++;
        return c;
    }
}
