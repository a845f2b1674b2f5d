package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Optimizer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** optimizer_step against the CPU engine for every optimizer, three steps, with diverged networks left alone. */
class OpenClOptimizerTest {

    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void matchesCpu(Optimizer.Kind kind) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        check(cl, Optimizer.of(kind), 37, 35, r, seed);
        check(cl, Optimizer.of(kind), 1 + r.nextInt(50), 1 + r.nextInt(300), r, seed);
    }

    static void check(Engine cl, Optimizer opt, int E, int perNet, Random r, long seed) {
        Engine cpu = cpu();
        int n = E * perNet;
        float[] p = normal(r, n, 1), lr = uniform(r, E, 1e-3f, 0.1f);
        int[] diverged = new int[E];
        for (int e = 0; e < E; e += 4) diverged[e] = 1;
        String where = opt + " E=" + E + " perNet=" + perNet;
        Buffer[] c = {upload(cpu, p), cpu.floats(n), cpu.floats(n), cpu.floats(n), upload(cpu, lr),
            uploadInts(cpu, diverged)};
        Buffer[] g = {upload(cl, p), cl.floats(n), cl.floats(n), cl.floats(n), upload(cl, lr),
            uploadInts(cl, diverged)};
        for (int t = 1; t <= 3; t++) {
            float[] grad = normal(r, n, 1);
            cpu.write(c[1], grad, n);
            cl.write(g[1], grad, n);
            float corr = opt.biasCorrection(t);
            cpu.optimizerStep(opt, E, perNet, c[0], c[1], c[2], c[3], c[4], corr, c[5]);
            cl.optimizerStep(opt, E, perNet, g[0], g[1], g[2], g[3], g[4], corr, g[5]);
        }
        assertClose("optimizer.param " + where, download(cpu, c[0]), download(cl, g[0]), 0, RTOL_ELEMENTWISE, seed);
        assertClose("optimizer.s1 " + where, download(cpu, c[2]), download(cl, g[2]), 0, RTOL_ELEMENTWISE, seed);
        assertClose("optimizer.s2 " + where, download(cpu, c[3]), download(cl, g[3]), 0, RTOL_ELEMENTWISE, seed);
        for (Buffer buf : g) buf.close();
    }
}
