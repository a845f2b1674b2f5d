package dev.relulab.experiments.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.ClassificationData;
import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.experiments.ProbeRecorder;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Loss;
import dev.relulab.report.Json;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.Progress;
import dev.relulab.train.StoredData;
import dev.relulab.train.TrainingConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scorecard's parts: the split test pass, the recorded moments, SELU's fixed point at initialisation, the step
 * clock, and resuming from kept parts.
 */
class ScorecardPartsTest {
    private final Engine cpu = new CpuEngine(2);
    private final Split variants = ClassificationData.variantsPreset().generate(42).trainTestSplit(0.2, 42)
            .standardised();

    private StoredTask task(Split s, int epochs) {
        return new StoredTask("variants", s, new int[] {16, 8}, Loss.BCE, 1e-3f, epochs, 32, 50, 0.8);
    }

    @Test
    void theSecondPartOfASplitPassIsTheTrainingSetsAccuracy() {
        // the same networks (same seed) once with [test; train] split, once with the training rows as the test set
        List<TaskRun> split = task(variants, 3).run(cpu, Activation.ELU, 5, 7, Progress.silent(1));
        Split trainAsTest = new Split(variants.train(), variants.train());
        StoredTask plain = task(trainAsTest, 3);
        ProbeRecorder rec = new ProbeRecorder(cpu, 5, Loss.BCE, false);
        new EnsembleTrainer(rec).train(plain.config(Activation.ELU, 5, 7), new StoredData(variants.train(),
                variants.train(), 50), Progress.silent(1));
        for (int n = 0; n < 5; n++) {
            assertArrayEquals(rec.testAccuracyPerPass(n), split.get(n).trainAccuracyPerEpoch(), 0, "network " + n);
            assertEquals(3, split.get(n).validationAccuracyPerEpoch().length, "one pass per epoch");
            assertTrue(split.get(n).trainAccuracy() != split.get(n).testAccuracy(), "two different parts");
        }
    }

    @Test
    void keptMomentsAreTheMeanAndVarianceOfTheProbesActivations() {
        TrainingConfig cfg = new DeepMoments(settings(4, 8), variants).config(Activation.SELU);
        StoredData data = new StoredData(variants.train(), variants.test(), 40);
        ProbeRecorder moments = new ProbeRecorder(cpu, 30, Loss.BCE, false).keepingMoments();
        ProbeRecorder acts = new ProbeRecorder(cpu, 30, Loss.BCE, true);
        new EnsembleTrainer(moments).train(cfg, data, Progress.silent(1));
        new EnsembleTrainer(acts).train(cfg, data, Progress.silent(1));
        for (int n = 0; n < 30; n++) {
            List<double[][]> m = moments.momentsPerProbe(n);
            assertEquals(2, m.size(), "a probe at initialisation and one at the end");
            float[][] a = acts.activations(n);
            for (int l = 0; l < 4; l++) {
                double sum = 0, sq = 0;
                for (float v : a[l]) {
                    sum += v;
                    sq += (double) v * v;
                }
                double mean = sum / a[l].length, var = sq / a[l].length - mean * mean;
                assertEquals(mean, m.get(1)[l][0], 1e-9 + 1e-9 * Math.abs(mean), "mean, network " + n + " layer " + l);
                assertEquals(var, m.get(1)[l][1], 1e-9 + 1e-9 * var, "variance, network " + n + " layer " + l);
            }
        }
    }

    private static ScorecardSettings settings(int depth, int width) {
        ScorecardSettings s = new ScorecardSettings();
        s.deepDepth = depth;
        s.deepWidth = width;
        s.deepEpochs = 1;
        s.seeds = 30;
        return s;
    }

