package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** reduce_dead, abs_sum, dormant_mask and output_stats against the CPU engine (all bit-identical on OpenCL). */
class OpenClDeadMaskTest {
    private static final int E = 37, B = 63, N = 7, LAYERS = 3, LAYER = 1;

    @Test
    void reduceDeadMatchesCpu() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        Engine cpu = cpu();
        int[] alive = bits(r, E * N), ever = bits(r, E * N), dead = new int[E * LAYERS];
        java.util.Arrays.fill(dead, -7);
        for (boolean withEver : new boolean[] {true, false}) {
            Buffer[] c = {uploadInts(cpu, alive), withEver ? uploadInts(cpu, ever) : null, uploadInts(cpu, dead),
                uploadInts(cpu, dead)};
            Buffer[] g = {uploadInts(cl, alive), withEver ? uploadInts(cl, ever) : null, uploadInts(cl, dead),
                uploadInts(cl, dead)};
            cpu.reduceDead(E, N, c[0], c[1], c[2], withEver ? c[3] : null, LAYERS, LAYER);
            cl.reduceDead(E, N, g[0], g[1], g[2], withEver ? g[3] : null, LAYERS, LAYER);
            assertSameInts("reduceDead.dead", downloadInts(cpu, c[2]), downloadInts(cl, g[2]), seed);
            assertSameInts("reduceDead.revived", downloadInts(cpu, c[3]), downloadInts(cl, g[3]), seed);
            if (withEver) assertSameInts("reduceDead.everDead", downloadInts(cpu, c[1]), downloadInts(cl, g[1]), seed);
            for (Buffer b : g) if (b != null) b.close();
        }
    }

    @Test
    void absSumAndDormantMaskMatchCpu() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        Engine cpu = cpu();
        float[] a = normal(r, E * B * N, 1), sums = uniform(r, E * N, 0, 1);
        for (int i = 0; i < a.length; i += 5) a[i] = 0f;
        Buffer ca = upload(cpu, a), cs = upload(cpu, sums), ga = upload(cl, a), gs = upload(cl, sums);
        cpu.absSum(E, B, N, ca, cs);
        cl.absSum(E, B, N, ga, gs);
        assertClose("absSum", download(cpu, cs), download(cl, gs), 0, RTOL_REDUCTION, seed);
        float[] zeroCols = download(cpu, cs);
        for (int e = 0; e < E; e += 3) zeroCols[e * N + 2] = 0f;
        cpu.write(cs, zeroCols, zeroCols.length);
        cl.write(gs, zeroCols, zeroCols.length);
        for (float tau : new float[] {0f, 0.1f, 0.9f}) {
            Buffer calive = cpu.ints(E * N), galive = cl.ints(E * N);
            cl.fill(galive, -3, E * N);
            cpu.dormantMask(E, N, cs, tau, calive);
            cl.dormantMask(E, N, gs, tau, galive);
            assertSameInts("dormantMask tau=" + tau, downloadInts(cpu, calive), downloadInts(cl, galive), seed);
            galive.close();
        }
        for (Buffer b : new Buffer[] {ga, gs}) b.close();
    }

    @Test
    void outputStatsMatchCpu() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        Engine cpu = cpu();
        int n = 3;
        Buffer cst = cpu.floats(E * n * 4), gst = poisoned(cl, E * n * 4);
        for (int batch = 0; batch < 3; batch++) {
            float[] v = normal(r, E * B * n, 1);
            for (int e = 0; e < E; e++) for (int s = 0; s < B; s++) v[(e * B + s) * n + 1] = 0.25f * e;
            if (batch == 1) v[(4 * B + 5) * n + 1] = Float.NaN;
            Buffer cv = upload(cpu, v), gv = upload(cl, v);
            cpu.outputStats(E, B, n, cv, cst, batch == 0);
            cl.outputStats(E, B, n, gv, gst, batch == 0);
            gv.close();
        }
        float[] want = download(cpu, cst), got = download(cl, gst);
        assertClose("outputStats", want, got, 0, RTOL_REDUCTION, seed);
        gst.close();
    }

    private static int[] bits(Random r, int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(3) == 0 ? 1 : 0;
        return v;
    }
}
