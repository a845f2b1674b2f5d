package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * dense_forward_v1 and v2 against the CPU engine for every activation, on an odd shape and a random one; one example
 * has a NaN input, which every activation must pass on as the CPU does.
 */
class OpenClDenseForwardTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void matchesCpu(Activation act) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        int[][] shapes = {{37, 63, 7, 5}, {1 + r.nextInt(20), 1 + r.nextInt(40), 1 + r.nextInt(70), 1 + r.nextInt(40)}};
        for (int[] s : shapes) {
            for (int version = 1; version <= 2; version++) {
                cl.plan().dense().forceVersion(version);
                check(cl, act, s[0], s[1], s[2], s[3], r, seed, "v" + version);
            }
        }
    }

    static void check(Engine cl, Activation act, int E, int B, int nIn, int nOut, Random r, long seed, String tag) {
        Engine cpu = cpu();
        float[] x = normal(r, E * B * nIn, 1), w = normal(r, E * nOut * nIn, 1 / Math.sqrt(nIn));
        float[] b = normal(r, E * nOut, 0.3);
        if (E > 1 && B > 2) x[(B + 2) * nIn] = Float.NaN;
        float[] slope = act.hasLearnedSlope() ? uniform(r, E * nOut, -0.5f, 0.5f) : null;
        int[] alive = new int[E * nOut];
        for (int i = 0; i < alive.length; i += 3) alive[i] = 1;
        float alpha = 0.2f;
        String where = act + " " + tag + " E=" + E + " B=" + B + " nIn=" + nIn + " nOut=" + nOut;

        Buffer[] c = {upload(cpu, x), upload(cpu, w), upload(cpu, b), slope == null ? null : upload(cpu, slope),
            cpu.floats(E * B * nOut), cpu.floats(E * B * nOut), uploadInts(cpu, alive)};
        cpu.denseForward(E, B, nIn, nOut, c[0], c[1], c[2], act, alpha, c[3], c[4], c[5], c[6]);
        Buffer[] g = {upload(cl, x), upload(cl, w), upload(cl, b), slope == null ? null : upload(cl, slope),
            poisoned(cl, E * B * nOut), poisoned(cl, E * B * nOut), uploadInts(cl, alive)};
        cl.denseForward(E, B, nIn, nOut, g[0], g[1], g[2], act, alpha, g[3], g[4], g[5], g[6]);

        assertClose("forward.z " + where, download(cpu, c[4]), download(cl, g[4]), 1e-6, RTOL_REDUCTION, seed);
        // a = phi(z): z is a product sum (1e-4), phi adds a few ulp of float exp/erf/tanh
        assertClose("forward.a " + where, download(cpu, c[5]), download(cl, g[5]), 1e-6, RTOL_REDUCTION, seed);
        assertSameInts("forward.alive " + where, downloadInts(cpu, c[6]), downloadInts(cl, g[6]), seed);
        for (Buffer buf : g) if (buf != null) buf.close();
    }
}
