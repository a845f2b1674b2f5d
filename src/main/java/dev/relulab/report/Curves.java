package dev.relulab.report;

import dev.relulab.metrics.Interval;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Plot;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The reports' shared ways of drawing values over seeds: a mean line with its 95% band, a mean with its interval
 * and the seeds' own points at a category.
 */
public final class Curves {
    private Curves() {}

    /** Per index 0..n-1, the mean over {@code runs} of {@code value(run, index)} and its 95% t interval. */
    public static <R> Interval[] meanPer(List<R> runs, int n, ToDoubleBiFunction<R, Integer> value) {
        Interval[] out = new Interval[n];
        for (int i = 0; i < n; i++) {
            final int k = i;
            out[i] = Interval.mean(runs.stream().mapToDouble(r -> value.applyAsDouble(r, k)).toArray());
        }
        return out;
    }

    /** As {@link #meanPer}, the intervals cut to [0, 1]: for fractions, which a t interval can overshoot. */
    public static <R> Interval[] meanFractionPer(List<R> runs, int n, ToDoubleBiFunction<R, Integer> value) {
        Interval[] v = meanPer(runs, n, value);
        for (int i = 0; i < n; i++) v[i] = v[i].within(0, 1);
        return v;
    }

    /** A line through the estimates and, under it, their band (left out of the legend). */
    public static void lineWithBand(Plot p, String name, int color, double[] x, Interval[] v) {
        double[] y = new double[v.length], lo = new double[v.length], hi = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = v[i].estimate();
            lo[i] = v[i].low();
            hi[i] = v[i].high();
        }
        p.band(name + " 95% CI", color, x, lo, hi).unlisted();
        p.line(name, color, x, y);
    }

    /**
     * At category {@code k} of a category axis: each run's value as a faint point, spread sideways so that equal
     * values stay visible, and the mean with its 95% interval.
     */
    public static <R> Interval meanAndPoints(Plot p, String name, int k, List<R> runs, ToDoubleFunction<R> value) {
        double[] y = runs.stream().mapToDouble(value).toArray(), x = new double[y.length];
        for (int i = 0; i < y.length; i++) x[i] = k + 0.22 * (y.length == 1 ? 0 : (i / (y.length - 1.0) - 0.5));
        p.points(name + " (each network)", k, x, y).unlisted();
        Interval m = Interval.mean(y);
        p.intervals(name, k, new double[] {k}, new double[] {m.estimate()}, new double[] {m.low()},
                new double[] {m.high()}).unlisted();
        return m;
    }

    /**
     * The cumulative fraction of runs whose event happened by each epoch 0..epochs (an event epoch per run, infinite or
     * NaN when it never happened; 0 = at initialisation), as a step line with a dot at each probe (the last one, at the
     * axis's end, would otherwise not show) and its stepped 95% Wilson band: the "fraction collapsed against epoch"
     * figure, one call per width or layer.
     */
    public static void cumulativeFraction(Plot p, String name, int color, double[] eventEpochs, int epochs) {
        double[] x = range(0, epochs + 1), y = new double[epochs + 1], lo = new double[epochs + 1],
                hi = new double[epochs + 1];
        for (int e = 0; e <= epochs; e++) {
            long by = 0;
            for (double t : eventEpochs) if (t <= e) by++;
            dev.relulab.metrics.Proportion pr = new dev.relulab.metrics.Proportion(by, eventEpochs.length);
            y[e] = pr.fraction;
            lo[e] = pr.low;
            hi[e] = pr.high;
        }
        p.band(name + " 95% CI", color, x, lo, hi).stepped().unlisted();
        p.step(name, color, x, y).markers();
    }

    /** The same from proportions already counted per epoch 0..n-1 (CollapseSummary.collapsedBy). */
    public static void cumulativeFraction(Plot p, String name, int color, dev.relulab.metrics.Proportion[] by) {
        int n = by.length;
        double[] x = range(0, n), y = new double[n], lo = new double[n], hi = new double[n];
        for (int e = 0; e < n; e++) {
            y[e] = by[e].fraction;
            lo[e] = by[e].low;
            hi[e] = by[e].high;
        }
        p.band(name + " 95% CI", color, x, lo, hi).stepped().unlisted();
        p.step(name, color, x, y).markers();
    }

    /** The epoch axis of a "by epoch" figure: 0 (initialisation) to the last epoch, every epoch a tick up to 20. */
    public static Axis epochAxis(int epochs) {
        Axis a = Axis.linear("epoch (0: at initialisation)").integer().range(0, Math.max(1, epochs));
        return epochs <= 20 ? a.ticks(range(0, epochs + 1)) : a;
    }

    /** 0, 1, ..., n-1 plus {@code first}: an epoch axis's values. */
    public static double[] range(int first, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = first + i;
        return x;
    }
}
