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
        if (nIn >= ROW_FORM_MIN_INPUTS) {
            for (int s = 0; s < B; s++) {
                for (int j = 0; j < nOut; j++) {
                    float acc = bias[bOff + j];
                    int row = wOff + j * nIn, xs = xOff + s * nIn;
                    for (int k = 0; k < nIn; k++) acc += w[row + k] * x[xs + k];
                    z[zOff + s * nOut + j] = acc;
                }
            }
            return;
        }
        for (int j = 0; j < nOut; j++) {
            float bj = bias[bOff + j], w0 = w[wOff + j * nIn];
            for (int s = 0; s < B; s++) z[zOff + s * nOut + j] = bj + w0 * x[xOff + s * nIn];
            for (int k = 1; k < nIn; k++) {
                float wk = w[wOff + j * nIn + k];
                for (int s = 0; s < B; s++) z[zOff + s * nOut + j] += wk * x[xOff + s * nIn + k];
            }
        }
    }

    /** dW[j][k] = sum_s dz[s][j] x[s][k] and db[j] = sum_s dz[s][j] for one network. */
    static void weightGradients(float[] x, int xOff, float[] dz, int zOff, float[] dW, int wOff, float[] db, int bOff,
                                int B, int nIn, int nOut) {
        if (nIn >= ROW_FORM_MIN_INPUTS) {
            java.util.Arrays.fill(dW, wOff, wOff + nOut * nIn, 0f);
            java.util.Arrays.fill(db, bOff, bOff + nOut, 0f);
            for (int s = 0; s < B; s++) {
                int xs = xOff + s * nIn;
                for (int j = 0; j < nOut; j++) {
                    float g = dz[zOff + s * nOut + j];
                    db[bOff + j] += g;
                    int row = wOff + j * nIn;
                    for (int k = 0; k < nIn; k++) dW[row + k] += g * x[xs + k];
                }
            }
            return;
        }
        for (int j = 0; j < nOut; j++) {
            db[bOff + j] = sum4(dz, zOff + j, nOut, null, 0, 0, B);
            for (int k = 0; k < nIn; k++) {
                dW[wOff + j * nIn + k] = sum4(dz, zOff + j, nOut, x, xOff + k, nIn, B);
            }
        }
    }

    /**
     * sum over s of a[aOff + s aStride] (times b[bOff + s bStride] when b is given), in four interleaved partial sums
     * combined as (p0 + p1) + (p2 + p3): four independent add chains instead of one, the order the kernels use too.
     */
    static float sum4(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, int B) {
        float p0 = 0f, p1 = 0f, p2 = 0f, p3 = 0f;
        int s = 0;
        if (b == null) {
            for (; s + 3 < B; s += 4) {
                p0 += a[aOff + s * aStride];
                p1 += a[aOff + (s + 1) * aStride];
                p2 += a[aOff + (s + 2) * aStride];
                p3 += a[aOff + (s + 3) * aStride];
            }
            for (; s < B; s++) p0 += a[aOff + s * aStride];
        } else {
            for (; s + 3 < B; s += 4) {
                p0 += a[aOff + s * aStride] * b[bOff + s * bStride];
                p1 += a[aOff + (s + 1) * aStride] * b[bOff + (s + 1) * bStride];
                p2 += a[aOff + (s + 2) * aStride] * b[bOff + (s + 2) * bStride];
                p3 += a[aOff + (s + 3) * aStride] * b[bOff + (s + 3) * bStride];
            }
            for (; s < B; s++) p0 += a[aOff + s * aStride] * b[bOff + s * bStride];
        }
        return (p0 + p1) + (p2 + p3);
    }

    /** dX[s][k] = sum_j w[j][k] dz[s][j] for one network. */
    static void inputGradients(float[] w, int wOff, float[] dz, int zOff, float[] dX, int xOff, int B, int nIn,
                               int nOut) {
        if (nIn >= ROW_FORM_MIN_INPUTS) {
            java.util.Arrays.fill(dX, xOff, xOff + B * nIn, 0f);
            for (int s = 0; s < B; s++) {
                int xs = xOff + s * nIn;
                for (int j = 0; j < nOut; j++) {
                    float g = dz[zOff + s * nOut + j];
                    int row = wOff + j * nIn;
                    for (int k = 0; k < nIn; k++) dX[xs + k] += w[row + k] * g;
                }
            }
            return;
        }
        for (int k = 0; k < nIn; k++) {
            float w0k = w[wOff + k];
            for (int s = 0; s < B; s++) dX[xOff + s * nIn + k] = w0k * dz[zOff + s * nOut];
            for (int j = 1; j < nOut; j++) {
                float wjk = w[wOff + j * nIn + k];
                for (int s = 0; s < B; s++) dX[xOff + s * nIn + k] += wjk * dz[zOff + s * nOut + j];
            }
        }
    }
}
