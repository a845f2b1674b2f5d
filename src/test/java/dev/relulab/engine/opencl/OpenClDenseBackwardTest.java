package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The launches of denseBackward (v1 and tiled v2) against the CPU engine for every activation, with and without dX. */
class OpenClDenseBackwardTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void matchesCpu(Activation act) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        for (int version = 1; version <= 2; version++) {
            cl.plan().dense().forceVersion(version);
            check(cl, act, 37, 63, 7, 5, true, r, seed);
            check(cl, act, 1 + r.nextInt(20), 1 + r.nextInt(40), 1 + r.nextInt(70), 1 + r.nextInt(40), r.nextBoolean(),
                    r, seed);
        }
    }

    static void check(Engine cl, Activation act, int E, int B, int nIn, int nOut, boolean wantDx, Random r, long seed) {
        Engine cpu = cpu();
        float[] x = normal(r, E * B * nIn, 1), w = normal(r, E * nOut * nIn, 1 / Math.sqrt(nIn));
        float[] z = normal(r, E * B * nOut, 1), dA = normal(r, E * B * nOut, 0.1);
        for (int i = 0; i < z.length; i += 11) z[i] = 0f;
        boolean prelu = act.hasLearnedSlope();
        float[] slope = prelu ? uniform(r, E * nOut, -0.5f, 0.5f) : null;
        float alpha = 0.2f;
        String where = act + " E=" + E + " B=" + B + " nIn=" + nIn + " nOut=" + nOut + " dX=" + wantDx;

        Buffer[] c = {upload(cpu, x), upload(cpu, w), upload(cpu, z), prelu ? upload(cpu, slope) : null,
            upload(cpu, dA), cpu.floats(E * nOut * nIn), cpu.floats(E * nOut), prelu ? cpu.floats(E * nOut) : null,
            wantDx ? cpu.floats(E * B * nIn) : null};
        cpu.denseBackward(E, B, nIn, nOut, c[0], c[1], c[2], act, alpha, c[3], c[4], c[5], c[6], c[7], c[8]);
        Buffer[] g = {upload(cl, x), upload(cl, w), upload(cl, z), prelu ? upload(cl, slope) : null,
            upload(cl, dA), poisoned(cl, E * nOut * nIn), poisoned(cl, E * nOut), prelu ? poisoned(cl, E * nOut) : null,
            wantDx ? poisoned(cl, E * B * nIn) : null};
        cl.denseBackward(E, B, nIn, nOut, g[0], g[1], g[2], act, alpha, g[3], g[4], g[5], g[6], g[7], g[8]);

        assertClose("backward.dz " + where, download(cpu, c[4]), download(cl, g[4]), 1e-7, RTOL_ELEMENTWISE, seed);
        assertClose("backward.dW " + where, download(cpu, c[5]), download(cl, g[5]), 1e-6, RTOL_REDUCTION, seed);
        assertClose("backward.db " + where, download(cpu, c[6]), download(cl, g[6]), 1e-6, RTOL_REDUCTION, seed);
        if (prelu) {
            assertClose("backward.dSlope " + where, download(cpu, c[7]), download(cl, g[7]), 1e-6, RTOL_REDUCTION,
                    seed);
        }
        if (wantDx) {
            assertClose("backward.dX " + where, download(cpu, c[8]), download(cl, g[8]), 1e-6, RTOL_REDUCTION, seed);
        }
        for (Buffer buf : g) if (buf != null) buf.close();
    }
}
