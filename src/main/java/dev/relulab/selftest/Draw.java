package dev.relulab.selftest;

import java.util.Random;

/**
 * Random shapes and arrays for the parity ops. Sizes are odd and log-uniform over the ranges of the selftest, then
 * shrunk until the CPU reference's work fits {@link #budget}, so that a whole run stays well under a minute.
 */
final class Draw {
    static final int MAX_NETWORKS = 4096, MAX_WIDTH = 1024, MAX_BATCH = 512;

    final Random rng;
    /** Most multiply-adds (or elements) one op may cost the CPU reference. */
    final long budget;

    Draw(Random rng, long budget) {
        this.rng = rng;
        this.budget = budget;
    }

    /** Log-uniform in [1, max], made odd where that stays in range. */
    int size(int max) {
        int v = (int) Math.round(Math.exp(rng.nextDouble() * Math.log(max)));
        v = Math.max(1, Math.min(max, v));
        return (v | 1) <= max ? v | 1 : v;
    }

    /** Sizes with product at most the budget: the largest is halved (and kept odd) until they fit. */
    int[] fit(int... sizes) {
        while (product(sizes) > budget) {
            int big = 0;
            for (int k = 1; k < sizes.length; k++) if (sizes[k] > sizes[big]) big = k;
            sizes[big] = Math.max(1, (sizes[big] / 2) | 1);
        }
        return sizes;
    }

    private static long product(int[] sizes) {
        long p = 1;
        for (int s : sizes) p *= s;
        return p;
    }

    float[] normal(long n, double mean, double std) {
        float[] a = new float[Math.toIntExact(n)];
        for (int k = 0; k < a.length; k++) a[k] = (float) (mean + std * rng.nextGaussian());
        return a;
    }

    float[] uniform(long n, double lo, double hi) {
        float[] a = new float[Math.toIntExact(n)];
        for (int k = 0; k < a.length; k++) a[k] = (float) (lo + (hi - lo) * rng.nextDouble());
        return a;
    }

    /** 0/1 flags, 1 with probability p. */
    int[] flags(long n, double p) {
        int[] a = new int[Math.toIntExact(n)];
        for (int k = 0; k < a.length; k++) a[k] = rng.nextDouble() < p ? 1 : 0;
        return a;
    }

    static String shape(String... parts) {
        return String.join(" ", parts);
    }
}
