package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

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
import dev.relulab.train.TrainingParity;
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
        DeviceEngine cl = engine();
        long seed = newSeed();
        TrainingConfig cfg = TrainingParity.lu2019(NETWORKS, seed);
        FunctionData data = TrainingParity.lu2019Data();
        EnsembleResult want = TrainingParity.train(cpu(), cfg, data), got;
        String before = System.getProperty("relulab.fused");
        System.setProperty("relulab.fused", "false");
        try {
            assertFalse(new EnsembleTrainer(cl).usesFused(cfg, data), "this test covers the op-by-op kernels");
            got = TrainingParity.train(cl, cfg, data);
        } finally {
            if (before == null) System.clearProperty("relulab.fused");
            else System.setProperty("relulab.fused", before);
        }

        TrainingParity.assertMatches(want, got, "opencl", seed);
    }
}
