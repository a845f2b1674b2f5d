package dev.relulab.engine.cpu.fused;

import dev.relulab.nn.Optimizer;

/**
 * One optimizer step on every parameter row of a block, with each lane's learning rate: the CPU engine's
 * {@code optimizerStep} (the same float expressions, in the same order), applied row by row.
 */
final class LaneOptimizer {
    private final Optimizer.Kind kind;
    private final float momentum, oneMinusBeta1, oneMinusBeta2, epsilon;
    private final float[] step;

    LaneOptimizer(Optimizer opt, int cap) {
        kind = opt.kind;
        momentum = (float) opt.momentum;
        oneMinusBeta1 = 1f - (float) opt.beta1;
        oneMinusBeta2 = 1f - (float) opt.beta2;
        epsilon = (float) opt.epsilon;
        step = new float[cap];
    }

    /** Updates rows [first, P) of {@code b}'s parameters from its gradients; {@code correction} is Adam's. */
    void step(LaneBlock b, int first, float correction) {
        int n = b.n;
        float[] rate = b.rate;
        switch (kind) {
            case SGD:
                for (int r = first; r < b.lay.P; r++) sgd(n, b.p[r], b.g[r], rate);
                break;
            case MOMENTUM:
                for (int r = first; r < b.lay.P; r++) momentum(n, b.p[r], b.g[r], b.s1[r], rate, momentum);
                break;
            case ADAM:
                for (int c = 0; c < n; c++) step[c] = rate[c] * correction;
                for (int r = first; r < b.lay.P; r++) {
                    adam(n, b.p[r], b.g[r], b.s1[r], b.s2[r], step, oneMinusBeta1, oneMinusBeta2, epsilon);
                }
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    private static void sgd(int n, float[] p, float[] g, float[] rate) {
        for (int c = 0; c < n; c++) p[c] = p[c] - rate[c] * g[c];
    }

    private static void momentum(int n, float[] p, float[] g, float[] v, float[] rate, float m) {
        for (int c = 0; c < n; c++) {
            float vc = m * v[c] - rate[c] * g[c];
            v[c] = vc;
            p[c] = p[c] + vc;
        }
    }

    private static void adam(int n, float[] p, float[] g, float[] mo, float[] ve, float[] step, float omb1,
                             float omb2, float eps) {
        for (int c = 0; c < n; c++) {
            float gc = g[c];
            float m = mo[c] + (gc - mo[c]) * omb1;
            float v = ve[c] + (gc * gc - ve[c]) * omb2;
            mo[c] = m;
            ve[c] = v;
            p[c] = p[c] - step[c] * m / ((float) Math.sqrt(v) + eps);
        }
    }
}
