package dev.relulab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    @Test
    void classificationHasThePresetShapeAndIsBalancedWithoutFlips() {
        ClassificationData c = new ClassificationData(2000, 20, 15, 5, 2, 2, 0.0, 1.0, true);
        DataSet d = c.generate(42);
        assertEquals(2000, d.rows);
        assertEquals(20, d.features);
        assertEquals(1, d.outputs);
        assertArrayEquals(new int[] {1000, 1000}, d.classCounts());
    }

    /** A label is redrawn with probability 0.1 and changes half the time: 5% expected, 2000 rows, about 4 sigma. */
    @Test
    void labelFlipRateIsFlipTimesOneMinusOneOverClasses() {
        for (long seed : new long[] {1, 2, 3}) {
            DataSet clean = new ClassificationData(2000, 20, 15, 5, 2, 2, 0.0, 1.0, true).generate(seed);
            DataSet noisy = ClassificationData.variantsPreset().generate(seed);
            assertArrayEquals(clean.x, noisy.x);
            int changed = 0;
            for (int i = 0; i < clean.rows; i++) if (clean.label(i) != noisy.label(i)) changed++;
            double rate = changed / 2000.0;
            assertTrue(rate > 0.03 && rate < 0.07, "flip rate " + rate + " outside [0.03, 0.07]");
        }
    }

    @Test
    void multiclassLabelsAreOneHotAndBalanced() {
        DataSet d = new ClassificationData(300, 6, 4, 1, 3, 1, 0.0, 1.0, false).generate(5);
        assertEquals(3, d.outputs);
        assertArrayEquals(new int[] {100, 100, 100}, d.classCounts());
    }

    @Test
    void redundantFeaturesAreLinearCombinationsOfInformativeOnes() {
        DataSet d = new ClassificationData(200, 6, 3, 2, 2, 2, 0.0, 1.0, false).generate(9);
        double[][] a = new double[200][3];
        double[] t = new double[200];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 3; j++) a[i][j] = d.x[i * 6 + j];
            t[i] = d.x[i * 6 + 3];
        }
        double[] coef = leastSquares(a, t);
        double maxResidual = 0;
        for (int i = 0; i < 200; i++) {
            double r = t[i] - (coef[0] * a[i][0] + coef[1] * a[i][1] + coef[2] * a[i][2]);
            maxResidual = Math.max(maxResidual, Math.abs(r));
        }
        assertTrue(maxResidual < 1e-4, "residual " + maxResidual);
    }

    @Test
    void classesAreSeparableEnoughForALinearRule() {
        DataSet d = new ClassificationData(1000, 10, 2, 0, 2, 1, 0.0, 3.0, false).generate(3);
        double[] mean0 = new double[2], mean1 = new double[2];
        int[] counts = d.classCounts();
        for (int i = 0; i < d.rows; i++) {
            double[] m = d.label(i) == 0 ? mean0 : mean1;
            m[0] += d.x[i * 10];
            m[1] += d.x[i * 10 + 1];
        }
        double gap = Math.hypot(mean0[0] / counts[0] - mean1[0] / counts[1], mean0[1] / counts[0] - mean1[1] / counts[1]);
        assertTrue(gap > 2.0, "class means only " + gap + " apart");
    }

    @Test
    void generatorsAreDeterministicBySeed() {
        ClassificationData c = ClassificationData.variantsPreset();
        assertArrayEquals(c.generate(7).x, c.generate(7).x);
        assertArrayEquals(c.generate(7).y, c.generate(7).y);
        assertFalse(Arrays.equals(c.generate(7).x, c.generate(8).x));
        assertArrayEquals(BallData.generate(4).x, BallData.generate(4).x);
        assertFalse(Arrays.equals(BallData.generate(4).x, BallData.generate(5).x));
        assertArrayEquals(RandomBinaryData.generate(4).y, RandomBinaryData.generate(4).y);
        assertFalse(Arrays.equals(RandomBinaryData.generate(4).x, RandomBinaryData.generate(5).x));
    }

    @Test
    void ballHasUnitStandardDeviationAndBothClasses() {
        DataSet d = BallData.generate(11);
        assertEquals(1000, d.rows);
        assertEquals(10, d.features);
        double sum = 0, sq = 0;
        for (float v : d.x) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / d.x.length;
        assertEquals(1.0, Math.sqrt(sq / d.x.length - mean * mean), 1e-4);
        int[] counts = d.classCounts();
        assertTrue(counts[0] > 100 && counts[1] > 100, Arrays.toString(counts));
        double maxNorm = 0;
        for (int i = 0; i < d.rows; i++) {
            double n = 0;
            for (int j = 0; j < 10; j++) n += d.x[i * 10 + j] * d.x[i * 10 + j];
            maxNorm = Math.max(maxNorm, Math.sqrt(n));
        }
        assertTrue(maxNorm > 0.9 * Math.sqrt(10) && maxNorm < 1.5 * Math.sqrt(10), "largest norm " + maxNorm);
    }

    @Test
    void randomBinaryIsUniformWithFairCoinLabels() {
        DataSet d = RandomBinaryData.generate(12);
        assertEquals(1000, d.rows);
        assertEquals(10, d.features);
        assertEquals(1, d.outputs);
        double sum = 0;
        for (float v : d.x) {
            assertTrue(v >= 0f && v < 1f);
            sum += v;
        }
        assertEquals(0.5, sum / d.x.length, 0.02);
        int ones = d.classCounts()[1];
        assertTrue(ones > 430 && ones < 570, "ones " + ones);
    }

    @Test
    void badParametersNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassificationData(100, 10, 8, 5, 2, 2, 0.1, 1.0, true));
        assertTrue(e.getMessage().startsWith("features=10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClassificationData(100, 4, 1, 0, 3, 1, 0.1, 1.0, true));
        assertThrows(IllegalArgumentException.class, () -> new ClassificationData(100, 4, 2, 0, 2, 1, 1.5, 1.0, true));
    }

    private static double[] leastSquares(double[][] a, double[] t) {
        int p = a[0].length;
        double[][] m = new double[p][p + 1];
        for (int i = 0; i < a.length; i++) {
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) m[r][c] += a[i][r] * a[i][c];
                m[r][p] += a[i][r] * t[i];
            }
        }
        for (int col = 0; col < p; col++) {
            for (int r = col + 1; r < p; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= p; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r][p];
            for (int c = r + 1; c < p; c++) s -= m[r][c] * x[c];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
