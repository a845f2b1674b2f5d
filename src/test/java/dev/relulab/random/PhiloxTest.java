package dev.relulab.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Philox4x32-10 against the Random123 known-answer vectors (src/test/resources/philox4x32-10.kat). */
class PhiloxTest {
    static List<long[]> vectors() throws IOException {
        List<long[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PhiloxTest.class.getResourceAsStream("/philox4x32-10.kat"), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\\s+");
                long[] v = new long[f.length];
                for (int i = 0; i < f.length; i++) v[i] = Long.parseLong(f[i], 16);
                rows.add(v);
            }
        }
        return rows;
    }

    @Test
    void matchesPublishedKnownAnswers() throws IOException {
        List<long[]> rows = vectors();
        assertTrue(rows.size() >= 3, "expected the three Random123 vectors");
        int[] out = new int[4];
        for (long[] v : rows) {
            Philox.block((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5], out);
            for (int k = 0; k < 4; k++) {
                assertEquals((int) v[6 + k], out[k], "word " + k + " of vector with counter " + Long.toHexString(v[0]));
            }
        }
    }

    @Test
    void blocksMatchTheScalarBlockAndTheKnownAnswers() throws IOException {
        for (long[] v : vectors()) {
            int[][] w = new int[4][1];
            Philox.blocks(1, (int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5], w[0], w[1], w[2],
                    w[3]);
            for (int j = 0; j < 4; j++) assertEquals((int) v[6 + j], w[j][0], "known answer word " + j);
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(Long.getLong("relulab.seed", System.nanoTime()));
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(300), c0 = rng.nextInt(), c1 = rng.nextInt(), c2 = rng.nextInt(), c3 = rng.nextInt();
            int k0 = rng.nextInt(), k1 = rng.nextInt();
            int[][] w = new int[4][n];
            Philox.blocks(n, c0, c1, c2, c3, k0, k1, w[0], w[1], w[2], w[3]);
            int[] want = new int[4];
            for (int v = 0; v < n; v++) {
                Philox.block(c0 + v, c1, c2, c3, k0, k1, want);
                for (int j = 0; j < 4; j++) assertEquals(want[j], w[j][v], "block " + v + " word " + j);
            }
        }
        for (int t = 0; t < 100000; t++) {
            int a = rng.nextInt(), b = rng.nextInt();
            assertEquals((int) (((a & 0xFFFFFFFFL) * (b & 0xFFFFFFFFL)) >>> 32), Philox.mulHigh(a, b), a + " * " + b);
        }
    }

    @Test
    void uniformDrawsAreInRangeAndUnbiased() {
        RandomStream s = new RandomStream(42, 7, Purpose.WEIGHTS, 1);
        int n = 200_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            float u = s.uniform(i);
            assertTrue(u >= 0f && u < 1f, "uniform " + u + " at " + i);
            sum += u;
            sq += (double) u * u;
        }
        double mean = sum / n, var = sq / n - mean * mean;
        // standard error of the mean is sqrt(1/12/n) ~ 6.5e-4; 5 sigma
        assertEquals(0.5, mean, 3.3e-3);
        assertEquals(1.0 / 12, var, 2e-3);
    }

    @Test
    void normalDrawsHaveUnitVariance() {
        RandomStream s = new RandomStream(3, 0, Purpose.WEIGHTS, 2);
        int n = 100_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            double z = s.normal(i, 0);
            sum += z;
            sq += z * z;
        }
        double mean = sum / n;
        assertEquals(0, mean, 0.016, "mean (5 standard errors)");
        assertEquals(1, sq / n - mean * mean, 0.03, "variance (about 5 standard errors)");
    }

    @Test
    void streamsOfDifferentNetworksPurposesAndSeedsDiffer() {
        int a = new RandomStream(1, 0, Purpose.WEIGHTS, 0).bits(0, 0);
        assertTrue(a != new RandomStream(1, 1, Purpose.WEIGHTS, 0).bits(0, 0));
        assertTrue(a != new RandomStream(1, 0, Purpose.BIASES, 0).bits(0, 0));
        assertTrue(a != new RandomStream(2, 0, Purpose.WEIGHTS, 0).bits(0, 0));
        assertTrue(a != new RandomStream(1L << 32 | 1, 0, Purpose.WEIGHTS, 0).bits(0, 0), "high seed bits count");
        assertEquals(a, new RandomStream(1, 0, Purpose.WEIGHTS, 0).bits(0, 0));
    }
}
