package dev.relulab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Lu et al.'s RAI drawn as the paper defines it, row by row of [W | b]: the Beta slot uniform over the fanIn + 1
 * entries and independent of the other entries, its value Beta(2, 1), the rest N(0, (0.6007 / sqrt(fanIn))^2).
 * 40000 rows of narrow layers (one row per network, as in the lu2019 nets); every test at a significance of about
 * 1e-4, on fixed seeds, so a pass is stable and a dependence like the old scheme's (whose Beta slot reused a normal's
 * words) fails by tens of standard errors.
 */
class RaiMarginalsTest {
    private static final int ROWS = 40_000;
    /** Standard normal quantile of 1 - 1e-4 / 2. */
    private static final double Z = 3.89;

    /** One row per network: entries [0, fanIn] (fanIn = the bias) and the slot that holds the Beta draw. */
    private static final class Rows {
        final double[][] v;
        final int[] slot;

        Rows(int fanIn, int unit) {
            v = new double[ROWS][fanIn + 1];
            slot = new int[ROWS];
            int fanOut = unit + 1;
            float[] w = new float[fanIn * fanOut], b = new float[fanOut];
            for (int n = 0; n < ROWS; n++) {
                RandomStream s = new RandomStream(1999, n, Purpose.WEIGHTS, 2);
                Initializer.of(Initializer.Kind.RAI).fillWeights(w, 0, b, 0, fanIn, fanOut, s);
                for (int i = 0; i < fanIn; i++) v[n][i] = w[unit * fanIn + i];
                v[n][fanIn] = b[unit];
                slot[n] = Initializer.raiSlot(s, unit, fanIn);
            }
        }
    }

    @Test
    void betaSlotIsUniformOverTheRow() {
        for (int fanIn : new int[] {1, 2, 5}) {
            for (int unit : new int[] {0, 1}) {
                Rows r = new Rows(fanIn, unit);
                long[] count = new long[fanIn + 1];
                for (int k : r.slot) count[k]++;
                double chi2 = chiSquareUniform(count);
                assertTrue(chi2 < chiSquareCritical(fanIn), "fanIn " + fanIn + " unit " + unit + ": slot counts "
                        + Arrays.toString(count) + ", chi2 " + chi2);
            }
        }
    }

    @Test
    void betaEntryIsBeta21AndTheRestNormal() {
        for (int fanIn : new int[] {1, 2, 5}) {
            for (int unit : new int[] {0, 1}) {
                Rows r = new Rows(fanIn, unit);
                double std = 0.6007 / Math.sqrt(fanIn);
                double[] beta = new double[ROWS], normal = new double[ROWS * fanIn];
                int m = 0;
                for (int n = 0; n < ROWS; n++) {
                    beta[n] = r.v[n][r.slot[n]];
                    for (int i = 0; i <= fanIn; i++) if (i != r.slot[n]) normal[m++] = r.v[n][i] / std;
                }
                String where = "fanIn " + fanIn + " unit " + unit;
                double dBeta = ks(beta, x -> x <= 0 ? 0 : x >= 1 ? 1 : x * x);
                assertTrue(dBeta < ksCritical(ROWS), where + ": Beta(2,1) KS distance " + dBeta);
                double dNormal = ks(normal, RaiMarginalsTest::phi);
                assertTrue(dNormal < ksCritical(normal.length), where + ": normal KS distance " + dNormal);
            }
        }
    }

    @Test
    void slotAndBetaValueAreIndependentOfTheOtherEntries() {
        for (int fanIn : new int[] {1, 2, 5}) {
            for (int unit : new int[] {0, 1}) {
                Rows r = new Rows(fanIn, unit);
                String where = "fanIn " + fanIn + " unit " + unit;
                for (int i = 0; i <= fanIn; i++) {
                    // slot against the sign and size of entry i, over rows where entry i is a normal one
                    long[][] table = new long[4][fanIn + 1];
                    double[] beta = new double[ROWS], other = new double[ROWS];
                    int m = 0;
                    double std = 0.6007 / Math.sqrt(fanIn);
                    for (int n = 0; n < ROWS; n++) {
                        if (r.slot[n] == i) continue;
                        double z = r.v[n][i] / std;
                        table[(z < 0 ? 0 : 2) + (Math.abs(z) < 0.6745 ? 0 : 1)][r.slot[n]]++;
                        beta[m] = r.v[n][r.slot[n]];
                        other[m++] = Math.abs(z);
                    }
                    double chi2 = chiSquareIndependence(table);
                    int df = 3 * (fanIn - 1);
                    if (df > 0) {
                        assertTrue(chi2 < chiSquareCritical(df), where + ": slot depends on entry " + i + ", chi2 "
                                + chi2 + " on " + df + " df");
                    }
                    double rho = correlation(Arrays.copyOf(beta, m), Arrays.copyOf(other, m));
                    assertTrue(Math.abs(rho) < Z / Math.sqrt(m), where + ": Beta value and |entry " + i
                            + "| correlate, r = " + rho);
                }
            }
        }
    }

    /** The standard normal CDF by Abramowitz and Stegun 7.1.26 (error under 1.5e-7, far below the KS bounds). */
    static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2), t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z);
        return 0.5 * (1 + Math.signum(x) * erf);
    }

    static double ks(double[] sample, java.util.function.DoubleUnaryOperator cdf) {
        double[] x = sample.clone();
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max(f - (double) i / x.length, (double) (i + 1) / x.length - f));
        }
        return d;
    }

    /** Kolmogorov's asymptotic critical distance at alpha 1e-4: sqrt(-ln(alpha / 2) / 2) / sqrt(n). */
    static double ksCritical(int n) {
        return Math.sqrt(-Math.log(0.5e-4) / 2) / Math.sqrt(n);
    }

    static double chiSquareUniform(long[] count) {
        long n = Arrays.stream(count).sum();
        double e = (double) n / count.length, chi2 = 0;
        for (long c : count) chi2 += (c - e) * (c - e) / e;
        return chi2;
    }

    static double chiSquareIndependence(long[][] t) {
        int rows = t.length, cols = t[0].length;
        double[] rs = new double[rows], cs = new double[cols];
        double n = 0;
        for (int a = 0; a < rows; a++) for (int b = 0; b < cols; b++) {
            rs[a] += t[a][b];
            cs[b] += t[a][b];
            n += t[a][b];
        }
        double chi2 = 0;
        for (int a = 0; a < rows; a++) for (int b = 0; b < cols; b++) {
            double e = rs[a] * cs[b] / n;
            if (e > 0) chi2 += (t[a][b] - e) * (t[a][b] - e) / e;
        }
        return chi2;
    }

    /** Wilson-Hilferty upper 1e-4 point of chi-square with df degrees of freedom (within 1% for df >= 1). */
    static double chiSquareCritical(int df) {
        double a = 2.0 / (9 * df);
        return df * Math.pow(1 - a + 3.72 * Math.sqrt(a), 3);
    }

    static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
