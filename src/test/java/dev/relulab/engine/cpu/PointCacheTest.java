package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kept points are exactly the stream's draws, per network and key, and nothing is kept for oversized chunks. */
class PointCacheTest {
    @Test
    void keptPointsAreTheStreamsDraws() {
        long seed = Long.getLong("relulab.seed", System.nanoTime());
        SplittableRandom rnd = new SplittableRandom(seed);
        PointCache cache = new PointCache();
        for (int t = 0; t < 20; t++) {
            long key = rnd.nextLong();
            int n = 1 + rnd.nextInt(3000), netBase = rnd.nextInt(1 << 20), E = 1 + rnd.nextInt(40);
            float lo = (float) -rnd.nextDouble(5), hi = (float) rnd.nextDouble(5);
            Purpose purpose = rnd.nextBoolean() ? Purpose.TRAIN_POINTS : Purpose.TEST_POINTS;
            int net = netBase + rnd.nextInt(E);
            float[] x = cache.points(key, purpose, lo, hi, n, netBase, E, net);
            RandomStream stream = new RandomStream(key, net, purpose, 0);
            for (int i = 0; i < n; i++) {
                assertEquals(lo + (hi - lo) * stream.uniform(i), x[i], 0f, "seed " + seed + " point " + i);
            }
            assertSame(x, cache.points(key, purpose, lo, hi, n, netBase, E, net), "kept, not redrawn");
            float[] other = cache.points(key, purpose, lo, hi, n, netBase + E, E, net + E);
            assertNotSame(x, other, "another chunk's network");
            assertEquals(new RandomStream(key, net + E, purpose, 0).uniform(0) * (hi - lo) + lo, other[0], 0f);
        }
    }

    @Test
    void oversizedChunksAreNotKept() {
        int n = 3000, E = (int) (PointCache.MAX_FLOATS / n) + 1;
        assertNull(new PointCache().points(1L, Purpose.TRAIN_POINTS, -1f, 1f, n, 0, E, 0));
    }
}
