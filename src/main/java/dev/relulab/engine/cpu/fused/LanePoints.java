package dev.relulab.engine.cpu.fused;

import dev.relulab.data.FunctionTarget;
import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/** A lane's function points, drawn once in index order as {@code CpuEngine.functionPoints} draws them. */
final class LanePoints {
    private LanePoints() {}

    /** x_i = lo + (hi - lo) u_i from stream (seed, network, purpose, 0); y_i = f(x_i). */
    static void draw(FunctionTarget fn, float lo, float hi, long seed, int network, Purpose purpose, int count,
                     float[] x, float[] y) {
        RandomStream stream = new RandomStream(seed, network, purpose, 0);
        float range = hi - lo;
        for (int i = 0; i < count; i++) {
            float v = lo + range * stream.uniform(i);
            x[i] = v;
            y[i] = fn.apply(v);
        }
    }
}
