package dev.relulab.nn;

import java.util.function.DoubleUnaryOperator;

/** Independent double-precision formulas of the activations, erf and the losses, for gradient checks. */
public final class DoubleReference {
    private DoubleReference() {}

    public static double erf(double x) {
        int n = 2000;
        double h = x / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h, f = Math.exp(-t * t);
            sum += (i == 0 || i == n) ? f : (i % 2 == 1 ? 4 * f : 2 * f);
        }
        return 2 / Math.sqrt(Math.PI) * sum * h / 3;
    }

    public static DoubleUnaryOperator activation(Activation a, double alpha) {
        double sa = 1.6732632423543772848170429916717, ss = 1.0507009873554804934193349852946;
        switch (a) {
            case LINEAR: return z -> z;
            case RELU: return z -> Math.max(z, 0);
            case LEAKY_RELU: case PRELU: return z -> z > 0 ? z : alpha * z;
            case ELU: return z -> z > 0 ? z : alpha * (Math.exp(z) - 1);
            case SELU: return z -> z > 0 ? ss * z : ss * sa * (Math.exp(z) - 1);
            case SWISH: return z -> z / (1 + Math.exp(-z));
            case GELU: return z -> 0.5 * z * (1 + erf(z / Math.sqrt(2)));
            case SIGMOID: return z -> 1 / (1 + Math.exp(-z));
            case TANH: return Math::tanh;
            default: throw new AssertionError(a);
        }
    }

    public static double loss(Loss loss, double[] z, float[] y) {
        int n = z.length;
        switch (loss) {
            case MSE: {
                double s = 0;
                for (int k = 0; k < n; k++) s += (z[k] - y[k]) * (z[k] - y[k]);
                return s / n;
            }
            case BCE: {
                double s = 0;
                // -(y log p + (1 - y) log(1 - p)) with p = sigmoid(z), in the form that stays finite where p rounds
                // to 0 or 1 in double (|z| > 37): 0 * log(0) would be NaN
                for (int k = 0; k < n; k++) s += Math.max(z[k], 0) - z[k] * y[k] + Math.log1p(Math.exp(-Math.abs(z[k])));
                return s / n;
            }
            case CCE: {
                double max = Double.NEGATIVE_INFINITY, sum = 0, l = 0;
                for (double v : z) max = Math.max(max, v);
                for (double v : z) sum += Math.exp(v - max);
                for (int k = 0; k < n; k++) l -= y[k] * (z[k] - max - Math.log(sum));
                return l;
            }
            default: throw new AssertionError(loss);
        }
    }
}
