package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free derivative select agrees with {@code z > 0} on every special value and on random bit patterns. */
class PositiveMaskTest {
    @Test
    void agreesWithTheComparisonEverywhere() {
        float[] special = {0f, -0f, Float.NaN, Float.intBitsToFloat(0xFFC00000), Float.intBitsToFloat(0x7F800001),
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE,
            -Float.MAX_VALUE, 1f, -1f};
        for (float z : special) check(z);
        Random rnd = new Random();
        for (int i = 0; i < 1_000_000; i++) check(Float.intBitsToFloat(rnd.nextInt()));
    }

    private static void check(float z) {
        assertEquals(z > 0f ? -1 : 0, ActivationLoops.positiveMask(z), "z = " + z + " (bits "
                + Integer.toHexString(Float.floatToRawIntBits(z)) + ")");
    }
}
