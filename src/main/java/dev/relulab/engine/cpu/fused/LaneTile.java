package dev.relulab.engine.cpu.fused;

/**
 * A tile of consecutive points of every lane, transposed to one row per point: each lane's values are read as one
 * contiguous run (a few cache lines) instead of one cache line per lane and point, then served row by row as the
 * lanes' inputs or targets.
 */
final class LaneTile {
    /** Points per tile: one minibatch, or 64 points of a probe or test pass. */
    final float[][] rows;

    LaneTile(int points, int cap) {
        rows = new float[points][cap];
    }

    /** rows[k][c] = lanes[c][from + k] for k in [0, count), c in [0, n). */
    void gather(float[][] lanes, int n, int from, int count) {
        float[][] r = rows;
        for (int c = 0; c < n; c++) {
            float[] src = lanes[c];
            for (int k = 0; k < count; k++) r[k][c] = src[from + k];
        }
    }
}
