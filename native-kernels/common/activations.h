/*
 * activations.h - value and derivative of every activation, switched on Activation.code; the math and its order
 * are those of nn/Activation.java, in float32 (Java computes exp/expm1/tanh/erf in double and rounds once, so the
 * kernels differ by a few ulp there; the parity tests allow rtol 1e-5). RELU is z <= 0 ? +0 : z, which is Java's
 * max(z, 0f) exactly: NaN passes through (divergence stays visible) and -0 becomes +0;
 * phi'(0) comes from the z <= 0 side for the piecewise functions.
 *
 * Helpers only (no kernels).
 */
#ifndef RELULAB_ACTIVATIONS_H
#define RELULAB_ACTIVATIONS_H

#include "portable.h"

#define ACT_LINEAR 0
#define ACT_RELU 1
#define ACT_LEAKY_RELU 2
#define ACT_PRELU 3
#define ACT_ELU 4
#define ACT_SELU 5
#define ACT_SWISH 6
#define ACT_GELU 7
#define ACT_SIGMOID 8
#define ACT_TANH 9

#define SELU_ALPHA 1.6732632423543772f
#define SELU_SCALE 1.0507009873554805f
#define INV_SQRT2 0.70710678118654752f
#define INV_SQRT_2PI 0.39894228040143268f

DEVICE float act_sigmoid(float z) {
    return z >= 0.0f ? 1.0f / (1.0f + FEXP(-z)) : FEXP(z) / (1.0f + FEXP(z));
}

DEVICE float act_value(int act, float z, float alpha) {
    switch (act) {
        case ACT_LINEAR: return z;
        case ACT_RELU: return z <= 0.0f ? 0.0f : z;
        case ACT_LEAKY_RELU:
        case ACT_PRELU: return z > 0.0f ? z : alpha * z;
        case ACT_ELU: return z > 0.0f ? z : alpha * FEXPM1(z);
        case ACT_SELU: return z > 0.0f ? SELU_SCALE * z : SELU_SCALE * (SELU_ALPHA * FEXPM1(z));
        case ACT_SWISH: return z * act_sigmoid(z);
        case ACT_GELU: return 0.5f * z * (1.0f + FERF(z * INV_SQRT2));
        case ACT_SIGMOID: return act_sigmoid(z);
        case ACT_TANH: return FTANH(z);
        default: return z;
    }
}

DEVICE float act_derivative(int act, float z, float alpha) {
    switch (act) {
        case ACT_LINEAR: return 1.0f;
        case ACT_RELU: return z > 0.0f ? 1.0f : 0.0f;
        case ACT_LEAKY_RELU:
        case ACT_PRELU: return z > 0.0f ? 1.0f : alpha;
        case ACT_ELU: return z > 0.0f ? 1.0f : alpha * FEXP(z);
        case ACT_SELU: return z > 0.0f ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * FEXP(z);
        case ACT_SWISH: {
            float s = act_sigmoid(z);
            return s * (1.0f + z * (1.0f - s));
        }
        case ACT_GELU:
            return 0.5f * (1.0f + FERF(z * INV_SQRT2)) + z * INV_SQRT_2PI * FEXP(-0.5f * z * z);
        case ACT_SIGMOID: {
            float s = act_sigmoid(z);
            return s * (1.0f - s);
        }
        case ACT_TANH: {
            float t = FTANH(z);
            return 1.0f - t * t;
        }
        default: return 1.0f;
    }
}

#endif
