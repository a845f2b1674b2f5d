package dev.relulab.engine.cpu;

/**
 * The matrix loops of one network's dense layer in two loop orders with the same summation order (so the same
 * floats): column form, a loop over the batch innermost, for narrow layers where a loop over inputs would run 1 or 2
 * times; row form, a loop over inputs innermost and contiguous, for wide layers. Sums start from the bias (or zero)
 * and add terms in increasing index order, as the kernels do.
 */
final class DenseLoops {
    /** From this many inputs on, the row form is used. */
    static final int ROW_FORM_MIN_INPUTS = 16;

    private DenseLoops() {}

    /** z[s][j] = b[j] + sum_k w[j][k] x[s][k] for one network. */
    static void forward(float[] x, int xOff, float[] w, int wOff, float[] bias, int bOff, float[] z, int zOff, int B,
                        int nIn, int nOut) {
        if (nIn >= ROW_FORM_MIN_INPUTS) forwardRows(x, xOff, w, wOff, bias, bOff, z, zOff, B, nIn, nOut);
        else forwardColumns(x, xOff, w, wOff, bias, bOff, z, zOff, B, nIn, nOut);
    }

    static void forwardRows(float[] x, int xOff, float[] w, int wOff, float[] bias, int bOff, float[] z, int zOff,
                    int B, int nIn, int nOut) {
        // Four examples per pass over a weight row: four independent add chains, each in k order.
        int s = 0;
        for (; s + 3 < B; s += 4) {
            int x0 = xOff + s * nIn, x1 = x0 + nIn, x2 = x1 + nIn, x3 = x2 + nIn;
            for (int j = 0; j < nOut; j++) {
                int row = wOff + j * nIn;
                float bj = bias[bOff + j], a0 = bj, a1 = bj, a2 = bj, a3 = bj;
                for (int k = 0; k < nIn; k++) {
                    float wk = w[row + k];
                    a0 += wk * x[x0 + k];
                    a1 += wk * x[x1 + k];
                    a2 += wk * x[x2 + k];
                    a3 += wk * x[x3 + k];
                }
                int zs = zOff + s * nOut + j;
                z[zs] = a0;
                z[zs + nOut] = a1;
                z[zs + 2 * nOut] = a2;
                z[zs + 3 * nOut] = a3;
            }
        }
        for (; s < B; s++) {
            for (int j = 0; j < nOut; j++) {
                float acc = bias[bOff + j];
                int row = wOff + j * nIn, xs = xOff + s * nIn;
                for (int k = 0; k < nIn; k++) acc += w[row + k] * x[xs + k];
                z[zOff + s * nOut + j] = acc;
            }
        }
    }

    static void forwardColumns(float[] x, int xOff, float[] w, int wOff, float[] bias, int bOff, float[] z, int zOff,
                    int B, int nIn, int nOut) {
        if (nIn == 2 && nOut == 2) {
            // the 2x2 layer of deep narrow nets: one contiguous pass instead of two strided ones, same sums
            float w00 = w[wOff], w01 = w[wOff + 1], w10 = w[wOff + 2], w11 = w[wOff + 3];
            float b0 = bias[bOff], b1 = bias[bOff + 1];
            for (int s = 0; s < B; s++) {
                int i = xOff + 2 * s, o = zOff + 2 * s;
                float x0 = x[i], x1 = x[i + 1];
                z[o] = b0 + w00 * x0 + w01 * x1;
                z[o + 1] = b1 + w10 * x0 + w11 * x1;
            }
            return;
        }
        // Inputs are taken two per pass; z = (z + w_k x_k) + w_k+1 x_k+1 keeps the order of the sum unchanged.
        for (int j = 0; j < nOut; j++) {
            int row = wOff + j * nIn, k;
            float bj = bias[bOff + j], w0 = w[row];
            if (nIn >= 2) {
                float w1 = w[row + 1];
                for (int s = 0; s < B; s++) {
                    int xs = xOff + s * nIn;
                    z[zOff + s * nOut + j] = bj + w0 * x[xs] + w1 * x[xs + 1];
                }
                k = 2;
            } else {
                for (int s = 0; s < B; s++) z[zOff + s * nOut + j] = bj + w0 * x[xOff + s * nIn];
                k = 1;
            }
            for (; k + 1 < nIn; k += 2) {
                float wk = w[row + k], wk1 = w[row + k + 1];
                for (int s = 0; s < B; s++) {
                    int xs = xOff + s * nIn + k, zi = zOff + s * nOut + j;
                    z[zi] = z[zi] + wk * x[xs] + wk1 * x[xs + 1];
                }
            }
            if (k < nIn) {
                float wk = w[row + k];
                for (int s = 0; s < B; s++) z[zOff + s * nOut + j] += wk * x[xOff + s * nIn + k];
            }
        }
    }

