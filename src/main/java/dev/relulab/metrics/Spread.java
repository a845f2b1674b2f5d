package dev.relulab.metrics;

/** Mean, sample standard deviation (0 for one value), minimum and maximum of a sample; NaN values are skipped. */
public record Spread(int n, double mean, double std, double min, double max) {
    public static Spread of(double[] values) {
        int n = 0;
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (n == 0) return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double mean = sum / n, ss = 0;
        for (double v : values) if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
        return new Spread(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, max);
    }
}
