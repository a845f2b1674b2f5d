package dev.relulab.selftest;

import java.util.ArrayList;
import java.util.List;

/**
 * One output compared with its reference: the relative error over elements whose reference is finite, and whether it
 * passes. A non-finite reference must be matched exactly (the same infinity, or NaN); a NaN or infinity where the
 * reference is finite always fails, so an element left poisoned is caught.
 */
public final class Comparison {
    /** How many mismatching elements a failure lists. */
    static final int SHOWN_MISMATCHES = 3;

    public final String output;
    public final Tolerance tolerance;
    public final double relativeError;
    public final boolean pass;
    /** The first few differing elements as "index: want W, got G". */
    public final List<String> mismatches;

    private Comparison(String output, Tolerance tolerance, double relativeError, boolean pass, List<String> mismatches) {
        this.output = output;
        this.tolerance = tolerance;
        this.relativeError = relativeError;
        this.pass = pass;
        this.mismatches = mismatches;
    }

    public static Comparison of(String output, float[] got, float[] want, Tolerance tolerance) {
        if (got.length != want.length) throw new IllegalArgumentException(output + ": " + got.length + " vs " + want.length);
        double diff = 0, norm = 0;
        boolean badSpecial = false;
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < want.length; k++) {
            float g = got[k], w = want[k];
            boolean differs;
            if (!Float.isFinite(w) || !Float.isFinite(g)) {
                differs = Float.compare(g, w) != 0;
                badSpecial |= differs;
            } else {
                double d = (double) g - w;
                diff += d * d;
                norm += (double) w * w;
                differs = tolerance == Tolerance.EXACT ? g != w : Math.abs(d) > tolerance.bound * Math.abs(w);
            }
            if (differs && shown.size() < SHOWN_MISMATCHES) shown.add(k + ": want " + w + ", got " + g);
        }
        double rel = diff == 0 ? 0 : norm == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(diff / norm);
        if (badSpecial) rel = Double.NaN;
        boolean pass = !badSpecial && (tolerance == Tolerance.EXACT ? diff == 0 : rel <= tolerance.bound);
        return new Comparison(output, tolerance, rel, pass, pass ? List.of() : shown);
    }

    public static Comparison ofInts(String output, int[] got, int[] want) {
        float[] g = new float[got.length], w = new float[want.length];
        for (int k = 0; k < got.length; k++) g[k] = got[k];
        for (int k = 0; k < want.length; k++) w[k] = want[k];
        return of(output, g, w, Tolerance.EXACT);
    }
}
