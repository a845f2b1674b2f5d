package dev.relulab.engine.cpu.fused;

/**
 * The trainer's inner loops, each one small loop over lanes [0, n) with every array indexed by the lane alone, the
 * shape C2's superword pass turns into SIMD code (bodies kept short: C2 packs as many lanes as it unrolls, and it
 * unrolls short bodies further). Sums are written in the reference's order, one rounding per operation; Java never
 * contracts a * b + c into an FMA, so these loops give the CPU engine's floats exactly.
 */
final class LaneLoops {
    /** 2^127: a positive float times it twice is at least 2^-22 * 2^127 > 1, so min(., 1) maps every z > 0 to 1. */
    private static final float BIG = 0x1p127f;

    private LaneLoops() {}

    /** out = b + w x. */
    static void affine(int n, float[] out, float[] b, float[] w, float[] x) {
        for (int c = 0; c < n; c++) out[c] = b[c] + w[c] * x[c];
    }

    /** out = b + w0 x0 + w1 x1, summed left to right. */
    static void affine2(int n, float[] out, float[] b, float[] w0, float[] x0, float[] w1, float[] x1) {
        for (int c = 0; c < n; c++) out[c] = b[c] + w0[c] * x0[c] + w1[c] * x1[c];
    }

    /** out = out + w x. */
    static void addProduct(int n, float[] out, float[] w, float[] x) {
        for (int c = 0; c < n; c++) out[c] = out[c] + w[c] * x[c];
    }

    /** out = out + w0 x0 + w1 x1, summed left to right. */
    static void addProducts2(int n, float[] out, float[] w0, float[] x0, float[] w1, float[] x1) {
        for (int c = 0; c < n; c++) out[c] = out[c] + w0[c] * x0[c] + w1[c] * x1[c];
    }

    /** out = w x. */
    static void product(int n, float[] out, float[] w, float[] x) {
        for (int c = 0; c < n; c++) out[c] = w[c] * x[c];
    }

    /** out = w0 x0 + w1 x1. */
    static void products2(int n, float[] out, float[] w0, float[] x0, float[] w1, float[] x1) {
        for (int c = 0; c < n; c++) out[c] = w0[c] * x0[c] + w1[c] * x1[c];
    }

    /** acc = acc + x. */
    static void add(int n, float[] acc, float[] x) {
        for (int c = 0; c < n; c++) acc[c] = acc[c] + x[c];
    }

    /** ReLU: a = max(z, 0) as the CPU engine writes it; f = phi'(z), 1 where z > 0, else 0 (NaN stays NaN). */
    static void relu(int n, float[] z, float[] f, float[] a) {
        for (int c = 0; c < n; c++) {
            float v = Math.max(z[c], 0f);
            a[c] = v;
            f[c] = Math.min(v * BIG * BIG, 1f);
        }
    }

    /**
     * Leaky ReLU with one slope: f = 1 where z > 0, else alpha (the factor the reference's select picks), a = z f,
     * which is z or alpha z exactly.
     */
    static void leaky(int n, float[] z, float[] f, float[] a, float alpha) {
        for (int c = 0; c < n; c++) {
            float m = Math.min(Math.max(z[c] * BIG * BIG, 0f), 1f);
            float fv = m + alpha * (1f - m);
            f[c] = fv;
            a[c] = z[c] * fv;
        }
    }

    /** PReLU: as {@link #leaky} with each lane's own slope. */
    static void prelu(int n, float[] z, float[] f, float[] a, float[] slope) {
        for (int c = 0; c < n; c++) {
            float m = Math.min(Math.max(z[c] * BIG * BIG, 0f), 1f);
            float fv = m + slope[c] * (1f - m);
            f[c] = fv;
            a[c] = z[c] * fv;
        }
    }

    /** The probe's 2-input ReLU unit: a = max(b + w0 x0 + w1 x1, 0), sums = sums + a. */
    static void relu2Sum(int n, float[] a, float[] sums, float[] b, float[] w0, float[] x0, float[] w1, float[] x1) {
        for (int c = 0; c < n; c++) {
            float v = Math.max(b[c] + w0[c] * x0[c] + w1[c] * x1[c], 0f);
            a[c] = v;
            sums[c] = sums[c] + v;
        }
    }

    /** a = max(a, 0) in place, sums = sums + a. */
    static void reluSum(int n, float[] a, float[] sums) {
        for (int c = 0; c < n; c++) {
            float v = Math.max(a[c], 0f);
            a[c] = v;
            sums[c] = sums[c] + v;
        }
    }

    /** dz = da f (in place when dz == da). */
    static void scale(int n, float[] dz, float[] da, float[] f) {
        for (int c = 0; c < n; c++) dz[c] = da[c] * f[c];
    }

    /** PReLU's slope gradient term: acc = acc + da min(z, 0), which adds da z exactly where z <= 0. */
    static void addSlopeTerm(int n, float[] acc, float[] da, float[] z) {
        for (int c = 0; c < n; c++) acc[c] = acc[c] + da[c] * Math.min(z[c], 0f);
    }

    /** alive = max(alive, 1 where f != 0): ORs "phi'(z) != 0" into 0/1 alive bits (NaN marks a lane to redo). */
    static void markAlive(int n, float[] alive, float[] f) {
        for (int c = 0; c < n; c++) alive[c] = Math.max(alive[c], aliveBit(f[c]));
    }

    /** 1 where f != 0, 0 where f is 0, NaN where f is NaN. */
    static float aliveBit(float f) {
        return Math.min(Math.abs(f) * BIG * BIG, 1f);
    }

    /** sums = sums + |a| (the ReDo score). */
    static void addAbs(int n, float[] sums, float[] a) {
        for (int c = 0; c < n; c++) sums[c] = sums[c] + Math.abs(a[c]);
    }
}
