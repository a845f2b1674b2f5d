package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Loss;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** loss_v1 against the CPU engine for every loss; network 1 gets a NaN logit and must be marked diverged. */
class OpenClLossTest {

    @ParameterizedTest
    @EnumSource(Loss.class)
    void matchesCpu(Loss loss) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        check(cl, loss, 37, 63, 5, r, seed);
        check(cl, loss, 2 + r.nextInt(30), 1 + r.nextInt(100), 1 + r.nextInt(12), r, seed);
    }

    static void check(Engine cl, Loss loss, int E, int B, int n, Random r, long seed) {
        Engine cpu = cpu();
        float[] out = normal(r, E * B * n, 2);
        float[] target = loss == Loss.MSE ? normal(r, E * B * n, 1) : new float[E * B * n];
        if (loss == Loss.BCE) target = uniform(r, E * B * n, 0, 1);
        if (loss == Loss.CCE) for (int s = 0; s < E * B; s++) target[s * n + r.nextInt(n)] = 1f;
        out[B * n] = Float.NaN;
        float[] sum = normal(r, E, 1);
        String where = loss + " E=" + E + " B=" + B + " n=" + n;

        Buffer[] c = {upload(cpu, out), upload(cpu, target), cpu.floats(E * B * n), cpu.floats(E), upload(cpu, sum),
            cpu.ints(E)};
        cpu.loss(loss, E, B, n, c[0], c[1], c[2], c[3], c[4], c[5]);
        Buffer[] g = {upload(cl, out), upload(cl, target), poisoned(cl, E * B * n), poisoned(cl, E), upload(cl, sum),
            cl.ints(E)};
        cl.loss(loss, E, B, n, g[0], g[1], g[2], g[3], g[4], g[5]);

        // gradients: float exp/log1p where Java rounds a double result; cce's logSum is a float sum here
        assertClose("loss.dOut " + where, download(cpu, c[2]), download(cl, g[2]), 1e-7, RTOL_ELEMENTWISE, seed);
        assertClose("loss.last " + where, download(cpu, c[3]), download(cl, g[3]), 1e-6, RTOL_REDUCTION, seed);
        assertClose("loss.sum " + where, download(cpu, c[4]), download(cl, g[4]), 1e-6, RTOL_REDUCTION, seed);
        int[] div = downloadInts(cl, g[5]);
        assertSameInts("loss.diverged " + where, downloadInts(cpu, c[5]), div, seed);
        assertEquals(1, div[1], "network 1 has a NaN logit and must be marked diverged");
        for (Buffer buf : g) buf.close();
    }
}
