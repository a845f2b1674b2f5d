package dev.relulab.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonTest {
    @Test
    void relativeErrorIsTheNormRatio() {
        Comparison c = Comparison.of("v", new float[] {3f, 4.00004f}, new float[] {3f, 4f}, Tolerance.ELEMENTWISE);
        assertEquals(((double) 4.00004f - 4) / 5, c.relativeError, 1e-12);
        assertTrue(c.pass);
    }

    @Test
    void errorAboveTheBoundFails() {
        Comparison c = Comparison.of("v", new float[] {3f, 4.001f}, new float[] {3f, 4f}, Tolerance.REDUCTION);
        assertFalse(c.pass);
        assertEquals("1: want 4.0, got 4.001", c.mismatches.get(0));
    }

    @Test
    void nanNeverPasses() {
        assertFalse(Comparison.of("v", new float[] {Float.NaN}, new float[] {1f}, Tolerance.REDUCTION).pass);
        assertFalse(Comparison.of("v", new float[] {Float.NaN, 0f}, new float[] {0f, 0f}, Tolerance.REDUCTION).pass);
        assertFalse(Comparison.of("v", new float[] {Float.POSITIVE_INFINITY}, new float[] {1e30f},
                Tolerance.REDUCTION).pass);
    }

    @Test
    void matchingInfinityPasses() {
        assertTrue(Comparison.of("v", new float[] {Float.POSITIVE_INFINITY, 1f},
                new float[] {Float.POSITIVE_INFINITY, 1f}, Tolerance.REDUCTION).pass);
        assertFalse(Comparison.of("v", new float[] {Float.NEGATIVE_INFINITY},
                new float[] {Float.POSITIVE_INFINITY}, Tolerance.REDUCTION).pass);
    }

    @Test
    void exactMeansEveryElement() {
        assertFalse(Comparison.ofInts("dead", new int[] {3, 1}, new int[] {3, 0}).pass);
        assertTrue(Comparison.ofInts("dead", new int[] {3, 0}, new int[] {3, 0}).pass);
    }

    @Test
    void zeroReferenceNeedsZero() {
        assertTrue(Comparison.of("v", new float[] {0f}, new float[] {0f}, Tolerance.ELEMENTWISE).pass);
        assertFalse(Comparison.of("v", new float[] {1e-30f}, new float[] {0f}, Tolerance.ELEMENTWISE).pass);
    }
}
