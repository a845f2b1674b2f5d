package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.engine.Buffer;
import dev.relulab.nn.Optimizer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Optimizer steps against Keras' update rules written out in double (per-network learning rates, a diverged network
 * left untouched), over several steps with fresh gradients.
 */
class OptimizerStepTest {
    /** Fresh each run; replay a failure with -Drelulab.seed=N (the message prints N). */
    static final long SEED = Long.getLong("relulab.seed", System.nanoTime());

    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void followsKerasRules(Optimizer.Kind kind) {
        Random rnd = new Random(SEED + kind.ordinal());
        CpuEngine eng = new CpuEngine(1);
        Optimizer opt = Optimizer.of(kind);
        int E = 3, per = 7, n = E * per;
        double[] p = new double[n], v = new double[n], m = new double[n];
        float[] pf = new float[n];
        for (int i = 0; i < n; i++) pf[i] = (float) (p[i] = (float) rnd.nextGaussian());
        float[] lr = {0.1f, 0.01f, 0.5f};
        int[] diverged = {0, 1, 0};
        Buffer pb = eng.floats(n), gb = eng.floats(n), s1 = eng.floats(n), s2 = eng.floats(n), lrb = eng.floats(E),
                db = eng.ints(E);
        eng.write(pb, pf, n);
        eng.write(lrb, lr, E);
        eng.writeInts(db, diverged, E);
        for (int t = 1; t <= 5; t++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) g[i] = (float) rnd.nextGaussian();
            eng.write(gb, g, n);
            eng.optimizerStep(opt, E, per, pb, gb, s1, s2, lrb, opt.biasCorrection(t), db);
            for (int i = 0; i < n; i++) {
                int e = i / per;
                if (diverged[e] != 0) continue;
                switch (kind) {
                    case SGD: p[i] -= lr[e] * g[i]; break;
                    case MOMENTUM: v[i] = (double) 0.9f * v[i] - lr[e] * g[i]; p[i] += v[i]; break;
                    case ADAM: {
                        // the hyper-parameters as float32 holds them, as Keras does: 1 - 0.999f is 9.99987e-4, not
                        // 1e-3, a 1.3e-5 relative difference in v that a double reference must not hide
                        double b1 = 0.9f, b2 = 0.999f, eps = 1e-7f;
                        m[i] = m[i] + (g[i] - m[i]) * (1 - b1);
                        v[i] = v[i] + ((double) g[i] * g[i] - v[i]) * (1 - b2);
                        double a = lr[e] * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                        p[i] -= a * m[i] / (Math.sqrt(v[i]) + eps);
                        break;
                    }
                    default: throw new AssertionError(kind);
                }
            }
        }
        float[] got = new float[n];
        eng.read(pb, got, n);
        for (int i = 0; i < n; i++) {
            // five float32 steps against double: a few ulps of the parameter scale per step
            assertEquals(p[i], got[i], 1e-5 * (1 + Math.abs(p[i])), kind + " parameter " + i + ", seed " + SEED);
        }
        for (int i = per; i < 2 * per; i++) assertEquals(pf[i], got[i], 0f, "the diverged network must not move");
    }
}
