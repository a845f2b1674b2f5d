package dev.relulab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import org.junit.jupiter.api.Test;

/** Keras' initialiser definitions: limits, standard deviations after truncation, and Lu et al.'s RAI structure. */
class InitializerTest {
    static float[] draw(String spec, int fanIn, int fanOut) {
        float[] w = new float[fanIn * fanOut], b = new float[fanOut];
        Initializer.parse(spec).fillWeights(w, 0, b, 0, fanIn, fanOut, new RandomStream(11, 3, Purpose.WEIGHTS, 1));
        return w;
    }

    static double std(float[] v) {
        double s = 0, q = 0;
        for (float x : v) {
            s += x;
            q += (double) x * x;
        }
        double m = s / v.length;
        return Math.sqrt(q / v.length - m * m);
    }

    @Test
    void uniformVariantsStayInsideTheirLimits() {
        int fanIn = 300, fanOut = 200;
        double[][] cases = {{Math.sqrt(6.0 / (fanIn + fanOut))}, {Math.sqrt(6.0 / fanIn)}, {Math.sqrt(3.0 / fanIn)}};
        String[] names = {"glorot_uniform", "he_uniform", "lecun_uniform"};
        for (int c = 0; c < names.length; c++) {
            float[] w = draw(names[c], fanIn, fanOut);
            double limit = cases[c][0], max = 0;
            for (float x : w) max = Math.max(max, Math.abs(x));
            assertTrue(max <= limit * (1 + 1e-6), names[c] + " max " + max + " > " + limit + " (float rounding allowed)");
            assertTrue(max > 0.99 * limit, names[c] + " never comes near its limit");
            // uniform on [-l, l] has std l / sqrt(3); 60000 draws: 2% is over 5 standard errors
            assertEquals(limit / Math.sqrt(3), std(w), 0.02 * limit / Math.sqrt(3), names[c]);
        }
    }

    @Test
    void truncatedNormalVariantsHaveKerasStdAndNoTails() {
        int fanIn = 400, fanOut = 150;
        String[] names = {"glorot_normal", "he_normal", "lecun_normal"};
        double[] stds = {Math.sqrt(2.0 / (fanIn + fanOut)), Math.sqrt(2.0 / fanIn), Math.sqrt(1.0 / fanIn)};
        for (int c = 0; c < names.length; c++) {
            float[] w = draw(names[c], fanIn, fanOut);
            double cut = 2 * stds[c] / 0.87962566103423978;
            for (float x : w) assertTrue(Math.abs(x) <= cut * (1 + 1e-6), names[c] + " value " + x + " beyond 2 sigma");
            assertEquals(stds[c], std(w), 0.02 * stds[c], names[c] + " std after truncation");
        }
    }

    @Test
    void raiGivesEachUnitOneBetaEntryAmongSmallSymmetricOnesAndSetsBiases() {
        // fan_in 50: the symmetric part is N(0, 0.085^2), so entries above 0.5 (6 sigma) are the Beta(2,1) draws
        int fanIn = 50, fanOut = 4000;
        float[] w = new float[fanIn * fanOut], b = new float[fanOut];
        Initializer.parse("rai").fillWeights(w, 0, b, 0, fanIn, fanOut, new RandomStream(5, 0, Purpose.WEIGHTS, 1));
        assertTrue(Initializer.parse("rai").setsBiases());
        int large = 0, largeBias = 0, rowsWithTwo = 0;
        for (int j = 0; j < fanOut; j++) {
            int inRow = 0;
            for (int i = 0; i <= fanIn; i++) {
                float v = i < fanIn ? w[j * fanIn + i] : b[j];
                assertTrue(v <= 1f, "Beta(2,1) is at most 1, the rest tiny: " + v);
                if (v > 0.5f) {
                    inRow++;
                    if (i == fanIn) largeBias++;
                }
            }
            large += inRow;
            if (inRow > 1) rowsWithTwo++;
        }
        assertEquals(0, rowsWithTwo, "one asymmetric entry per unit");
        // P(Beta(2,1) > 0.5) = 0.75: 3000 of 4000 expected, sd 27
        assertEquals(3000, large, 140);
        // the chosen slot is uniform over 51: the bias gets 3000/51 ~ 59 of the large ones, sd ~ 7.6
        assertEquals(59, largeBias, 38);
    }

    @Test
    void parsesArgumentsAndRejectsBadTextNamingTheAllowedForms() {
        assertEquals("normal(0.0,0.01)", Initializer.parse("normal(0, 0.01)").toString());
        assertEquals("constant(0.5)", Initializer.parse("constant(0.5)").toString());
        assertEquals("uniform(-0.1,0.2)", Initializer.parse("uniform(-0.1, 0.2)").toString(), "negative arguments");
        assertEquals("constant(-0.5)", Initializer.parse("constant(-0.5)").toString());
        assertEquals(Initializer.Kind.HE_NORMAL, Initializer.parse("He-Normal").kind, "a dash in the name");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.parse("orthogonal"));
        assertTrue(e.getMessage().contains("glorot_uniform"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializer.parse("normal(0,x)"));
        assertThrows(IllegalArgumentException.class, () -> Initializer.parse("constant"));
    }
}
