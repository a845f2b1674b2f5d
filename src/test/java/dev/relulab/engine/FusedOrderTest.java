package dev.relulab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The launch order of the one-lane fused trainer: a stable sort by key, lowest first, and the key's meaning. */
class FusedOrderTest {
    private final long seed = new Random().nextLong();
    private final Random rnd = new Random(seed);

    @Test
    void orderIsAStablePermutationWithTheLowestKeysFirst() {
        int E = 1 + rnd.nextInt(5000), hidden = 1 + rnd.nextInt(12);
        int[] key = new int[E];
        for (int e = 0; e < E; e++) key[e] = rnd.nextInt(hidden + 1);
        int[] order = FusedOrder.order(key, E, hidden);
        boolean[] seen = new boolean[E];
        for (int i = 0; i < E; i++) {
            assertTrue(!seen[order[i]], "network " + order[i] + " twice (seed " + seed + ")");
            seen[order[i]] = true;
            if (i > 0) {
                int a = key[order[i - 1]], b = key[order[i]];
                assertTrue(a < b || a == b && order[i - 1] < order[i], "items " + (i - 1) + ", " + i + ": keys " + a
                        + ", " + b + " of networks " + order[i - 1] + ", " + order[i] + " (seed " + seed + ")");
            }
        }
        assertArrayEquals(new int[] {0, 2, 1, 3}, FusedOrder.order(new int[] {0, 2, 0, 2}, 4, 2), "alive ones first");
        assertArrayEquals(new int[] {2, 1, 0}, FusedOrder.order(new int[] {2, 1, 0}, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> FusedOrder.order(new int[] {3}, 1, 2));
    }

    /** Width 2, two hidden layers, x in [0.5, 1]: parameters in fused_init's layout, one network. */
    private static float[] twoLayers(float w1, float b1, float w2, float b2) {
        // layer 1: W [2][1], b [2]; layer 2: W [2][2], b [2]; output: W [1][2], b [1]
        return new float[] {w1, w1, b1, b1, w2, w2, w2, w2, b2, b2, 1f, 1f, 0f};
    }

    @Test
    void keyIsTheHighestHiddenLayerWithNoPositiveUnitOnThePoints() {
        assertEquals(0, key(twoLayers(1f, 0f, 1f, 0f)), "x > 0 and positive weights: every unit positive");
        assertEquals(1, key(twoLayers(-1f, 0f, 1f, 0.5f)), "layer 1 is -x < 0; layer 2 sees 0 and its bias 0.5 > 0");
        assertEquals(2, key(twoLayers(1f, 0f, 0f, -1f)), "layer 2 is -1 everywhere");
        assertEquals(2, key(twoLayers(-1f, 0f, 1f, 0f)), "layer 1 dead, layer 2 sees 0 with bias 0: z = 0 is not > 0");
        assertEquals(0, FusedOrder.key(new float[2 * 17 + 17 * 17 + 17 + 18], 1, 0, 0, seed, 17, 2, 8, 0.5f, 1f),
                "wider than the kernel keys: 0");
    }

    private int key(float[] init) {
        return FusedOrder.key(init, 1, 0, rnd.nextInt(1000), seed, 2, 2, 32, 0.5f, 1f);
    }
}