    /** dW[j][k] = sum_s dz[s][j] x[s][k] and db[j] = sum_s dz[s][j] for one network. */
    static void weightGradients(float[] x, int xOff, float[] dz, int zOff, float[] dW, int wOff, float[] db, int bOff,
                                int B, int nIn, int nOut) {
        if (nIn >= ROW_FORM_MIN_INPUTS) weightGradientsRows(x, xOff, dz, zOff, dW, wOff, db, bOff, B, nIn, nOut);
        else weightGradientsColumns(x, xOff, dz, zOff, dW, wOff, db, bOff, B, nIn, nOut);
    }

    static void weightGradientsRows(float[] x, int xOff, float[] dz, int zOff, float[] dW, int wOff, float[] db,
                    int bOff, int B, int nIn, int nOut) {
        java.util.Arrays.fill(dW, wOff, wOff + nOut * nIn, 0f);
        java.util.Arrays.fill(db, bOff, bOff + nOut, 0f);
        // Four examples per sweep over dW; left-to-right evaluation keeps the sum in example order.
        int s = 0;
        for (; s + 3 < B; s += 4) {
            int x0 = xOff + s * nIn, x1 = x0 + nIn, x2 = x1 + nIn, x3 = x2 + nIn;
            for (int j = 0; j < nOut; j++) {
                int zs = zOff + s * nOut + j, row = wOff + j * nIn;
                float g0 = dz[zs], g1 = dz[zs + nOut], g2 = dz[zs + 2 * nOut], g3 = dz[zs + 3 * nOut];
                db[bOff + j] = db[bOff + j] + g0 + g1 + g2 + g3;
                for (int k = 0; k < nIn; k++) {
                    dW[row + k] = dW[row + k] + g0 * x[x0 + k] + g1 * x[x1 + k] + g2 * x[x2 + k]
                            + g3 * x[x3 + k];
                }
            }
        }
        for (; s < B; s++) {
            int xs = xOff + s * nIn;
            for (int j = 0; j < nOut; j++) {
                float g = dz[zOff + s * nOut + j];
                db[bOff + j] += g;
                int row = wOff + j * nIn;
                for (int k = 0; k < nIn; k++) dW[row + k] += g * x[xs + k];
            }
        }
    }

    static void weightGradientsColumns(float[] x, int xOff, float[] dz, int zOff, float[] dW, int wOff, float[] db,
                    int bOff, int B, int nIn, int nOut) {
        if (nIn == 2 && nOut == 2) {
            // 2x2: one pass, six independent chains each summed over s in increasing order
            float g0 = 0f, g1 = 0f, a00 = 0f, a01 = 0f, a10 = 0f, a11 = 0f;
            for (int s = 0; s < B; s++) {
                int i = xOff + 2 * s, o = zOff + 2 * s;
                float x0 = x[i], x1 = x[i + 1], d0 = dz[o], d1 = dz[o + 1];
                g0 += d0;
                a00 += d0 * x0;
                a01 += d0 * x1;
                g1 += d1;
                a10 += d1 * x0;
                a11 += d1 * x1;
            }
            dW[wOff] = a00;
            dW[wOff + 1] = a01;
            dW[wOff + 2] = a10;
            dW[wOff + 3] = a11;
            db[bOff] = g0;
            db[bOff + 1] = g1;
            return;
        }
        // One pass per unit and input pair accumulates db_j, dW_jk and dW_jk+1 together: independent add chains,
        // each summed over s in increasing order.
        for (int j = 0; j < nOut; j++) {
            int row = wOff + j * nIn;
            float g = 0f, a0 = 0f, a1 = 0f;
            if (nIn >= 2) {
                for (int s = 0; s < B; s++) {
                    float d = dz[zOff + s * nOut + j];
                    int xs = xOff + s * nIn;
                    g += d;
                    a0 += d * x[xs];
                    a1 += d * x[xs + 1];
                }
                dW[row + 1] = a1;
            } else {
                for (int s = 0; s < B; s++) {
                    float d = dz[zOff + s * nOut + j];
                    g += d;
                    a0 += d * x[xOff + s * nIn];
                }
            }
            dW[row] = a0;
            db[bOff + j] = g;
            for (int k = 2; k < nIn; k += 2) {
                float c0 = 0f, c1 = 0f;
                if (k + 1 < nIn) {
                    for (int s = 0; s < B; s++) {
                        float d = dz[zOff + s * nOut + j];
                        int xs = xOff + s * nIn + k;
                        c0 += d * x[xs];
                        c1 += d * x[xs + 1];
                    }
                    dW[row + k + 1] = c1;
                } else {
                    for (int s = 0; s < B; s++) c0 += dz[zOff + s * nOut + j] * x[xOff + s * nIn + k];
                }
                dW[row + k] = c0;
            }
        }
    }

