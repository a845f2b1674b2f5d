package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.engine.Buffer;
import dev.relulab.nn.Activation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Alive bits from the forward pass, dead and revived counts, the ReDo rule, and the output statistics. */
class DeadMaskTest {
    final CpuEngine eng = new CpuEngine(1);

    @Test
    void forwardMarksUnitsPositiveOnSomeExampleAndReductionCountsTheRest() {
        int E = 2, B = 3, nIn = 1, nOut = 3;
        // x = 1, 2, 3 for both networks; unit j has weight w_j and bias 0, so it is alive iff w_j > 0
        float[] x = {1, 2, 3, 1, 2, 3}, w = {1, -1, 0, -2, -3, 0.5f};
        Buffer xb = up(x), wb = up(w), bb = eng.floats(E * nOut), z = eng.floats(E * B * nOut),
                a = eng.floats(E * B * nOut), alive = eng.ints(E * nOut);
        eng.denseForward(E, B, nIn, nOut, xb, wb, bb, Activation.RELU, 0, null, z, a, alive);
        int[] bits = new int[E * nOut];
        eng.readInts(alive, bits, bits.length);
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1}, bits);
        Buffer ever = eng.ints(E * nOut), dead = eng.ints(E * 2), revived = eng.ints(E * 2);
        eng.writeInts(ever, new int[] {0, 0, 0, 1, 0, 1}, 6);
        eng.reduceDead(E, nOut, alive, ever, dead, revived, 2, 1);
        int[] d = new int[4], r = new int[4], everAfter = new int[6];
        eng.readInts(dead, d, 4);
        eng.readInts(revived, r, 4);
        eng.readInts(ever, everAfter, 6);
        assertEquals(2, d[1], "network 0, layer index 1: two dead units");
        assertEquals(2, d[3], "network 1: two dead units");
        assertEquals(1, r[3], "network 1's unit 2 was dead before and is alive now");
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1}, everAfter);
    }

    @Test
    void redoRuleMarksUnitsUnderTauTimesTheLayerMean() {
        Buffer sums = up(new float[] {0f, 1f, 10f, 9f, 0.05f, 0.3f, 0.3f, 0.3f}), alive = eng.ints(8);
        eng.dormantMask(2, 4, sums, 0.25f, alive);
        int[] bits = new int[8];
        eng.readInts(alive, bits, 8);
        // network 0: mean 5, threshold 1.25: units 0 and 1 dormant; network 1: mean 0.2375, threshold 0.059: unit 0
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1, 1, 1}, bits);
        eng.dormantMask(2, 4, sums, 0f, alive);
        eng.readInts(alive, bits, 8);
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 1, 1}, bits, "tau 0 is the exact test");
    }

    @Test
    void outputStatsAccumulateAcrossBatchesAndSpotAnyDifference() {
        Random rnd = new Random();
        int E = 3, B = 4, total = 3 * B;
        float[] all = new float[E * total];
        for (int i = 0; i < all.length; i++) all[i] = (float) rnd.nextGaussian();
        for (int s = 0; s < total; s++) all[total + s] = 0.75f; // network 1 is constant
        Buffer stats = eng.floats(E * 4), v = eng.floats(E * B);
        for (int batch = 0; batch < 3; batch++) {
            float[] part = new float[E * B];
            for (int e = 0; e < E; e++) System.arraycopy(all, e * total + batch * B, part, e * B, B);
            eng.write(v, part, part.length);
            eng.outputStats(E, B, 1, v, stats, batch == 0);
        }
        float[] st = new float[E * 4];
        eng.read(stats, st, st.length);
        assertEquals(0f, st[1], "network 0 varies");
        assertEquals(1f, st[5], "network 1 is constant");
        for (int e = 0; e < E; e++) {
            double mean = 0, sq = 0;
            for (int s = 0; s < total; s++) mean += all[e * total + s];
            mean /= total;
            for (int s = 0; s < total; s++) sq += Math.pow(all[e * total + s] - mean, 2);
            double std = Math.sqrt(sq / total);
            double m = st[e * 4 + 2] / (double) total;
            double gotStd = Math.sqrt(Math.max(0, st[e * 4 + 3] / (double) total - m * m));
            assertEquals(std, gotStd, 1e-5 * (1 + std), "std of network " + e);
        }
    }

    private Buffer up(float[] v) {
        Buffer b = eng.floats(v.length);
        eng.write(b, v, v.length);
        return b;
    }
}
