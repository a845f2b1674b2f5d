package dev.relulab.random;

/**
 * A bijection of [0, n) chosen by a key: a 4-round balanced Feistel network on the smallest even number of bits that
 * covers n, with cycle walking to stay inside the domain. One Philox block gives the four round keys, so a network's
 * minibatch order for an epoch needs no stored permutation. The kernels' twin is in native-kernels/common/philox.h.
 */
public final class KeyedPermutation {
    private final int n, halfBits, mask;
    private final int[] roundKeys = new int[4];

    /** The permutation of network {@code network}'s {@code n} points for {@code epoch} under {@code seed}. */
    public KeyedPermutation(long seed, int network, int epoch, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("permutation size n=" + n + " must be at least 1");
        }
        this.n = n;
        int bits = Math.max(2, 32 - Integer.numberOfLeadingZeros(n - 1));
        if ((bits & 1) == 1) {
            bits++;
        }
        this.halfBits = bits / 2;
        this.mask = (1 << halfBits) - 1;
        Philox.block(0, network, Purpose.SHUFFLE.code | (epoch << 8), 0, (int) seed, (int) (seed >>> 32), roundKeys);
    }

    /** The position-th element of the permuted order. */
    public int apply(int position) {
        if (position < 0 || position >= n) {
            throw new IllegalArgumentException("position " + position + " is outside [0, " + n + ")");
        }
        int x = position;
        do {
            x = encrypt(x);
        } while (x >= n);
        return x;
    }

    private int encrypt(int x) {
        int left = x >>> halfBits, right = x & mask;
        for (int r = 0; r < 4; r++) {
            int next = left ^ (mix(right ^ roundKeys[r]) & mask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    /** A 32-bit integer hash (lowbias32); integer-only so that every backend computes the same value. */
    static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }
}
