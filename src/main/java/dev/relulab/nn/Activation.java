package dev.relulab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The activation functions, each with its value and derivative in float32. {@code code} is the integer the kernels
 * switch on (native-kernels/common/activations.h); the order of the math here and there is the same.
 */
public enum Activation {
    LINEAR(0, 0f),
    RELU(1, 0f),
    /** alpha is the slope for z <= 0; Keras' LeakyReLU layer default is 0.3, Lu et al. use 0.01 (our default). */
    LEAKY_RELU(2, 0.01f),
    /** The slope per unit is learned; alpha here is only its initial value (Keras: zeros). */
    PRELU(3, 0f),
    ELU(4, 1f),
    SELU(5, 0f),
    SWISH(6, 0f),
    GELU(7, 0f),
    SIGMOID(8, 0f),
    TANH(9, 0f);

    static final float SELU_ALPHA = 1.6732632423543772f;
    static final float SELU_SCALE = 1.0507009873554805f;
    private static final float INV_SQRT2 = 0.70710678118654752f;
    private static final float INV_SQRT_2PI = 0.39894228040143268f;

    /** The integer the kernels use for this activation. */
    public final int code;
    /** The default parameter (slope, alpha or initial PReLU slope) when the user gives none. */
    public final float defaultAlpha;

    Activation(int code, float defaultAlpha) {
        this.code = code;
        this.defaultAlpha = defaultAlpha;
    }

    /** phi(z); {@code alpha} is the leaky slope, the ELU alpha or the PReLU unit's slope, ignored otherwise. */
    public float value(float z, float alpha) {
        switch (this) {
            case LINEAR: return z;
            case RELU: return Math.max(z, 0f); // NaN passes through, so divergence is seen
            case LEAKY_RELU:
            case PRELU: return z > 0f ? z : alpha * z;
            case ELU: return z > 0f ? z : alpha * expm1(z);
            case SELU: return z > 0f ? SELU_SCALE * z : SELU_SCALE * (SELU_ALPHA * expm1(z));
            case SWISH: return z * sigmoid(z);
            case GELU: return 0.5f * z * (1f + Erf.erf(z * INV_SQRT2));
            case SIGMOID: return sigmoid(z);
            case TANH: return (float) Math.tanh(z);
            default: throw new AssertionError(this);
        }
    }

    /** phi'(z), with phi'(0) taken from the z <= 0 side for the piecewise functions (as TensorFlow does). */
    public float derivative(float z, float alpha) {
        switch (this) {
            case LINEAR: return 1f;
            case RELU: return z > 0f ? 1f : 0f;
            case LEAKY_RELU:
            case PRELU: return z > 0f ? 1f : alpha;
            case ELU: return z > 0f ? 1f : alpha * exp(z);
            case SELU: return z > 0f ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * exp(z);
            case SWISH: {
                float s = sigmoid(z);
                return s * (1f + z * (1f - s));
            }
            case GELU: return 0.5f * (1f + Erf.erf(z * INV_SQRT2)) + z * INV_SQRT_2PI * exp(-0.5f * z * z);
            case SIGMOID: {
                float s = sigmoid(z);
                return s * (1f - s);
            }
            case TANH: {
                float t = (float) Math.tanh(z);
                return 1f - t * t;
            }
            default: throw new AssertionError(this);
        }
    }

    /** True for the activations whose derivative is exactly zero on a half-line, so that units can die for good. */
    public boolean canDie() {
        return this == RELU;
    }

    /** True when the unit carries a learned slope (PReLU). */
    public boolean hasLearnedSlope() {
        return this == PRELU;
    }

    /** The name users type: lower case with underscores ({@code leaky_relu}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's name for an activation; accepts the Keras aliases silu and leakyrelu. */
    public static Activation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (t) {
            case "silu": return SWISH;
            case "leakyrelu": case "leaky": return LEAKY_RELU;
            case "identity": case "none": return LINEAR;
            default: break;
        }
        for (Activation a : values()) {
            if (a.cliName().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + text + "'; allowed: " + allowed());
    }

    /** The allowed names, comma separated, for error messages and help. */
    public static String allowed() {
        return Arrays.stream(values()).map(Activation::cliName).collect(Collectors.joining(", "));
    }

    static float sigmoid(float z) {
        return z >= 0f ? 1f / (1f + exp(-z)) : exp(z) / (1f + exp(z));
    }

    private static float exp(float z) {
        return (float) Math.exp(z);
    }

    private static float expm1(float z) {
        return (float) Math.expm1(z);
    }
}
