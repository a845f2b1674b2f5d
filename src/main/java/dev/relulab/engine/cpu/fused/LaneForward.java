package dev.relulab.engine.cpu.fused;

import dev.relulab.nn.Activation;

/**
 * One example's forward pass through every lane of a block: z = b + sum_k w_k x_k (k ascending), then the hidden
 * activation's value a and derivative f; the output layer is linear. The input is the row of unit 0.
 */
final class LaneForward {
    private final LaneLayout lay;
    private final Activation act;
    private final float alpha;

    LaneForward(LaneLayout lay, Activation act, float alpha) {
        this.lay = lay;
        this.act = act;
        this.alpha = alpha;
    }

    /**
     * Forward of input row {@code x} (which becomes the block's unit-0 row); with {@code mark}, ORs phi'(z) != 0 into
     * the hidden alive bits.
     */
    void run(LaneBlock b, float[] x, boolean mark) {
        int n = b.n;
        b.a[0] = x;
        for (int l = 1; l <= lay.L; l++) {
            int nIn = lay.width[l - 1], nOut = lay.width[l], in = lay.uOff[l - 1];
            for (int j = 0; j < nOut; j++) {
                int u = lay.uOff[l] + j, w = lay.wOff[l] + j * nIn;
                sum(n, b.z[u], b.p[lay.bOff[l] + j], b.p, w, b.a, in, nIn);
                if (l == lay.L) continue; // the output stays z (linear)
                activate(n, b, l, j, u);
                if (mark) LaneLoops.markAlive(n, b.alive[lay.hiddenUnit(l, j)], b.f[u]);
            }
        }
    }

    /**
     * The probe's ReLU forward of input row {@code x}: the hidden layers only, each unit's activation added to its
     * row of {@code sums} (a = max(z, 0) >= 0, so the sum is the ReDo score sum |a|, and it is positive exactly when
     * the unit was alive on some point; NaN shows a NaN pre-activation).
     */
    void probeRelu(LaneBlock b, float[] x, float[][] sums) {
        int n = b.n;
        b.a[0] = x;
        for (int l = 1; l <= lay.H; l++) {
            int nIn = lay.width[l - 1], nOut = lay.width[l], in = lay.uOff[l - 1];
            for (int j = 0; j < nOut; j++) {
                int u = lay.uOff[l] + j, w = lay.wOff[l] + j * nIn;
                float[] a = b.a[u];
                if (nIn == 2) {
                    LaneLoops.relu2Sum(n, a, sums[lay.hiddenUnit(l, j)], b.p[lay.bOff[l] + j], b.p[w], b.a[in],
                            b.p[w + 1], b.a[in + 1]);
                } else {
                    sum(n, a, b.p[lay.bOff[l] + j], b.p, w, b.a, in, nIn);
                    LaneLoops.reluSum(n, a, sums[lay.hiddenUnit(l, j)]);
                }
            }
        }
    }

    /** out = bias + sum_k w[w0 + k] x[in + k], two terms per pass, in k order. */
    private static void sum(int n, float[] out, float[] bias, float[][] w, int w0, float[][] x, int in, int nIn) {
        int k;
        if (nIn == 1) {
            LaneLoops.affine(n, out, bias, w[w0], x[in]);
            return;
        }
        LaneLoops.affine2(n, out, bias, w[w0], x[in], w[w0 + 1], x[in + 1]);
        for (k = 2; k + 1 < nIn; k += 2) {
            LaneLoops.addProducts2(n, out, w[w0 + k], x[in + k], w[w0 + k + 1], x[in + k + 1]);
        }
        if (k < nIn) LaneLoops.addProduct(n, out, w[w0 + k], x[in + k]);
    }

    private void activate(int n, LaneBlock b, int l, int j, int u) {
        float[] z = b.z[u], f = b.f[u], a = b.a[u];
        switch (act) {
            case RELU:
                LaneLoops.relu(n, z, f, a);
                break;
            case LEAKY_RELU:
                LaneLoops.leaky(n, z, f, a, alpha);
                break;
            case PRELU:
                LaneLoops.prelu(n, z, f, a, b.p[lay.sOff[l] + j]);
                break;
            case LINEAR:
                System.arraycopy(z, 0, a, 0, n);
                java.util.Arrays.fill(f, 0, n, 1f);
                break;
            default:
                // the smooth activations call the reference's own functions, so their floats are its floats
                for (int c = 0; c < n; c++) {
                    a[c] = act.value(z[c], alpha);
                    f[c] = act.derivative(z[c], alpha);
                }
        }
    }
}
