/*
 * loss.h - loss of the logits against the targets (Engine.loss): dOut = dL/dout of the batch mean, lossLast[e] =
 * batch-mean loss, lossSum[e] += it, diverged[e] = 1 when it is NaN or infinite. Codes as nn/Loss.java: 0 mse
 * (mean over outputs), 1 bce on a fused sigmoid, 2 cce on a fused softmax.
 *
 * v1 loss_v1: one work item per network, total = E, loops over the batch and the outputs (the output layer is
 * narrow and this is one launch per step). The CPU sums the per-example losses in double; here they are float
 * sums of example/B (overflow-safe), so lossLast matches to the reduction tolerance, the gradients elementwise.
 */
#ifndef RELULAB_LOSS_H
#define RELULAB_LOSS_H

#include "portable.h"
#include "activations.h"

#define LOSS_MSE 0
#define LOSS_BCE 1
#define LOSS_CCE 2

DEVICE float loss_example(int loss, GLOBAL const float *zs, GLOBAL const float *ys, int n, float scale,
                          GLOBAL float *grad) {
    float sum = 0.0f;
    if (loss == LOSS_MSE) {
        for (int k = 0; k < n; k++) {
            float d = zs[k] - ys[k];
            sum += d * d;
            grad[k] = 2.0f * d * scale / n;
        }
        return sum / n;
    }
    if (loss == LOSS_BCE) {
        for (int k = 0; k < n; k++) {
            float zk = zs[k], yk = ys[k];
            sum += (FMAX(zk, 0.0f) - zk * yk) + FLOG1P(FEXP(-FABS(zk)));
            grad[k] = (act_sigmoid(zk) - yk) * scale / n;
        }
        return sum / n;
    }
    float mx = -INFINITY;
    for (int k = 0; k < n; k++) mx = FMAX(mx, zs[k]);
    float sumExp = 0.0f;
    for (int k = 0; k < n; k++) sumExp += FEXP(zs[k] - mx);
    float logSum = mx + FLOG(sumExp);
    for (int k = 0; k < n; k++) {
        float yk = ys[k];
        sum -= yk * (zs[k] - logSum);
        grad[k] = (FEXP(zs[k] - logSum) - yk) * scale;
    }
    return sum;
}

KERNEL void loss_v1(int loss, int E, int B, int n, GLOBAL const float *RESTRICT out,
                    GLOBAL const float *RESTRICT target, GLOBAL float *RESTRICT dOut, GLOBAL float *RESTRICT lossLast,
                    GLOBAL float *RESTRICT lossSum, GLOBAL int *RESTRICT diverged) {
    int e = GLOBAL_ID;
    if (e >= E) return;
    float scale = 1.0f / B;
    float mean = 0.0f;
    for (int s = 0; s < B; s++) {
        int off = (e * B + s) * n;
        mean += loss_example(loss, out + off, target + off, n, scale, dOut + off) / B;
    }
    lossLast[e] = mean;
    lossSum[e] += mean;
    if (!IS_FINITE(mean)) diverged[e] = 1;
}

#endif
