package dev.relulab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.Split;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.train.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantsExperimentTest {
    /**
     * In our runs the first hidden layer of 64 units loses no unit for any variant, at the notebook's Adam rate 0.001
     * over 50 epochs and at 0.02 to 0.5 over 10; ReLU's dead units appear in the second layer. So the comparison is of all hidden
     * units after 10 epochs at Adam 0.02, where ReLU networks end with 6 to 10 dead second-layer units and the
     * variants with none.
     */
    @Test
    void reluEndsWithMoreDeadUnitsThanItsVariants() {
        VariantsExperiment x = new VariantsExperiment();
        x.networks = 4;
        x.epochs = 10;
        x.lr = 0.02f;
        Split split = x.split();
        int[] deadAtEnd = new int[4];
        Activation[] acts = {Activation.RELU, Activation.LEAKY_RELU, Activation.PRELU, Activation.ELU};
        try (CpuEngine engine = new CpuEngine(1)) {
            for (int a = 0; a < acts.length; a++) {
                List<VariantsExperiment.Run> runs = x.run(engine, split, acts[a], VariantsExperiment.notebookAlpha(acts[a]),
                        Progress.silent(1));
                for (VariantsExperiment.Run r : runs) {
                    assertEquals(x.epochs, r.deadUnitsFirstLayer().length);
                    for (int d : r.deadUnitsAtEnd()) deadAtEnd[a] += d;
                    assertTrue(r.testAccuracy() > 0.75, acts[a] + " test accuracy " + r.testAccuracy());
                    assertTrue(r.testLoss() > 0 && r.testLoss() < 1, acts[a] + " test loss " + r.testLoss());
                }
            }
        }
        assertTrue(deadAtEnd[0] >= 4, "relu dead units " + deadAtEnd[0]);
        for (int a = 1; a < acts.length; a++) {
            assertTrue(deadAtEnd[0] > deadAtEnd[a], "dead at the end: relu " + deadAtEnd[0] + ", " + acts[a] + " "
                    + deadAtEnd[a]);
        }
    }

    /**
     * The curve's k-th point is the test accuracy a run of k epochs ends with: the per-epoch test pass measures the
     * network after that epoch and leaves its training untouched.
     */
    @Test
    void validationCurveMatchesShorterRuns() {
        VariantsExperiment x = new VariantsExperiment();
        x.networks = 3;
        x.lr = 0.02f;
        Split split = x.split();
        try (CpuEngine engine = new CpuEngine(1)) {
            x.epochs = 3;
            List<VariantsExperiment.Run> full = x.run(engine, split, Activation.RELU, 0f, Progress.silent(1));
            for (int k = 1; k <= 2; k++) {
                x.epochs = k;
                List<VariantsExperiment.Run> shorter = x.run(engine, split, Activation.RELU, 0f, Progress.silent(1));
                for (int n = 0; n < x.networks; n++) {
                    double[] curve = full.get(n).validationAccuracyPerEpoch();
                    assertEquals(3, curve.length);
                    assertEquals(shorter.get(n).testAccuracy(), curve[k - 1], 0.0, "network " + n + " epoch " + k);
                    assertEquals(full.get(n).testAccuracy(), curve[2], 0.0);
                }
            }
            double first = full.stream().mapToDouble(r -> r.validationAccuracyPerEpoch()[0]).sum();
            double last = full.stream().mapToDouble(r -> r.validationAccuracyPerEpoch()[2]).sum();
            assertTrue(first != last, "the curve moves between epochs 1 and 3");
        }
    }
}
