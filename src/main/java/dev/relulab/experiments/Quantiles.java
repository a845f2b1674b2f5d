package dev.relulab.experiments;

import java.util.Arrays;

/** A distribution summary of a gradient: the 1st, 25th, 50th, 75th and 99th percentiles and the mean |value|. */
public record Quantiles(double p01, double p25, double p50, double p75, double p99, double meanAbs) {
    public static Quantiles of(float[] values) {
        if (values == null || values.length == 0) return new Quantiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        float[] v = values.clone();
        Arrays.sort(v);
        double abs = 0;
        for (float x : v) abs += Math.abs(x);
        return new Quantiles(at(v, 0.01), at(v, 0.25), at(v, 0.5), at(v, 0.75), at(v, 0.99), abs / v.length);
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    private static double at(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
