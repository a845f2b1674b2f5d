package dev.relulab.report.figure;

/**
 * One series of a plot: a line (NaN breaks it), points, a band between {@code lo} and {@code hi}, or
 * intervals (a mark at y with a whisker from lo to hi at each x); lines and bands may be {@link #stepped}.
 * {@code color} indexes the {@link Palette}.
 */
public final class Series {
    /** How a series is drawn. */
    public enum Kind { LINE, POINTS, BAND, INTERVALS }

    public final String name;
    public final Kind kind;
    public final int color;
    final double[] x, y, lo, hi;
    boolean markers, dashed, stepped, inLegend = true;

    Series(String name, Kind kind, int color, double[] x, double[] y, double[] lo, double[] hi) {
        int n = x.length;
        for (double[] v : new double[][] {y, lo, hi}) {
            if (v != null && v.length != n) {
                throw new IllegalArgumentException("series " + name + ": " + v.length + " values for " + n + " x");
            }
        }
        this.name = name;
        this.kind = kind;
        this.color = color;
        this.x = x.clone();
        this.y = y == null ? null : y.clone();
        this.lo = lo == null ? null : lo.clone();
        this.hi = hi == null ? null : hi.clone();
    }

    /** Circles at the points of a line. */
    public Series markers() {
        markers = true;
        return this;
    }

    /** A dashed line (a reference or a second condition beside a solid one). */
    public Series dashed() {
        dashed = true;
        return this;
    }

    /** Each value held until the next x: a step line, or a band of steps. */
    public Series stepped() {
        stepped = true;
        return this;
    }

    /** Left out of the figure's legend (a band beside its line). */
    public Series unlisted() {
        inLegend = false;
        return this;
    }

    public boolean inLegend() {
        return inLegend;
    }

    /** Whether a line has a dot at each of its points. */
    public boolean hasMarkers() {
        return markers;
    }

    public double[] x() {
        return x.clone();
    }

    /** The values (null for a band). */
    public double[] y() {
        return y == null ? null : y.clone();
    }

    public double[] lo() {
        return lo == null ? null : lo.clone();
    }

    public double[] hi() {
        return hi == null ? null : hi.clone();
    }
}
