/*
 * dense_forward.h - fused dense + bias + activation (Engine.denseForward): z = W x + b, a = phi(z), and, where
 * `alive` is non-NULL, alive[e][j] = 1 for a unit whose phi'(z) != 0 on some example (an OR; never cleared).
 * `slope` (PReLU, per unit) replaces `alpha` when non-NULL. `a` may be the same buffer as `z` (linear output layer).
 *
 * v1 dense_forward_v1: one work item per output (e, b, j), total = E*B*nOut, j fastest. The item reads row j of
 *    W[e] and example b of x[e] (both contiguous); items of a group share W rows through the cache. The bias starts
 *    the accumulator and the sum runs k = 0..nIn-1, the CPU engine's order. Latency-bound layers (width <= 64).
 * v2 dense_forward_v2: a 16x16 tile of (examples x units) per work group, 2-D launch (shape above the kernel).
 *    Stages 16x16 tiles of x and W in local memory, so each global element is read once per tile instead of once
 *    per output; for wide layers (784x128). Same summation order as v1.
 * GEMM path dense_bias_activation: z already holds W x (cuBLAS's batched product); adds b, applies phi, sets alive
 *    bits. One work item per output, total = E*B*nOut, coalesced. The product sums in cuBLAS's order and the bias
 *    comes last, so z agrees with v1 to the product tolerance, not bit for bit.
 */
#ifndef RELULAB_DENSE_FORWARD_H
#define RELULAB_DENSE_FORWARD_H

#include "portable.h"
#include "activations.h"

#define DF_TILE DENSE_TILE

DEVICE void dense_forward_store(int act, float alpha, GLOBAL const float *slope, int e, int nOut, int j, int out,
                                float acc, GLOBAL float *z, GLOBAL float *a, GLOBAL int *alive) {
    float al = slope != 0 ? slope[e * nOut + j] : alpha;
    z[out] = acc;
    a[out] = act_value(act, acc, al);
    /* a benign race: every writer stores 1 */
    if (alive != 0 && act_derivative(act, acc, al) != 0.0f) alive[e * nOut + j] = 1;
}

KERNEL void dense_forward_v1(int E, int B, int nIn, int nOut, GLOBAL const float *RESTRICT x,
                             GLOBAL const float *RESTRICT w, GLOBAL const float *RESTRICT b, int act, float alpha,
                             GLOBAL const float *slope, GLOBAL float *z, GLOBAL float *a, GLOBAL int *alive) {
    int gid = GLOBAL_ID;
    if (gid >= E * B * nOut) return;
    int j = gid % nOut;
    int eb = gid / nOut;
    int e = eb / B;
    GLOBAL const float *row = w + (e * nOut + j) * nIn;
    GLOBAL const float *xs = x + eb * nIn;
    float acc = b[e * nOut + j];
    for (int k = 0; k < nIn; k++) acc += row[k] * xs[k];
    dense_forward_store(act, alpha, slope, e, nOut, j, gid, acc, z, a, alive);
}

KERNEL void dense_bias_activation(int E, int B, int nOut, GLOBAL const float *RESTRICT b, int act, float alpha,
                                  GLOBAL const float *slope, GLOBAL float *z, GLOBAL float *a, GLOBAL int *alive) {
    int gid = GLOBAL_ID;
    if (gid >= E * B * nOut) return;
    int j = gid % nOut;
    int e = gid / (B * nOut);
    dense_forward_store(act, alpha, slope, e, nOut, j, gid, z[gid] + b[e * nOut + j], z, a, alive);
}

/* Launch: local (16, 16); global (roundup(nOut, 16), roundup(B, 16) * E). Item (tx, ty) of group (gx, gy)
   computes unit j = gx*16 + tx of example s = (gy % ceil(B/16))*16 + ty of network e = gy / ceil(B/16). */
KERNEL void dense_forward_v2(int E, int B, int nIn, int nOut, GLOBAL const float *RESTRICT x,
                             GLOBAL const float *RESTRICT w, GLOBAL const float *RESTRICT b, int act, float alpha,
                             GLOBAL const float *slope, GLOBAL float *z, GLOBAL float *a, GLOBAL int *alive) {
    LOCAL float xt[DF_TILE][DF_TILE + 1];
    LOCAL float wt[DF_TILE][DF_TILE + 1];
    int tx = LOCAL_ID_X, ty = LOCAL_ID_Y;
    int bTiles = (B + DF_TILE - 1) / DF_TILE;
    int e = GROUP_ID_Y / bTiles;
    int s = (GROUP_ID_Y % bTiles) * DF_TILE + ty;
    int j = GROUP_ID_X * DF_TILE + tx;
    int j0 = GROUP_ID_X * DF_TILE;
    int s0 = (GROUP_ID_Y % bTiles) * DF_TILE;
    float acc = (s < B && j < nOut) ? b[e * nOut + j] : 0.0f;
    for (int k0 = 0; k0 < nIn; k0 += DF_TILE) {
        /* x tile: row ty = example s0+ty, column tx = input k0+tx; W tile: row ty = unit j0+ty, column tx */
        int k = k0 + tx;
        xt[ty][tx] = (s0 + ty < B && k < nIn) ? x[(e * B + s0 + ty) * nIn + k] : 0.0f;
        wt[ty][tx] = (j0 + ty < nOut && k < nIn) ? w[(e * nOut + j0 + ty) * nIn + k] : 0.0f;
        BARRIER();
        int kn = nIn - k0 < DF_TILE ? nIn - k0 : DF_TILE;
        for (int kk = 0; kk < kn; kk++) acc += wt[tx][kk] * xt[ty][kk];
        BARRIER();
    }
    if (s < B && j < nOut) {
        dense_forward_store(act, alpha, slope, e, nOut, j, (e * B + s) * nOut + j, acc, z, a, alive);
    }
}

#endif
