package dev.relulab.random;

/**
 * Philox4x32-10 (Salmon et al., SC'11): a counter-based generator mapping a 128-bit counter and a 64-bit key to
 * 128 random bits. The CUDA and OpenCL twins live in native-kernels/common/philox.h and must match bit for bit.
 */
public final class Philox {
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final int ROUNDS = 10;

    private Philox() {}

    /** Writes the four output words of Philox4x32-10 for counter (c0..c3) and key (k0, k1) into {@code out}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = M0 * (c0 & 0xFFFFFFFFL);
            long p1 = M1 * (c2 & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32), lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32), lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /**
     * The blocks of counters (c0 + v, c1, c2, c3) for v in [0, n), word j of block v into {@code wj[v]}: the same
     * bits as {@link #block}, computed with 32-bit integer operations only (the high half of each product from 16-bit
     * halves) in loops over v, so that C2 vectorises them.
     */
    public static void blocks(int n, int c0, int c1, int c2, int c3, int k0, int k1, int[] w0, int[] w1, int[] w2,
                              int[] w3) {
        for (int v = 0; v < n; v++) {
            w0[v] = c0 + v;
            w1[v] = c1;
            w2[v] = c2;
            w3[v] = c3;
        }
        for (int r = 0; r < ROUNDS; r++) {
            round(n, k0, k1, w0, w1, w2, w3);
            k0 += W0;
            k1 += W1;
        }
    }

    private static void round(int n, int k0, int k1, int[] x0, int[] x1, int[] x2, int[] x3) {
        final int m0 = (int) M0, m1 = (int) M1;
        for (int v = 0; v < n; v++) {
            int a = x0[v], b = x2[v];
            int hi0 = mulHigh(m0, a), hi1 = mulHigh(m1, b);
            x0[v] = hi1 ^ x1[v] ^ k0;
            x1[v] = m1 * b;
            x2[v] = hi0 ^ x3[v] ^ k1;
            x3[v] = m0 * a;
        }
    }

    /** The high 32 bits of the unsigned 64-bit product of a and b, from 16-bit halves (every partial sum fits). */
    static int mulHigh(int a, int b) {
        int al = a & 0xFFFF, ah = a >>> 16, bl = b & 0xFFFF, bh = b >>> 16;
        int t = al * bl;
        int u = ah * bl + (t >>> 16);
        int w = al * bh + (u & 0xFFFF);
        return ah * bh + (u >>> 16) + (w >>> 16);
    }

    /** One output word (0..3) of the block; a convenience for code that needs a single draw. */
    public static int word(int c0, int c1, int c2, int c3, int k0, int k1, int which) {
        int[] out = new int[4];
        block(c0, c1, c2, c3, k0, k1, out);
        return out[which];
    }
}
