package dev.relulab.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.train.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantInitExperimentTest {
    private static List<ConstantInitExperiment.Run> run(Activation act) {
        ConstantInitExperiment x = new ConstantInitExperiment();
        x.networks = 2;
        try (CpuEngine engine = new CpuEngine(1)) {
            return x.run(engine, act, Progress.silent(1));
        }
    }

    @Test
    void reluKillsTheWholeSecondLayerAndEveryLayerStaysOneUnit() {
        for (ConstantInitExperiment.Run r : run(Activation.RELU)) {
            assertEquals(0.0, r.deadFractionPerLayer()[0]);
            assertEquals(1.0, r.deadFractionPerLayer()[1]);
            assertArrayEquals(new int[] {1, 1}, r.distinctUnitsPerLayer());
        }
    }

    /**
     * Swish keeps the second layer alive. The first layer stays symmetric (one distinct unit); the second does not,
     * because the output layer's random weights send each of its units a different gradient (the notebook's printed
     * layer-2 values differ across units too).
     */
    @Test
    void swishKeepsTheSecondLayerAliveAndTheFirstSymmetric() {
        for (ConstantInitExperiment.Run r : run(Activation.SWISH)) {
            assertArrayEquals(new double[] {0.0, 0.0}, r.deadFractionPerLayer());
            assertEquals(1, r.distinctUnitsPerLayer()[0]);
            assertTrue(r.distinctUnitsPerLayer()[1] > 1, "layer 2 distinct " + r.distinctUnitsPerLayer()[1]);
        }
    }
}
