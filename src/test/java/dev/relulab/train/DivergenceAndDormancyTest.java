package dev.relulab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import org.junit.jupiter.api.Test;

/** A diverging network is flagged and frozen while the rest train on; ReDo dormancy counts at least the dead units. */
class DivergenceAndDormancyTest {
    static final FunctionData DATA = new FunctionData(FunctionTarget.XSIN5X, -2.6f, 2.6f, 400, 100);

    static Architecture arch(int width, int depth) {
        return Architecture.mlp(1, width, depth, 1, Activation.RELU, 0f, Loss.MSE,
                Initializer.of(Initializer.Kind.HE_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
    }

    @Test
    void aDivergingNetworkIsFlaggedAndTheOthersTrainOn() {
        int E = 8;
        float[] lr = new float[E];
        java.util.Arrays.fill(lr, 0.01f);
        lr[3] = 1e8f;
        lr[6] = 1e8f;
        TrainingConfig cfg = new TrainingConfig(arch(16, 3), Optimizer.of(Optimizer.Kind.SGD), 0.01f, 3, 32, E, 5,
                0f, 1e-3, true, lr);
        EnsembleResult r = new EnsembleTrainer(new CpuEngine(2)).train(cfg, DATA, Progress.silent(1));
        for (int e = 0; e < E; e++) {
            boolean huge = e == 3 || e == 6;
            assertEquals(huge, r.diverged[e], "network " + e + " diverged flag");
            if (huge) {
                assertFalse(Float.isFinite(r.finalLoss[e]), "a diverged network's loss is not finite");
                assertFalse(r.structural[e] || r.functional[e] || r.exact[e], "diverged is not counted as collapsed");
            } else {
                assertTrue(Float.isFinite(r.finalLoss[e]) && r.finalLoss[e] < 10, "network " + e + " trained on");
            }
        }
    }

    @Test
    void dormantUnitsIncludeDeadOnesAndRevivalIsCounted() {
        TrainingConfig exact = new TrainingConfig(arch(10, 6), Optimizer.of(Optimizer.Kind.SGD), 0.05f, 3, 32, 60,
                11, 0f, 1e-3, true);
        TrainingConfig redo = new TrainingConfig(arch(10, 6), Optimizer.of(Optimizer.Kind.SGD), 0.05f, 3, 32, 60,
                11, 0.1f, 1e-3, true);
        EnsembleResult a = new EnsembleTrainer(new CpuEngine(2)).train(exact, DATA, Progress.silent(1));
        EnsembleResult b = new EnsembleTrainer(new CpuEngine(2)).train(redo, DATA, Progress.silent(1));
        int more = 0, revived = 0;
        for (int e = 0; e < a.networks; e++) {
            for (int h = 0; h < a.hiddenLayers; h++) {
                assertTrue(b.deadEnd[e][h] >= a.deadEnd[e][h], "a dead unit is dormant too: net " + e + " layer " + h);
                assertTrue(a.revived[e][h] <= 10 - a.deadEnd[e][h], "revived units are alive at the end");
                if (b.deadEnd[e][h] > a.deadEnd[e][h]) more++;
                revived += a.revived[e][h];
            }
        }
        assertTrue(more > 0, "tau 0.1 finds dormant units that are not exactly dead");
        assertTrue(revived > 0, "some units dead at the start or an epoch's end come back in these wide-ish nets");
    }
}
