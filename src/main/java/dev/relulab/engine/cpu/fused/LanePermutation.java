package dev.relulab.engine.cpu.fused;

import dev.relulab.random.Philox;
import dev.relulab.random.Purpose;

/**
 * {@link dev.relulab.random.KeyedPermutation} for a whole epoch of one network at a time: the Feistel rounds are run
 * for every value of the cipher's domain at once (a loop over values, which vectorises), then each position's
 * cycle walk follows that table until it lands inside [0, n). The epoch's points are written out in that order, so
 * the minibatch steps read them sequentially.
 */
final class LanePermutation {
    private final int size, halfBits, mask, domain;
    private final int[] left, right, table;
    private final int[] keys = new int[4];

    LanePermutation(int size) {
        this.size = size;
        int bits = Math.max(2, 32 - Integer.numberOfLeadingZeros(size - 1));
        if ((bits & 1) == 1) bits++;
        halfBits = bits / 2;
        mask = (1 << halfBits) - 1;
        domain = 1 << bits;
        left = new int[domain];
        right = new int[domain];
        table = new int[domain];
    }

    /**
     * Writes network {@code network}'s points in the order of {@code epoch}: {@code xOut[p] = x[perm(p)]} and the
     * same for y, for every position p in [0, n); {@code xOut} may be null (targets only).
     */
    void order(long seed, int network, int epoch, float[] x, float[] y, float[] xOut, float[] yOut) {
        Philox.block(0, network, Purpose.SHUFFLE.code | (epoch << 8), 0, (int) seed, (int) (seed >>> 32), keys);
        encryptAll();
        int[] t = table;
        for (int p = 0; p < size; p++) {
            int i = t[p];
            while (i >= size) i = t[i];
            if (xOut != null) xOut[p] = x[i];
            yOut[p] = y[i];
        }
    }

    /** table[v] = the 4-round Feistel cipher of v, for every v of the domain. */
    private void encryptAll() {
        int hb = halfBits, m = mask, n = domain;
        for (int v = 0; v < n; v++) {
            left[v] = v >>> hb;
            right[v] = v & m;
        }
        for (int r = 0; r < 4; r++) round(n, keys[r], m);
        for (int v = 0; v < n; v++) table[v] = (left[v] << hb) | right[v];
    }

    private void round(int n, int key, int m) {
        int[] l = left, rr = right;
        for (int v = 0; v < n; v++) {
            int h = rr[v] ^ key;
            h ^= h >>> 16;
            h *= 0x7feb352d;
            h ^= h >>> 15;
            h *= 0x846ca68b;
            h ^= h >>> 16;
            int nx = l[v] ^ (h & m);
            l[v] = rr[v];
            rr[v] = nx;
        }
    }
}
