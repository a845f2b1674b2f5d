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
            // first the 2x2 layer, then narrow shapes (1 to 3 each way) where the column form has special cases
            int narrow = t < 40 ? 3 : 40;
            int B = 1 + rnd.nextInt(70), nIn = t == 0 ? 2 : 1 + rnd.nextInt(narrow),
                    nOut = t == 0 ? 2 : 1 + rnd.nextInt(narrow);
            // every array sits at offset o inside a larger one, as a network's slice of a chunk does
            int o = t % 3 == 0 ? 0 : 1 + rnd.nextInt(9);
            float[] x = gaussian(rnd, o + B * nIn), w = gaussian(rnd, o + nOut * nIn), b = gaussian(rnd, o + nOut),
                    dz = gaussian(rnd, o + B * nOut);
            String shape = "B=" + B + " nIn=" + nIn + " nOut=" + nOut + " offset " + o + " seed " + SEED;

            float[] zr = poisoned(o + B * nOut), zc = poisoned(o + B * nOut);
            DenseLoops.forwardRows(x, o, w, o, b, o, zr, o, B, nIn, nOut);
            DenseLoops.forwardColumns(x, o, w, o, b, o, zc, o, B, nIn, nOut);
            assertArrayEquals(zr, zc, 0f, "forward " + shape);

            float[] dWr = poisoned(o + nOut * nIn), dWc = poisoned(o + nOut * nIn), dbr = poisoned(o + nOut),
                    dbc = poisoned(o + nOut);
            DenseLoops.weightGradientsRows(x, o, dz, o, dWr, o, dbr, o, B, nIn, nOut);
            DenseLoops.weightGradientsColumns(x, o, dz, o, dWc, o, dbc, o, B, nIn, nOut);
            assertArrayEquals(dWr, dWc, 0f, "dW " + shape);
            assertArrayEquals(dbr, dbc, 0f, "db " + shape);

            float[] dXr = poisoned(o + B * nIn), dXc = poisoned(o + B * nIn);
            DenseLoops.inputGradientsRows(w, o, dz, o, dXr, o, B, nIn, nOut);
            DenseLoops.inputGradientsColumns(w, o, dz, o, dXc, o, B, nIn, nOut);
            assertArrayEquals(dXr, dXc, 0f, "dX " + shape);
            for (float[] out : new float[][] {zr, dWr, dbr, dXr}) {
                for (int i = 0; i < o; i++) {
                    if (!Float.isNaN(out[i])) throw new AssertionError("wrote before its offset, " + shape);
                }
            }
            for (float[] out : new float[][] {zr, dWr, dbr, dXr}) {
                for (int i = o; i < out.length; i++) {
                    if (Float.isNaN(out[i])) throw new AssertionError("unwritten output, " + shape);
                }
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
