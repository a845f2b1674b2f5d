package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * initWeights and initBiases on OpenCL against the CPU engine for every initialiser, on fresh seeds and odd shapes.
 * Uniform and constant forms are bit-identical (separately rounded double multiply and add on both). Normal forms
 * may differ by one float ulp, so within rtol 1e-6: the Box-Muller sqrt/log/cos run in double on both sides but the
 * device's double log and cos are not StrictMath's (OpenCL allows 3-4 double ulp), and a double that lands within a
 * few double ulp of a float rounding boundary can round to the neighbouring float (relative 2^-23 = 1.2e-7 at most).
 */
class OpenClInitTest {
    /** One float ulp is 1.2e-7 relative; a tenfold margin. */
    private static final double RTOL_NORMAL = 1e-6;

    static List<Initializer> weightInits() {
        List<Initializer> all = new ArrayList<>();
        for (Initializer.Kind k : Initializer.Kind.values()) {
            switch (k) {
                case CONSTANT: all.add(Initializer.constant(-0.37)); break;
                case NORMAL: all.add(Initializer.normal(0.1, 0.5)); break;
                case UNIFORM: all.add(Initializer.uniform(-0.3, 0.7)); break;
                default: all.add(Initializer.of(k));
            }
        }
        return all;
    }

    @Test
    void everyWeightInitialiserMatchesCpu() {
        DeviceEngine cl = engine();
        for (Initializer init : weightInits()) compareWeights(cl, init, newSeed());
    }

    @Test
    void everyBiasInitialiserMatchesCpu() {
        DeviceEngine cl = engine();
        for (Initializer init : weightInits()) {
            if (init.kind.ordinal() > Initializer.Kind.UNIFORM.ordinal()) continue;
            long seed = newSeed();
            Random r = new Random(seed);
            int E = 1 + r.nextInt(200), n = 1 + r.nextInt(130), layer = 1 + r.nextInt(6), netBase = r.nextInt(100_000);
            Engine c = cpu();
            Buffer cb = c.floats(E * n);
            c.initBiases(init, seed, netBase, E, layer, n, cb);
            float[] want = download(c, cb);
            try (Buffer b = poisoned(cl, E * n)) {
                cl.initBiases(init, seed, netBase, E, layer, n, b);
                check("bias " + init, init.biasSampling(), want, download(cl, b), seed);
            }
        }
    }

    @Test
    void hostFallbackMatchesCpuBitForBit() {
        DeviceEngine cl = engine();
        cl.plan().forceHostInit(true);
        try {
            for (Initializer init : weightInits()) {
                long seed = newSeed();
                Random r = new Random(seed);
                int E = 1 + r.nextInt(20), fanIn = 1 + r.nextInt(40), fanOut = 1 + r.nextInt(20);
                float[][] wb0 = cpuWeights(init, seed, 3, E, 2, fanIn, fanOut);
                float[] w = wb0[0], b = wb0[1];
                try (Buffer wb = poisoned(cl, w.length); Buffer bb = cl.floats(b.length)) {
                    cl.initWeights(init, seed, 3, E, 2, fanIn, fanOut, wb, bb);
                    assertSameInts("host-fallback w " + init, bits(w), bits(download(cl, wb)), seed);
                    assertSameInts("host-fallback b " + init, bits(b), bits(download(cl, bb)), seed);
                }
            }
        } finally {
            cl.plan().forceHostInit(false);
        }
    }

    private static void compareWeights(DeviceEngine cl, Initializer init, long seed) {
        Random r = new Random(seed);
        int E = 1 + r.nextInt(60), fanIn = 1 + r.nextInt(200), fanOut = 1 + r.nextInt(40);
        int layer = 1 + r.nextInt(6), netBase = r.nextInt(1_000_000);
        float[][] wb0 = cpuWeights(init, seed, netBase, E, layer, fanIn, fanOut);
        float[] w = wb0[0], b = wb0[1];
        try (Buffer wb = poisoned(cl, w.length); Buffer bb = poisoned(cl, b.length)) {
            cl.initWeights(init, seed, netBase, E, layer, fanIn, fanOut, wb, bb);
            Sampling s = init.sampling(fanIn, fanOut);
            String shape = init + " E=" + E + " fanIn=" + fanIn + " fanOut=" + fanOut;
            check("w " + shape, s, w, download(cl, wb), seed);
            float[] gotB = download(cl, bb);
            if (init.setsBiases()) {
                check("b " + shape, s, b, gotB, seed);
            } else {
                for (float v : gotB) assertTrue(Float.isNaN(v), "initWeights " + shape + " wrote b (seed " + seed + ")");
            }
        }
    }

    private static void check(String what, Sampling s, float[] want, float[] got, long seed) {
        boolean exact = s.form() == Sampling.Form.CONSTANT || s.form() == Sampling.Form.UNIFORM;
        if (exact) {
            assertSameInts("init " + what, bits(want), bits(got), seed);
        } else {
            assertClose("init-normal " + what, want, got, 0, RTOL_NORMAL, seed);
        }
    }

    /** The CPU engine's w and b (b zero unless RAI). */
    private static float[][] cpuWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn,
                                        int fanOut) {
        Engine c = cpu();
        Buffer w = c.floats((long) E * fanOut * fanIn), b = c.floats((long) E * fanOut);
        c.initWeights(init, seed, netBase, E, layer, fanIn, fanOut, w, b);
        return new float[][] {download(c, w), download(c, b)};
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }
}
