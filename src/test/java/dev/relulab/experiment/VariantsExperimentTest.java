package dev.relulab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.Split;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.train.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantsExperimentTest {
    @Test
    void reluEndsWithMoreDeadUnitsThanItsVariants() {
        VariantsExperiment x = new VariantsExperiment();
        x.networks = 4;
        x.epochs = Integer.getInteger("variants.epochs", 50);
        Split split = x.split();
        int[] deadAtEnd = new int[4];
        Activation[] acts = {Activation.RELU, Activation.LEAKY_RELU, Activation.PRELU, Activation.ELU};
        try (CpuEngine engine = new CpuEngine(1)) {
            for (int a = 0; a < acts.length; a++) {
                long t0 = System.nanoTime();
                List<VariantsExperiment.Run> runs = x.run(engine, split, acts[a], VariantsExperiment.notebookAlpha(acts[a]),
                        Progress.silent(1));
                for (VariantsExperiment.Run r : runs) {
                    assertEquals(x.epochs, r.deadUnitsFirstLayer().length);
                    deadAtEnd[a] += r.deadUnitsFirstLayer()[x.epochs - 1];
                    assertTrue(r.testAccuracy() > 0.6, acts[a] + " test accuracy " + r.testAccuracy());
                    System.out.println(acts[a] + " net " + r.network() + " dead " + java.util.Arrays.toString(
                            r.deadUnitsFirstLayer()) + " acc " + r.testAccuracy() + " loss " + r.testLoss()
                            + " train " + r.finalTrainLoss());
                }
                System.out.println(acts[a] + " " + (System.nanoTime() - t0) / 1e9 + " s");
            }
        }
        for (int a = 1; a < acts.length; a++) {
            assertTrue(deadAtEnd[0] > deadAtEnd[a], "dead at the end: relu " + deadAtEnd[0] + ", " + acts[a] + " "
                    + deadAtEnd[a]);
        }
    }
}
