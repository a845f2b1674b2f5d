package dev.relulab.report.figure;

import java.util.ArrayList;
import java.util.List;

/** One panel: a title, an x and a y {@link Axis}, and its series, drawn in the order they were added. */
public final class Plot {
    public final String title;
    public final Axis x, y;
    private final List<Series> series = new ArrayList<>();

    public Plot(String title, Axis x, Axis y) {
        this.title = title;
        this.x = x;
        this.y = y;
    }

    private Series add(Series s) {
        series.add(s);
        return s;
    }

    public Series line(String name, int color, double[] x, double[] y) {
        return add(new Series(name, Series.Kind.LINE, color, x, y, null, null));
    }

    /** A line that holds each value until the next x (a cumulative fraction against epochs). */
    public Series step(String name, int color, double[] x, double[] y) {
        return add(new Series(name, Series.Kind.LINE, color, x, y, null, null)).stepped();
    }

    public Series points(String name, int color, double[] x, double[] y) {
        return add(new Series(name, Series.Kind.POINTS, color, x, y, null, null));
    }

    /** A translucent band from {@code lo} to {@code hi} (an interval over seeds or networks). */
    public Series band(String name, int color, double[] x, double[] lo, double[] hi) {
        return add(new Series(name, Series.Kind.BAND, color, x, null, lo, hi));
    }

    /** A mark at each (x, y) with a whisker from lo to hi: a mean and its interval at a category. */
    public Series intervals(String name, int color, double[] x, double[] y, double[] lo, double[] hi) {
        return add(new Series(name, Series.Kind.INTERVALS, color, x, y, lo, hi));
    }

    /** A dashed horizontal line at {@code value} across the plot (a reference such as SELU's fixed point). */
    public Series reference(String name, int color, double value) {
        return add(new Series(name, Series.Kind.LINE, color, new double[] {Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY}, new double[] {value, value}, null, null)).dashed();
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /** The series called {@code name}, for tests; an error when there is none. */
    public Series series(String name) {
        for (Series s : series) if (s.name.equals(name)) return s;
        throw new IllegalArgumentException("plot '" + title + "' has no series '" + name + "'");
    }

    /** [min, max] of the finite x values of every series (NaN, NaN when there are none). */
    double[] xRange() {
        double[] r = {Double.NaN, Double.NaN};
        for (Series s : series) widen(r, s.x, false);
        return r;
    }

    /** [min, max] of the finite y, lo and hi values ({@code positive}: only values above 0, for log axes). */
    double[] yRange(boolean positive) {
        double[] r = {Double.NaN, Double.NaN};
        for (Series s : series) {
            widen(r, s.y, positive);
            widen(r, s.lo, positive);
            widen(r, s.hi, positive);
        }
        return r;
    }

    static void widen(double[] r, double[] v, boolean positive) {
        if (v == null) return;
        for (double d : v) {
            if (!Double.isFinite(d) || positive && d <= 0) continue;
            r[0] = Double.isNaN(r[0]) ? d : Math.min(r[0], d);
            r[1] = Double.isNaN(r[1]) ? d : Math.max(r[1], d);
        }
    }
}
