package dev.relulab.report.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * What an axis shows: its label (with units: "fraction", "count out of 64", "%"), a linear, logarithmic or category
 * scale, and optionally a fixed range, values it must include (0 for fractions and counts) or explicit ticks.
 * {@link #resolve} turns it and the data's range into a {@link Scale}.
 */
public final class Axis {
    enum Kind { LINEAR, LOG, CATEGORY }

    private final String label;
    private final Kind kind;
    private final List<String> categories;
    private Double min, max;
    private boolean integer, exact;
    private double[] ticks;
    private final List<Double> include = new ArrayList<>();

    private Axis(String label, Kind kind, List<String> categories) {
        this.label = label;
        this.kind = kind;
        this.categories = List.copyOf(categories);
    }

    /** A linear axis whose range grows from the data to the nearest ticks. */
    public static Axis linear(String label) {
        return new Axis(label, Kind.LINEAR, List.of());
    }

    /** A base-10 logarithmic axis with ticks at powers of ten (or {@link #ticks}). */
    public static Axis log(String label) {
        return new Axis(label, Kind.LOG, List.of());
    }

    /** Named positions 0, 1, ..., n-1, each tick labelled with its name (variants' activations). */
    public static Axis categories(String label, List<String> names) {
        if (names.isEmpty()) throw new IllegalArgumentException("a category axis needs at least one name");
        return new Axis(label, Kind.CATEGORY, names);
    }

    /** A fixed range; the data may not widen it. */
    public Axis range(double lo, double hi) {
        if (!(lo < hi)) throw new IllegalArgumentException("axis range [" + lo + ", " + hi + "] is empty");
        min = lo;
        max = hi;
        return this;
    }

    /** The range always reaches {@code v} (0 for fractions and counts). */
    public Axis including(double v) {
        include.add(v);
        return this;
    }

    /** Whole-number ticks (epochs, layers, counts). */
    public Axis integer() {
        integer = true;
        return this;
    }

    /** The data's own range, not widened to the step: its ends are ticks (epochs 1..50). */
    public Axis exact() {
        exact = true;
        return this;
    }

    /** These ticks and no others (the learning rates of a sweep); the range is padded around them. */
    public Axis ticks(double... values) {
        ticks = values.clone();
        return this;
    }

    public String label() {
        return label;
    }

    public List<String> categories() {
        return categories;
    }

    public boolean isLog() {
        return kind == Kind.LOG;
    }

    /** The scale of this axis over data spanning [lo, hi] (NaN when there is none), with about {@code target} ticks. */
    public Scale resolve(double lo, double hi, int target) {
        if (kind == Kind.CATEGORY) {
            List<Tick> t = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) t.add(new Tick(i, categories.get(i)));
            return new Scale(-0.5, categories.size() - 0.5, false, t);
        }
        for (double v : include) {
            lo = Double.isNaN(lo) ? v : Math.min(lo, v);
            hi = Double.isNaN(hi) ? v : Math.max(hi, v);
        }
        if (ticks != null) return explicit(lo, hi);
        if (min != null) {
            lo = min;
            hi = max;
        }
        if (Double.isNaN(lo)) {
            lo = kind == Kind.LOG ? 1 : 0;
            hi = kind == Kind.LOG ? 10 : 1;
        }
        if (kind == Kind.LOG) return Ticks.log(lo, hi);
        return exact || min != null ? Ticks.exact(lo, hi, target, integer) : Ticks.nice(lo, hi, target, integer);
    }

    private Scale explicit(double lo, double hi) {
        List<Tick> t = new ArrayList<>();
        double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
        for (double v : ticks) {
            t.add(new Tick(v, Ticks.plain(v)));
            a = Math.min(a, v);
            b = Math.max(b, v);
        }
        if (!Double.isNaN(lo)) {
            a = Math.min(a, lo);
            b = Math.max(b, hi);
        }
        if (min != null) {
            a = min;
            b = max;
        } else if (kind == Kind.LOG) {
            double pad = Math.pow(b / a, 0.04);
            a /= pad;
            b *= pad;
        } else {
            double pad = 0.04 * (b - a == 0 ? 1 : b - a);
            a -= pad;
            b += pad;
        }
        return new Scale(a, b, kind == Kind.LOG, t);
    }
}
