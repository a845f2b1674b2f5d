package dev.relulab.metrics;

import java.util.Arrays;

/**
 * An estimate over seeds with its 95% interval: the mean with Student's t interval, or the median with the
 * distribution-free interval of two order statistics. NaN values are skipped; infinities count as values above
 * every finite one (a seed that never reached a target), so a median may be infinite.
 *
 * @param n the values used
 * @param estimate the mean or the median
 * @param low the interval's lower end
 * @param high the interval's upper end
 */
public record Interval(int n, double estimate, double low, double high) {
    private static final double Z975 = 1.959963984540054;
    /** t(0.975, df) for df = 1..10, where the expansion below is not yet accurate. */
    private static final double[] T975 = {12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119,
        2.3646243, 2.3060041, 2.2621572, 2.2281389};

    /** This interval cut to [lo, hi]: the range a bounded quantity (a fraction) can take. */
    public Interval within(double lo, double hi) {
        return new Interval(n, estimate, Math.max(lo, Math.min(hi, low)), Math.min(hi, Math.max(lo, high)));
    }

    /** The mean and its t interval (mean ± t(0.975, n-1) s / sqrt n); for one value, the value and NaN ends. */
    public static Interval mean(double[] values) {
        double[] v = finite(values);
        int n = v.length;
        if (n == 0) return new Interval(0, Double.NaN, Double.NaN, Double.NaN);
        double sum = 0;
        for (double x : v) sum += x;
        double mean = sum / n;
        if (n == 1) return new Interval(1, mean, Double.NaN, Double.NaN);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Interval(n, mean, mean - half, mean + half);
    }

    /**
     * The median and the interval [x(j), x(k)] of the sorted values whose coverage under any continuous distribution
     * is at least 95% (binomial(n, 1/2) tails of at most 2.5% each); NaN ends when n is too small (n < 6).
     */
    public static Interval median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = v.length;
        if (n == 0) return new Interval(0, Double.NaN, Double.NaN, Double.NaN);
        double median = n % 2 == 1 ? v[n / 2] : mid(v[n / 2 - 1], v[n / 2]);
        int j = lowerRank(n);
        if (j < 1) return new Interval(n, median, Double.NaN, Double.NaN);
        return new Interval(n, median, v[j - 1], v[n - j]);
    }

    private static double mid(double a, double b) {
        return Double.isInfinite(a) || Double.isInfinite(b) ? (a == b ? a : Double.POSITIVE_INFINITY) : (a + b) / 2;
    }

    /** The largest j with P(Binomial(n, 1/2) < j) <= 2.5%, or 0 when even j = 1 is too wide a tail. */
    static int lowerRank(int n) {
        double p = Math.pow(0.5, n), cdf = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            cdf += p;
            if (cdf > 0.025) break;
            j = k + 1;
            p = p * (n - k) / (k + 1);
        }
        return j;
    }

    /** Student's t quantile at 0.975 for {@code df} degrees of freedom: tabulated to 10, then to about 1e-4. */
    public static double t975(int df) {
        if (df < 1) throw new IllegalArgumentException("df=" + df + " must be at least 1");
        if (df <= T975.length) return T975[df - 1];
        // Cornish-Fisher expansion of t in powers of 1/df around the normal quantile (Abramowitz & Stegun 26.7.5)
        double z = Z975, z2 = z * z, d = df;
        double g1 = (z2 + 1) * z / 4, g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + g1 / d + g2 / (d * d) + g3 / (d * d * d) + g4 / (d * d * d * d);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
