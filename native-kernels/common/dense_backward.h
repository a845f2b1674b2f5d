/*
 * dense_backward.h - fused backward of dense_forward (Engine.denseBackward), as up to four launches in this order:
 *   1. prelu_slope_grad   (PReLU only)  dSlope[e][j] = sum_b (z <= 0 ? dA * z : 0), from dA before step 2.
 *                         one item per (e, j), total = E*nOut, loops over the batch.
 *   2. activation_backward             dA *= phi'(z) in place, turning dL/da into dL/dz (ReLU stores 0 where z is
 *                         not positive, so an infinite dA does not become NaN); skipped for linear layers.
 *                         one item per (e, b, j), total = E*B*nOut, coalesced.
 *   3. dense_backward_weights          dW[e][j][i] = sum_b dz[e][b][j] x[e][b][i] for i < nIn, and
 *                         db[e][j] = sum_b dz[e][b][j] for i == nIn; written, not added.
 *                         one item per (e, j, i), i in [0, nIn], total = E*nOut*(nIn+1), loops over the batch with
 *                         stride nOut / nIn reads (v1; a tiled version is future work).
 *   4. dense_backward_dx_v1 (when dX is wanted)   dX[e][b][i] = sum_j W[e][j][i] dz[e][b][j].
 *                         one item per (e, b, i), total = E*B*nIn, loops over the units.
 * Every sum runs in the CPU engine's order (batch ascending, units ascending).
 */
#ifndef RELULAB_DENSE_BACKWARD_H
#define RELULAB_DENSE_BACKWARD_H

#include "portable.h"
#include "activations.h"

KERNEL void prelu_slope_grad(int E, int B, int nOut, GLOBAL const float *RESTRICT z, GLOBAL const float *RESTRICT dA,
                             GLOBAL float *RESTRICT dSlope) {
    int gid = GLOBAL_ID;
    if (gid >= E * nOut) return;
    int j = gid % nOut, e = gid / nOut;
    float acc = 0.0f;
    for (int s = 0; s < B; s++) {
        int k = (e * B + s) * nOut + j;
        if (z[k] <= 0.0f) acc += dA[k] * z[k];
    }
    dSlope[gid] = acc;
}

KERNEL void activation_backward(int E, int B, int nOut, GLOBAL const float *RESTRICT z, int act, float alpha,
                                GLOBAL const float *RESTRICT slope, GLOBAL float *RESTRICT dA) {
    int gid = GLOBAL_ID;
    if (gid >= E * B * nOut) return;
    float zv = z[gid];
    if (act == ACT_RELU) {
        if (!(zv > 0.0f)) dA[gid] = 0.0f;
    } else if (act != ACT_LINEAR) {
        int j = gid % nOut, e = gid / (B * nOut);
        float al = slope != 0 ? slope[e * nOut + j] : alpha;
        dA[gid] = dA[gid] * act_derivative(act, zv, al);
    }
}

KERNEL void dense_backward_weights(int E, int B, int nIn, int nOut, GLOBAL const float *RESTRICT x,
                                   GLOBAL const float *RESTRICT dz, GLOBAL float *RESTRICT dW,
                                   GLOBAL float *RESTRICT db) {
    int gid = GLOBAL_ID;
    int cols = nIn + 1;
    if (gid >= E * nOut * cols) return;
    int i = gid % cols;
    int ej = gid / cols;
    int j = ej % nOut, e = ej / nOut;
    GLOBAL const float *g = dz + e * B * nOut + j;
    float acc = 0.0f;
    if (i == nIn) {
        for (int s = 0; s < B; s++) acc += g[s * nOut];
        db[ej] = acc;
    } else {
        GLOBAL const float *xs = x + e * B * nIn + i;
        for (int s = 0; s < B; s++) acc += g[s * nOut] * xs[s * nIn];
        dW[ej * nIn + i] = acc;
    }
}

KERNEL void dense_backward_dx_v1(int E, int B, int nIn, int nOut, GLOBAL const float *RESTRICT w,
                                 GLOBAL const float *RESTRICT dz, GLOBAL float *RESTRICT dX) {
    int gid = GLOBAL_ID;
    if (gid >= E * B * nIn) return;
    int i = gid % nIn;
    int eb = gid / nIn;
    int e = eb / B;
    GLOBAL const float *col = w + e * nOut * nIn + i;
    GLOBAL const float *g = dz + eb * nOut;
    float acc = 0.0f;
    for (int j = 0; j < nOut; j++) acc += col[j * nIn] * g[j];
    dX[gid] = acc;
}

#endif
