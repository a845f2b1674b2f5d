package dev.relulab.data;

import dev.relulab.random.RandomStream;

/** Discrete draws from a Philox stream: integers below a bound and permutations. */
final class Draws {
    private Draws() {}

    /** An integer in [0, n) from element i: the stream word times n, top 32 bits (bias below n / 2^32). */
    static int below(RandomStream s, long i, int n) {
        return (int) (((s.bits(i, 0) & 0xFFFFFFFFL) * n) >>> 32);
    }

    /** A uniformly shuffled [0, n) by Fisher-Yates, element i of the stream deciding the swap at step i. */
    static int[] permutation(int n, RandomStream s) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = below(s, i, i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
