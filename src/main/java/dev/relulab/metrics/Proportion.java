package dev.relulab.metrics;

/** A count out of a total with its 95% Wilson score interval, the right interval for fractions near 0 or 1. */
public final class Proportion {
    private static final double Z95 = 1.959963984540054;

    public final long count, total;
    public final double fraction, low, high;

    public Proportion(long count, long total) {
        if (total < 0 || count < 0 || count > total) {
            throw new IllegalArgumentException("count " + count + " of total " + total + " is not a proportion");
        }
        this.count = count;
        this.total = total;
        this.fraction = total == 0 ? Double.NaN : (double) count / total;
        if (total == 0) {
            low = Double.NaN;
            high = Double.NaN;
            return;
        }
        double z2 = Z95 * Z95, n = total, p = fraction;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // The Wilson interval always contains p; clamping to it removes rounding (count 0 gave low = 2.8e-17).
        low = Math.max(0, Math.min(p, centre - half));
        high = Math.min(1, Math.max(p, centre + half));
    }

    /** Counts the true entries of {@code flags}. */
    public static Proportion of(boolean[] flags) {
        long c = 0;
        for (boolean f : flags) if (f) c++;
        return new Proportion(c, flags.length);
    }

    @Override
    public String toString() {
        return String.format("%.3f [%.3f, %.3f]", fraction, low, high);
    }
}
