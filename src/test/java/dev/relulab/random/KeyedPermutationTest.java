package dev.relulab.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyedPermutationTest {
    @Test
    void isABijectionForManySizes() {
        for (int n : new int[] {1, 2, 3, 5, 63, 64, 65, 1000, 3000, 4097}) {
            KeyedPermutation p = new KeyedPermutation(99, 5, 1, n);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                int v = p.apply(i);
                assertTrue(v >= 0 && v < n, "value " + v + " outside [0," + n + ")");
                assertFalse(seen[v], "value " + v + " twice for n=" + n);
                seen[v] = true;
            }
        }
    }

    @Test
    void dependsOnEpochNetworkAndSeed() {
        int n = 3000;
        int[] base = order(new KeyedPermutation(1, 0, 0, n), n);
        assertFalse(Arrays.equals(base, order(new KeyedPermutation(1, 0, 1, n), n)), "epoch");
        assertFalse(Arrays.equals(base, order(new KeyedPermutation(1, 1, 0, n), n)), "network");
        assertFalse(Arrays.equals(base, order(new KeyedPermutation(2, 0, 0, n), n)), "seed");
        assertTrue(Arrays.equals(base, order(new KeyedPermutation(1, 0, 0, n), n)), "same key, same order");
    }

    @Test
    void shufflesWell() {
        // a fixed point count near n/n = 1 on average; far more would mean the permutation is close to identity
        int n = 3000, fixed = 0;
        KeyedPermutation p = new KeyedPermutation(7, 3, 0, n);
        for (int i = 0; i < n; i++) if (p.apply(i) == i) fixed++;
        assertTrue(fixed < 10, fixed + " fixed points");
    }

    @Test
    void rejectsPositionsOutsideTheDomain() {
        KeyedPermutation p = new KeyedPermutation(1, 0, 0, 10);
        assertThrows(IllegalArgumentException.class, () -> p.apply(10));
        assertEquals(1, new KeyedPermutation(1, 0, 0, 1).apply(0) + 1);
    }

    private static int[] order(KeyedPermutation p, int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = p.apply(i);
        return o;
    }
}
