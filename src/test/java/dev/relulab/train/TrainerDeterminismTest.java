package dev.relulab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.nn.Optimizer;
import org.junit.jupiter.api.Test;

/** The same seed gives bit-identical results whatever the thread count and chunking; another seed does not. */
class TrainerDeterminismTest {
    static EnsembleResult run(int threads, long seed, Optimizer.Kind opt) {
        return run(threads, seed, opt, true);
    }

    /** The lu2019 preset, reduced, on {@code threads} threads; on the fused path or the op-by-op reference. */
    static EnsembleResult run(int threads, long seed, Optimizer.Kind opt, boolean fused) {
        CollapseSettings s = CollapseSettings.preset("lu2019");
        s.networks = 150;
        s.points = 500;
        s.testPoints = 100;
        s.seed = seed;
        s.optimizer = opt;
        s.lr = (float) opt.defaultLr;
        CollapseExperiment exp = new CollapseExperiment(s);
        EnsembleTrainer trainer = new EnsembleTrainer(new CpuEngine(threads));
        return (fused ? trainer : trainer.opByOp()).train(exp.config, exp.data, Progress.silent(1));
    }

    @Test
    void oneThreadAndManyThreadsGiveIdenticalResults() {
        for (Optimizer.Kind opt : Optimizer.Kind.values()) {
            for (boolean fused : new boolean[] {true, false}) {
                assertSameResults(run(1, 7, opt, fused), run(3, 7, opt, fused), opt + (fused ? " fused" : " op by op"));
            }
        }
    }

    private static void assertSameResults(EnsembleResult a, EnsembleResult b, String opt) {
        assertArrayEquals(a.finalLoss, b.finalLoss, 0f, opt + " final losses");
        assertArrayEquals(a.predictionStd, b.predictionStd, 0f, opt + " prediction spreads");
        assertArrayEquals(a.bornDead, b.bornDead, opt + " born dead");
        assertArrayEquals(a.exact, b.exact, opt + " exact collapse");
        for (int e = 0; e < a.networks; e++) {
            assertArrayEquals(a.deadEnd[e], b.deadEnd[e], opt + " dead units of network " + e);
            assertArrayEquals(a.revived[e], b.revived[e], opt + " revived units of network " + e);
        }
    }

    @Test
    void anotherSeedGivesOtherNetworks() {
        EnsembleResult a = run(2, 7, Optimizer.Kind.SGD), b = run(2, 8, Optimizer.Kind.SGD);
        int differ = 0;
        for (int e = 0; e < a.networks; e++) if (a.finalLoss[e] != b.finalLoss[e]) differ++;
        assertTrue(differ > a.networks / 2, "only " + differ + " networks changed with the seed");
    }

    /** The per-epoch test pass (validation curves) reads the networks and leaves their training alone. */
    @Test
    void testingEveryEpochChangesNoResult() {
        CollapseSettings s = CollapseSettings.preset("lu2019");
        s.networks = 120;
        s.points = 500;
        s.testPoints = 100;
        s.epochs = 3;
        s.optimizer = Optimizer.Kind.ADAM;
        s.lr = (float) Optimizer.Kind.ADAM.defaultLr;
        CollapseExperiment exp = new CollapseExperiment(s);
        EnsembleTrainer trainer = new EnsembleTrainer(new CpuEngine(2));
        EnsembleResult a = trainer.train(exp.config, exp.data, Progress.silent(1));
        EnsembleResult b = trainer.train(exp.config.testingEveryEpoch(), exp.data, Progress.silent(1));
        assertArrayEquals(a.finalLoss, b.finalLoss, 0f, "final losses");
        assertArrayEquals(a.predictionStd, b.predictionStd, 0f, "prediction spreads");
        assertArrayEquals(a.targetStd, b.targetStd, 0f, "target spreads");
        assertArrayEquals(a.exact, b.exact, "exact collapse");
        assertArrayEquals(a.functional, b.functional, "functional collapse");
        for (int e = 0; e < a.networks; e++) {
            assertArrayEquals(a.deadEnd[e], b.deadEnd[e], "dead units of network " + e);
            assertArrayEquals(a.revived[e], b.revived[e], "revived units of network " + e);
        }
    }
}
