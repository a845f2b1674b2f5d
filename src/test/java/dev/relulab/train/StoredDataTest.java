package dev.relulab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.ClassificationData;
import dev.relulab.data.DataSet;
import dev.relulab.data.Split;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import org.junit.jupiter.api.Test;

class StoredDataTest {
    private static final Split DATA = new ClassificationData(400, 8, 6, 2, 2, 2, 0.0, 1.0, true).generate(3)
            .trainTestSplit(0.25, 3).standardised();
    private static final Architecture ARCH = Architecture.mlp(8, 16, 1, 1, Activation.RELU, 0f, Loss.BCE,
            Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));

    private static EnsembleResult train(int epochs, float[] lrs) {
        int networks = lrs == null ? 3 : lrs.length;
        TrainingConfig cfg = new TrainingConfig(ARCH, Optimizer.of(Optimizer.Kind.ADAM), 0.01f, epochs, 32, networks,
                11, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false, lrs);
        StoredData data = new StoredData(DATA.train(), DATA.test(), 100);
        try (CpuEngine engine = new CpuEngine(1)) {
            return new EnsembleTrainer(engine).train(cfg, data, Progress.silent(EnsembleTrainer.totalSteps(cfg, data)));
        }
    }

    @Test
    void anEnsembleSharingOneStoredSetLearns() {
        EnsembleResult first = train(1, null), later = train(15, null);
        for (int n = 0; n < 3; n++) {
            assertTrue(later.finalLoss[n] < 0.6f * first.finalLoss[n],
                    "network " + n + ": epoch-1 loss " + first.finalLoss[n] + ", epoch-15 loss " + later.finalLoss[n]);
            assertTrue(later.predictionStd[n] > 0.1f, "network " + n + " predicts a constant");
        }
        assertTrue(first.finalLoss[0] != first.finalLoss[1], "networks should differ in weights and order");
    }

    @Test
    void perNetworkLearningRatesApplyToTheirOwnNetwork() {
        EnsembleResult shared = train(3, null);
        EnsembleResult same = train(3, new float[] {0.01f, 0.01f, 0.01f});
        assertArrayEquals(shared.finalLoss, same.finalLoss);
        EnsembleResult mixed = train(3, new float[] {0.01f, 1e-7f, 0.01f});
        assertEquals(shared.finalLoss[0], mixed.finalLoss[0]);
        assertEquals(shared.finalLoss[2], mixed.finalLoss[2]);
        assertTrue(mixed.finalLoss[1] > 0.5f && mixed.finalLoss[1] > 1.5f * shared.finalLoss[1],
                "lr 1e-7 should leave network 1 near its initial loss: " + mixed.finalLoss[1]);
    }

    @Test
    void mismatchedSetsAndProbeSizesAreRefused() {
        DataSet other = new ClassificationData(50, 5, 3, 0, 2, 1, 0.0, 1.0, false).generate(1);
        assertThrows(IllegalArgumentException.class, () -> new StoredData(DATA.train(), other, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StoredData(DATA.train(), DATA.test(), 1000));
        assertTrue(e.getMessage().startsWith("probe=1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(ARCH, Optimizer.of(Optimizer.Kind.ADAM),
                0.01f, 1, 32, 2, 1, 0f, 1e-3, false, new float[] {0.1f}));
    }

    @Test
    void batchesNeedPrepare() {
        StoredData d = new StoredData(DATA.train(), DATA.test(), 10);
        try (CpuEngine engine = new CpuEngine(1)) {
            assertThrows(IllegalStateException.class, () -> d.probeBatch(engine, 1, 0, 1, 0, 1, null, null));
        }
    }
}
