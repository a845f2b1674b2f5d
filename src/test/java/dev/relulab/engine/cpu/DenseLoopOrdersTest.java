package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dense loops' two loop orders sum in the same order, so they must give bit-identical floats on any shape,
 * narrow or wide; this is the invariant that lets the CPU engine switch form by width without changing a result.
 */
class DenseLoopOrdersTest {
    /** Fresh each run; replay a failure with -Drelulab.seed=N (the message prints N). */
    static final long SEED = Long.getLong("relulab.seed", System.nanoTime());

    @Test
    void rowAndColumnFormsAgreeToTheBit() {
        Random rnd = new Random(SEED);
        for (int t = 0; t < 100; t++) {
            // the first 40 shapes are narrow (1 to 3 each way), where the column form has special cases
            int B = 1 + rnd.nextInt(70), nIn = 1 + rnd.nextInt(t < 40 ? 3 : 40), nOut = 1 + rnd.nextInt(t < 40 ? 3 : 40);
            float[] x = gaussian(rnd, B * nIn), w = gaussian(rnd, nOut * nIn), b = gaussian(rnd, nOut),
                    dz = gaussian(rnd, B * nOut);
            String shape = "B=" + B + " nIn=" + nIn + " nOut=" + nOut + " seed " + SEED;

            float[] zr = poisoned(B * nOut), zc = poisoned(B * nOut);
            DenseLoops.forwardRows(x, 0, w, 0, b, 0, zr, 0, B, nIn, nOut);
            DenseLoops.forwardColumns(x, 0, w, 0, b, 0, zc, 0, B, nIn, nOut);
            assertArrayEquals(zr, zc, 0f, "forward " + shape);

            float[] dWr = poisoned(nOut * nIn), dWc = poisoned(nOut * nIn), dbr = poisoned(nOut), dbc = poisoned(nOut);
            DenseLoops.weightGradientsRows(x, 0, dz, 0, dWr, 0, dbr, 0, B, nIn, nOut);
            DenseLoops.weightGradientsColumns(x, 0, dz, 0, dWc, 0, dbc, 0, B, nIn, nOut);
            assertArrayEquals(dWr, dWc, 0f, "dW " + shape);
            assertArrayEquals(dbr, dbc, 0f, "db " + shape);

            float[] dXr = poisoned(B * nIn), dXc = poisoned(B * nIn);
            DenseLoops.inputGradientsRows(w, 0, dz, 0, dXr, 0, B, nIn, nOut);
            DenseLoops.inputGradientsColumns(w, 0, dz, 0, dXc, 0, B, nIn, nOut);
            assertArrayEquals(dXr, dXc, 0f, "dX " + shape);
            for (float[] out : new float[][] {zr, dWr, dbr, dXr}) {
                for (float v : out) if (Float.isNaN(v)) throw new AssertionError("unwritten output, " + shape);
            }
        }
    }

    private static float[] poisoned(int n) {
        float[] v = new float[n];
        Arrays.fill(v, Float.NaN);
        return v;
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }
}
