package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.engine.cpu.CpuEngine;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lu2019 training of OpenClTrainingParityTest on CUDA against the CPU engine: 256 networks of 1 -> 10 x 2 -> 1
 * ReLU, SGD lr 0.01, 2 epochs, batch 64. Initial weights (glorot_uniform, drawn by init_params) and data are the same
 * bits on both, so born-dead flags and initial dead counts must be identical. Training may drift by rounding (nvcc
 * contracts the dense sums into FMAs), so each collapse fraction must agree within 4 standard errors of the difference
 * of two binomial proportions at N = 256, sqrt(2 p (1 - p) / N) with p the pooled fraction, plus 2/N.
 */
@Tag("gpu")
class CudaTrainingParityTest {
    private static final int NETWORKS = 256;
    @Test
    void lu2019MatchesCpu() {
        Engine cuda = CudaTestEngine.get();
        long seed = System.nanoTime();
        TrainingConfig cfg = TrainingParity.lu2019(NETWORKS, seed);
        FunctionData data = TrainingParity.lu2019Data();
        EnsembleResult want = TrainingParity.train(new CpuEngine(1), cfg, data),
                got = TrainingParity.train(cuda, cfg, data);

        TrainingParity.assertMatches(want, got, "cuda", seed);
    }
}