    @Test
    void seluKeepsItsFixedPointAtInitialisationWhereEluDecays() {
        // Klambauer et al.: with lecun_normal weights and standardised inputs SELU's layers stay near mean 0 and
        // variance 1. 30 networks of 16 x 64; at layer 16 the networks' mean variance is within 0.2 of 1 (their
        // spread is about 0.05) and ELU's, without SELU's two constants, has fallen under 0.2.
        ScorecardSettings s = settings(16, 64);
        DeepMoments deep = new DeepMoments(s, variants);
        s.deepEpochs = 1;
        double[] selu = layer16(deep, Activation.SELU), elu = layer16(deep, Activation.ELU);
        assertTrue(Math.abs(selu[0]) < 0.1 && Math.abs(selu[1] - 1) < 0.2, "selu at layer 16: " + selu[0] + ", "
                + selu[1]);
        assertTrue(elu[1] < 0.2, "elu's variance at layer 16: " + elu[1]);
    }

    private double[] layer16(DeepMoments deep, Activation a) {
        List<DeepRun> runs = deep.run(cpu, a, Progress.silent(1));
        double mean = 0, var = 0;
        for (DeepRun r : runs) {
            mean += r.initMoments()[15][0] / runs.size();
            var += r.initMoments()[15][1] / runs.size();
        }
        return new double[] {mean, var};
    }

    @Test
    void theClockTakesOneSamplePerStepAfterAChunksFirst() {
        StepClock clock = new StepClock(new CpuEngine(1));
        ScorecardSettings s = new ScorecardSettings();
        s.speedSteps = 4;
        s.speedNarrowNetworks = 6;
        StepTimer t = new StepTimer(s, variants.train());
        for (String shape : List.of(StepTimer.NARROW, StepTimer.VARIANTS)) {
            clock.reset();
            EnsembleTrainer trainer = new EnsembleTrainer(clock).opByOp();
            TrainingConfig cfg = t.config(shape, Activation.RELU, 2);
            int chunk = trainer.chunkSize(cfg, t.data(shape)), chunks = (cfg.networks + chunk - 1) / chunk;
            trainer.train(cfg, t.data(shape), Progress.silent(1));
            double[] samples = clock.samples();
            assertEquals(chunks * (2 * 4 - 1), samples.length, shape + ": 8 steps of a chunk give 7 intervals");
            for (double v : samples) assertTrue(v > 0 && v < 1, shape + ": " + v);
        }
    }

    @Test
    void aResumedRunReusesKeptPartsAndRedoesTheRestToTheSameNumbers() throws Exception {
        ScorecardSettings s = new ScorecardSettings();
        s.activations = List.of(Activation.RELU, Activation.SELU);
        s.seeds = 3;
        s.variantsEpochs = 2;
        s.depths = List.of(2);
        s.collapseNetworks = 6;
        s.deepDepth = 2;
        s.deepWidth = 4;
        s.speedReps = 1;
        s.speedSteps = 2;
        s.speedNarrowNetworks = 4;
        s.speedVariantsNetworks = 2;
        Scorecard card = new Scorecard(s, null);
        Map<String, String> kept = new HashMap<>();
        Scorecard.Kept keep = new Scorecard.Kept() {
            @Override
            public <T> T get(String key, Class<T> type) {
                try {
                    return kept.containsKey(key) ? Json.MAPPER.readValue(kept.get(key), type) : null;
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void save(String key, Object part) {
                try {
                    kept.put(key, Json.MAPPER.writeValueAsString(part));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
        Scorecard.Result first = card.run(cpu, keep, line -> { });
        assertEquals(1 + 2 + 2 + 2, kept.size(), "speed, 2 variants, 2 collapse, 2 deep parts");
        kept.remove("variants-selu");
        kept.remove("collapse-relu-2");
        List<String> log = new java.util.ArrayList<>();
        Scorecard.Result second = card.run(cpu, keep, log::add);
        assertEquals(Json.MAPPER.writeValueAsString(first), Json.MAPPER.writeValueAsString(second));
        assertEquals(5, log.stream().filter(l -> l.contains("kept from the interrupted run")).count(), log.toString());
    }
}