    /** dX[s][k] = sum_j w[j][k] dz[s][j] for one network. */
    static void inputGradients(float[] w, int wOff, float[] dz, int zOff, float[] dX, int xOff, int B, int nIn,
                               int nOut) {
        if (nIn >= ROW_FORM_MIN_INPUTS) inputGradientsRows(w, wOff, dz, zOff, dX, xOff, B, nIn, nOut);
        else inputGradientsColumns(w, wOff, dz, zOff, dX, xOff, B, nIn, nOut);
    }

    static void inputGradientsRows(float[] w, int wOff, float[] dz, int zOff, float[] dX, int xOff, int B,
                    int nIn, int nOut) {
        java.util.Arrays.fill(dX, xOff, xOff + B * nIn, 0f);
        for (int s = 0; s < B; s++) {
            int xs = xOff + s * nIn, zs = zOff + s * nOut, j = 0;
            // Four units per sweep over the example's dX; left-to-right evaluation keeps the sum in unit order.
            for (; j + 3 < nOut; j += 4) {
                int r0 = wOff + j * nIn, r1 = r0 + nIn, r2 = r1 + nIn, r3 = r2 + nIn;
                float g0 = dz[zs + j], g1 = dz[zs + j + 1], g2 = dz[zs + j + 2], g3 = dz[zs + j + 3];
                for (int k = 0; k < nIn; k++) {
                    dX[xs + k] = dX[xs + k] + w[r0 + k] * g0 + w[r1 + k] * g1 + w[r2 + k] * g2 + w[r3 + k] * g3;
                }
            }
            for (; j < nOut; j++) {
                float g = dz[zs + j];
                int row = wOff + j * nIn;
                for (int k = 0; k < nIn; k++) dX[xs + k] += w[row + k] * g;
            }
        }
    }

    static void inputGradientsColumns(float[] w, int wOff, float[] dz, int zOff, float[] dX, int xOff, int B,
                    int nIn, int nOut) {
        if (nIn == 2 && nOut == 2) {
            float w00 = w[wOff], w01 = w[wOff + 1], w10 = w[wOff + 2], w11 = w[wOff + 3];
            for (int s = 0; s < B; s++) {
                int i = xOff + 2 * s, o = zOff + 2 * s;
                float d0 = dz[o], d1 = dz[o + 1];
                dX[i] = w00 * d0 + w10 * d1;
                dX[i + 1] = w01 * d0 + w11 * d1;
            }
            return;
        }
        // Two units per pass, in the order of the sum: dX = (w_0k dz_0 + w_1k dz_1) + w_2k dz_2 + ...
        for (int k = 0; k < nIn; k++) {
            int j;
            float w0k = w[wOff + k];
            if (nOut >= 2) {
                float w1k = w[wOff + nIn + k];
                for (int s = 0; s < B; s++) {
                    int zs = zOff + s * nOut;
                    dX[xOff + s * nIn + k] = w0k * dz[zs] + w1k * dz[zs + 1];
                }
                j = 2;
            } else {
                for (int s = 0; s < B; s++) dX[xOff + s * nIn + k] = w0k * dz[zOff + s * nOut];
                j = 1;
            }
            for (; j + 1 < nOut; j += 2) {
                float wj = w[wOff + j * nIn + k], wj1 = w[wOff + (j + 1) * nIn + k];
                for (int s = 0; s < B; s++) {
                    int xi = xOff + s * nIn + k, zs = zOff + s * nOut + j;
                    dX[xi] = dX[xi] + wj * dz[zs] + wj1 * dz[zs + 1];
                }
            }
            if (j < nOut) {
                float wj = w[wOff + j * nIn + k];
                for (int s = 0; s < B; s++) dX[xOff + s * nIn + k] += wj * dz[zOff + s * nOut + j];
            }
        }
    }
}
