package dev.relulab.engine.cpu.fused;

/**
 * {@code CpuEngine.outputStats} for one output per lane over a pass of examples: the first value as reference, an
 * all-equal flag, and the sums of (v - ref) and (v - ref)^2 in example order. The flag is kept as the sum of
 * |v - ref|, which is 0 exactly when every value equals the reference as long as everything is finite; a lane with
 * a non-finite sum is left for the reference to decide ({@link #finite}).
 */
final class LaneStats {
    final float[] ref, sum, sq, spread;

    LaneStats(int cap) {
        ref = new float[cap];
        sum = new float[cap];
        sq = new float[cap];
        spread = new float[cap];
    }

    void start(int n, float[] v) {
        System.arraycopy(v, 0, ref, 0, n);
        java.util.Arrays.fill(sum, 0, n, 0f);
        java.util.Arrays.fill(sq, 0, n, 0f);
        java.util.Arrays.fill(spread, 0, n, 0f);
    }

    void add(int n, float[] v) {
        for (int c = 0; c < n; c++) {
            float d = v[c] - ref[c];
            sum[c] = sum[c] + d;
            sq[c] = sq[c] + d * d;
            spread[c] = spread[c] + Math.abs(d);
        }
    }

    boolean finite(int c) {
        return Float.isFinite(ref[c]) && Float.isFinite(sum[c]) && Float.isFinite(sq[c]) && Float.isFinite(spread[c]);
    }

    /** Writes lane c's (ref, all-equal, sum, sum of squares) at {@code out[at..at+4)}. */
    void write(int c, float[] out, int at) {
        out[at] = ref[c];
        out[at + 1] = spread[c] == 0f ? 1f : 0f;
        out[at + 2] = sum[c];
        out[at + 3] = sq[c];
    }
}
