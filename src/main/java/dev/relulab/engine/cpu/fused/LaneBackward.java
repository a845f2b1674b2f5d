package dev.relulab.engine.cpu.fused;

/**
 * One example's backward pass from dL/dout (row 0 of {@code dA}) down to layer {@code lowest}, adding the example's
 * terms to the gradient rows: PReLU's slope term da z (z <= 0) first, then dz = da f, db += dz, dW += dz x, and
 * dA of the layer below = sum_j w_jk dz_j (j ascending). The forward's z, f and a rows must hold the example.
 */
final class LaneBackward {
    private final LaneLayout lay;

    LaneBackward(LaneLayout lay) {
        this.lay = lay;
    }

    void run(LaneBlock b, int lowest) {
        int n = b.n;
        for (int l = lay.L; l >= lowest; l--) {
            int nIn = lay.width[l - 1], nOut = lay.width[l], in = lay.uOff[l - 1];
            for (int j = 0; j < nOut; j++) {
                float[] d = b.dA[j];
                int u = lay.uOff[l] + j, w = lay.wOff[l] + j * nIn;
                if (lay.sOff[l] >= 0) LaneLoops.addSlopeTerm(n, b.g[lay.sOff[l] + j], d, b.z[u]);
                if (l < lay.L) LaneLoops.scale(n, d, d, b.f[u]);
                LaneLoops.add(n, b.g[lay.bOff[l] + j], d);
                for (int k = 0; k < nIn; k++) LaneLoops.addProduct(n, b.g[w + k], d, b.a[in + k]);
            }
            if (l > lowest) inputGradients(b, l, nIn, nOut);
        }
    }

    /** dBelow[k] = sum_j w_jk dz_j, two units per pass in j order; then the layer below becomes current. */
    private void inputGradients(LaneBlock b, int l, int nIn, int nOut) {
        int n = b.n, w = lay.wOff[l];
        for (int k = 0; k < nIn; k++) {
            float[] out = b.dBelow[k];
            int j;
            if (nOut == 1) {
                LaneLoops.product(n, out, b.p[w + k], b.dA[0]);
                continue;
            }
            LaneLoops.products2(n, out, b.p[w + k], b.dA[0], b.p[w + nIn + k], b.dA[1]);
            for (j = 2; j + 1 < nOut; j += 2) {
                LaneLoops.addProducts2(n, out, b.p[w + j * nIn + k], b.dA[j], b.p[w + (j + 1) * nIn + k], b.dA[j + 1]);
            }
            if (j < nOut) LaneLoops.addProduct(n, out, b.p[w + j * nIn + k], b.dA[j]);
        }
        b.descend();
    }
}
