package dev.relulab.selftest;

import java.util.List;

/** The result of one kernel on one engine: its worst output against the reference, or the error it raised. */
public final class ParityRow {
    public final String engine;
    public final String kernel;
    public final String shape;
    /** Every compared output; empty when the call failed. */
    public final List<Comparison> outputs;
    /** Why the call failed (an exception's message), or null. */
    public final String error;

    ParityRow(String engine, String kernel, String shape, List<Comparison> outputs, String error) {
        this.engine = engine;
        this.kernel = kernel;
        this.shape = shape;
        this.outputs = outputs;
        this.error = error;
    }

    public boolean pass() {
        return error == null && outputs.stream().allMatch(c -> c.pass);
    }

    /** The output furthest from its bound: a failing one first, else the largest error relative to its bound. */
    public Comparison worst() {
        Comparison worst = null;
        for (Comparison c : outputs) {
            if (worst == null || score(c) > score(worst)) worst = c;
        }
        return worst;
    }

    private static double score(Comparison c) {
        if (!c.pass) return Double.POSITIVE_INFINITY;
        return c.tolerance.bound == 0 ? 0 : c.relativeError / c.tolerance.bound;
    }
}
