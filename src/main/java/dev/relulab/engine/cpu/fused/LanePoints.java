package dev.relulab.engine.cpu.fused;

import dev.relulab.data.FunctionTarget;
import dev.relulab.random.Philox;
import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/**
 * A lane's function points, drawn once in index order with the values {@code CpuEngine.functionPoints} draws: x_i =
 * lo + (hi - lo) u_i with u_i from stream (seed, network, purpose, 0) element i, and y_i = f(x_i). Point i is word
 * i & 3 of Philox block i >>> 2, so all the blocks of a lane are drawn at once ({@link Philox#blocks}).
 */
final class LanePoints {
    private int[][] words = new int[4][0];

    /** Fills {@code x[0..count)} and {@code y[0..count)} for network {@code network}. */
    void draw(FunctionTarget fn, float lo, float hi, long seed, int network, Purpose purpose, int count, float[] x,
              float[] y) {
        int blocks = (count + 3) >>> 2;
        if (words[0].length < blocks) words = new int[4][blocks];
        int[][] w = words;
        Philox.blocks(blocks, 0, network, purpose.code, 0, (int) seed, (int) (seed >>> 32), w[0], w[1], w[2], w[3]);
        float range = hi - lo;
        for (int i = 0; i < count; i++) x[i] = lo + range * RandomStream.toUnit(w[i & 3][i >>> 2]);
        if (fn == FunctionTarget.ABS) {
            for (int i = 0; i < count; i++) y[i] = Math.abs(x[i]);
        } else {
            for (int i = 0; i < count; i++) y[i] = fn.apply(x[i]);
        }
    }
}
