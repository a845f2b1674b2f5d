/*
 * dense_backward.h - fused backward of dense_forward (Engine.denseBackward), as up to four launches in this order:
 *   1. prelu_slope_grad   (PReLU only)  dSlope[e][j] = sum_b (z <= 0 ? dA * z : 0), from dA before step 2.
 *                         one item per (e, j), total = E*nOut, loops over the batch.
 *   2. activation_backward             dA *= phi'(z) in place, turning dL/da into dL/dz (ReLU stores 0 where z is
 *                         not positive, so an infinite dA does not become NaN); skipped for linear layers.
 *                         one item per (e, b, j), total = E*B*nOut, coalesced.
 *   3. dense_backward_weights          dW[e][j][i] = sum_b dz[e][b][j] x[e][b][i] for i < nIn, and
 *                         db[e][j] = sum_b dz[e][b][j] for i == nIn; written, not added.
 *                         v1: one item per (e, j, i), i in [0, nIn], total = E*nOut*(nIn+1), loops over the batch
 *                         with stride nOut / nIn reads.
 *                         v2 (wide layers): 16x16 tiles of (units x inputs+1) per group, 2-D launch (shape above the
 *                         kernel), batch chunks of 16 of dz and x staged in local memory; column nIn reads x = 1.
 *                         GEMM path: cuBLAS computes dW; dense_backward_bias sums db[e][j] = sum_b dz[e][b][j],
 *                         one item per (e, j), total = E*nOut, batch ascending (the CPU's order, so db is exact).
 *   4. dense_backward_dx  (when dX is wanted)   dX[e][b][i] = sum_j W[e][j][i] dz[e][b][j].
 *                         v1: one item per (e, b, i), total = E*B*nIn, loops over the units.
 *                         v2 (wide layers): 16x16 tiles of (examples x inputs), unit chunks of W and dz in local memory.
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

KERNEL void dense_backward_bias(int E, int B, int nOut, GLOBAL const float *RESTRICT dz, GLOBAL float *RESTRICT db) {
    int gid = GLOBAL_ID;
    if (gid >= E * nOut) return;
    int j = gid % nOut, e = gid / nOut;
    float acc = 0.0f;
    for (int s = 0; s < B; s++) acc += dz[(e * B + s) * nOut + j];
    db[gid] = acc;
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

#define DB_TILE DENSE_TILE

/* Launch: local (16, 16); global (roundup(nIn + 1, 16), roundup(nOut, 16) * E). Item (tx, ty) of group (gx, gy)
   computes input column i = gx*16 + tx (i == nIn: the bias) of unit j = (gy % ceil(nOut/16))*16 + ty of network
   e = gy / ceil(nOut/16). Multiplying dz by the virtual x = 1 is exact, so db is the plain sum v1 computes. */
KERNEL void dense_backward_weights_v2(int E, int B, int nIn, int nOut, GLOBAL const float *RESTRICT x,
                                      GLOBAL const float *RESTRICT dz, GLOBAL float *RESTRICT dW,
                                      GLOBAL float *RESTRICT db) {
    LOCAL float gt[DB_TILE][DB_TILE + 1];
    LOCAL float xt[DB_TILE][DB_TILE + 1];
    int tx = LOCAL_ID_X, ty = LOCAL_ID_Y;
    int jTiles = (nOut + DB_TILE - 1) / DB_TILE;
    int e = GROUP_ID_Y / jTiles;
    int j0 = (GROUP_ID_Y % jTiles) * DB_TILE, i0 = GROUP_ID_X * DB_TILE;
    int j = j0 + ty, i = i0 + tx;
    float acc = 0.0f;
    for (int s0 = 0; s0 < B; s0 += DB_TILE) {
        /* row ty of both tiles is example s0 + ty; gt's column tx is unit j0 + tx, xt's is input i0 + tx */
        int s = s0 + ty;
        gt[ty][tx] = (s < B && j0 + tx < nOut) ? dz[(e * B + s) * nOut + j0 + tx] : 0.0f;
        xt[ty][tx] = s >= B ? 0.0f : i0 + tx < nIn ? x[(e * B + s) * nIn + i0 + tx] : 1.0f;
        BARRIER();
        int sn = B - s0 < DB_TILE ? B - s0 : DB_TILE;
        for (int ss = 0; ss < sn; ss++) acc += gt[ss][ty] * xt[ss][tx];
        BARRIER();
    }
    if (j < nOut && i < nIn) {
        dW[(e * nOut + j) * nIn + i] = acc;
    } else if (j < nOut && i == nIn) {
        db[e * nOut + j] = acc;
    }
}

/* Launch: local (16, 16); global (roundup(nIn, 16), roundup(B, 16) * E). Item (tx, ty) of group (gx, gy) computes
   input i = gx*16 + tx of example s = (gy % ceil(B/16))*16 + ty of network e = gy / ceil(B/16). */
KERNEL void dense_backward_dx_v2(int E, int B, int nIn, int nOut, GLOBAL const float *RESTRICT w,
                                 GLOBAL const float *RESTRICT dz, GLOBAL float *RESTRICT dX) {
    LOCAL float wt[DB_TILE][DB_TILE + 1];
    LOCAL float gt[DB_TILE][DB_TILE + 1];
    int tx = LOCAL_ID_X, ty = LOCAL_ID_Y;
    int sTiles = (B + DB_TILE - 1) / DB_TILE;
    int e = GROUP_ID_Y / sTiles;
    int s0 = (GROUP_ID_Y % sTiles) * DB_TILE, i0 = GROUP_ID_X * DB_TILE;
    int s = s0 + ty, i = i0 + tx;
    float acc = 0.0f;
    for (int j0 = 0; j0 < nOut; j0 += DB_TILE) {
        /* wt row ty = unit j0 + ty, column tx = input i0 + tx; gt row ty = example s0 + ty, column tx = unit j0 + tx */
        wt[ty][tx] = (j0 + ty < nOut && i0 + tx < nIn) ? w[(e * nOut + j0 + ty) * nIn + i0 + tx] : 0.0f;
        gt[ty][tx] = (s0 + ty < B && j0 + tx < nOut) ? dz[(e * B + s0 + ty) * nOut + j0 + tx] : 0.0f;
        BARRIER();
        int jn = nOut - j0 < DB_TILE ? nOut - j0 : DB_TILE;
        for (int jj = 0; jj < jn; jj++) acc += wt[jj][tx] * gt[ty][jj];
        BARRIER();
    }
    if (s < B && i < nIn) dX[(e * B + s) * nIn + i] = acc;
}

#endif
