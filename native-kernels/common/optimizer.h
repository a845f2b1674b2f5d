/*
 * optimizer.h - one optimizer step (Engine.optimizerStep) with Keras' rules, as nn/Optimizer.java: 0 sgd
 * (p -= lr g), 1 momentum (v = m v - lr g; p += v; s1 = v), 2 adam (m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2);
 * p -= lr*correction * m / (sqrt(v) + eps); s1 = m, s2 = v). Networks with diverged[e] != 0 are left alone.
 * Unused state pointers are NULL.
 *
 * v1 optimizer_step: one work item per parameter element, total = E*perNet, e = gid / perNet; fully coalesced.
 * sqrt and division must be correctly rounded (OpenCL: -cl-fp32-correctly-rounded-divide-sqrt) to match Java.
 */
#ifndef RELULAB_OPTIMIZER_H
#define RELULAB_OPTIMIZER_H

#include "portable.h"

#define OPT_SGD 0
#define OPT_MOMENTUM 1
#define OPT_ADAM 2

KERNEL void optimizer_step(int kind, float momentum, float beta1, float beta2, float epsilon, int E, int perNet,
                           GLOBAL float *RESTRICT param, GLOBAL const float *RESTRICT grad, GLOBAL float *RESTRICT s1,
                           GLOBAL float *RESTRICT s2, GLOBAL const float *RESTRICT lr, float correction,
                           GLOBAL const int *RESTRICT diverged) {
    int gid = GLOBAL_ID;
    if (gid >= E * perNet) return;
    int e = gid / perNet;
    if (diverged[e] != 0) return;
    float rate = lr[e];
    float g = grad[gid];
    if (kind == OPT_SGD) {
        param[gid] -= rate * g;
    } else if (kind == OPT_MOMENTUM) {
        float v = momentum * s1[gid] - rate * g;
        s1[gid] = v;
        param[gid] += v;
    } else {
        float m = s1[gid], v = s2[gid];
        m += (g - m) * (1.0f - beta1);
        v += (g * g - v) * (1.0f - beta2);
        s1[gid] = m;
        s2[gid] = v;
        float step = rate * correction;
        param[gid] -= step * m / (FSQRT(v) + epsilon);
    }
}

#endif
