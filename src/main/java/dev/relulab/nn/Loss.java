package dev.relulab.nn;

import java.util.Locale;

/**
 * Losses on the output layer's pre-activations (the last dense layer is linear). Both cross-entropies fuse the
 * output nonlinearity into the numerically stable form: bce on a sigmoid, cce on a softmax. Losses are means over
 * the batch (and, for mse, over outputs), as in Keras; {@code code} is the kernels' switch value.
 */
public enum Loss {
    MSE(0),
    BCE(1),
    CCE(2);

    public final int code;

    Loss(int code) {
        this.code = code;
    }

    /**
     * Loss of one example and its gradient with respect to the logits, scaled by {@code scale} (1/B for a batch
     * mean). {@code z}, {@code y} and {@code grad} hold the example's n outputs from their offsets; returns the
     * example's loss (before scaling).
     */
    public double example(float[] z, int zOff, float[] y, int yOff, int n, float scale, float[] grad, int gOff) {
        switch (this) {
            case MSE: {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    float d = z[zOff + k] - y[yOff + k];
                    sum += (double) d * d;
                    if (grad != null) grad[gOff + k] = 2f * d * scale / n;
                }
                return sum / n;
            }
            case BCE: {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    float zk = z[zOff + k], yk = y[yOff + k];
                    sum += Math.max(zk, 0f) - zk * yk + Math.log1p(Math.exp(-Math.abs(zk)));
                    if (grad != null) grad[gOff + k] = (Activation.sigmoid(zk) - yk) * scale / n;
                }
                return sum / n;
            }
            case CCE: {
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) max = Math.max(max, z[zOff + k]);
                double sumExp = 0;
                for (int k = 0; k < n; k++) sumExp += Math.exp(z[zOff + k] - max);
                double logSum = max + Math.log(sumExp);
                double loss = 0;
                for (int k = 0; k < n; k++) {
                    float yk = y[yOff + k];
                    loss -= yk * (z[zOff + k] - logSum);
                    if (grad != null) grad[gOff + k] = ((float) Math.exp(z[zOff + k] - logSum) - yk) * scale;
                }
                return loss;
            }
            default: throw new AssertionError(this);
        }
    }

    public static Loss parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "mse": case "mean_squared_error": return MSE;
            case "bce": case "binary_crossentropy": return BCE;
            case "cce": case "categorical_crossentropy": return CCE;
            default: throw new IllegalArgumentException("unknown loss '" + text + "'; allowed: mse, bce, cce");
        }
    }
}
