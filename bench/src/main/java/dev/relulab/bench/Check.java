package dev.relulab.bench;

/** The one validation idiom of the benchmarks: compare with a reference and stop with the first mismatches. */
final class Check {
    private static final int SHOWN = 5;

    private Check() {}

    /** The expected value at an index. */
    interface Reference {
        float at(int index);
    }

    /** Throws unless {@code |got - want| <= atol + rtol |want|} for every index below {@code count}. */
    static void close(String what, Reference want, float[] got, int count, float atol, float rtol) {
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int k = 0; k < count; k++) {
            float w = want.at(k), g = got[k];
            if (Math.abs(g - w) <= atol + rtol * Math.abs(w) || Float.compare(g, w) == 0) continue;
            if (bad++ < SHOWN) first.append(String.format(" [%d] want %s got %s", k, w, g));
        }
        if (bad > 0) {
            throw new IllegalStateException(what + ": " + bad + " of " + count + " elements differ; first:" + first);
        }
    }

    /** Throws unless every value is finite. */
    static void finite(String what, float[] values, int count) {
        for (int k = 0; k < count; k++) {
            if (!Float.isFinite(values[k])) throw new IllegalStateException(what + "[" + k + "] = " + values[k]);
        }
    }
}
