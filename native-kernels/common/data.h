/*
 * data.h - minibatches made on the device (Engine.functionPoints, Engine.gatherRows). For position p = start + k the
 * point index is i = p (epoch < 0) or the keyed permutation of [0, N) for (seed, netBase + e, epoch) at p.
 *   function_points: x = lo + (hi - lo) u, u = unit_float(stream (seed, netBase + e, purpose, sub 0) element i),
 *                    y = f(x) with FunctionTarget.code (0 |x|, 1 x sin(5x), 2 1{x>0} + 0.2 sin(5x)); x is
 *                    bit-identical to Java (separately rounded multiply and add), y too for |x|.
 *                    one work item per (e, k), total = E*B.
 *   gather_rows:     x[e][k][c] = data[rowBase + i][c] (c < d), y[e][k][c] = labels[rowBase + i][c] (c < k).
 *                    one work item per (e, k, c), c in [0, d + kLabels), total = E*B*(d + kLabels); each item
 *                    recomputes its permutation (a Philox block and 4 Feistel rounds), which is cheaper than a pass.
 */
#ifndef RELULAB_DATA_H
#define RELULAB_DATA_H

#include "portable.h"
#include "philox.h"

#define FN_ABS 0
#define FN_XSIN5X 1
#define FN_STEP_SIN 2

DEVICE float function_target(int f, float x) {
    switch (f) {
        case FN_ABS: return FABS(x);
        case FN_XSIN5X: return x * FSIN(5.0f * x);
        default: return (x > 0.0f ? 1.0f : 0.0f) + 0.2f * FSIN(5.0f * x);
    }
}

DEVICE int point_index(uint seedLo, uint seedHi, int network, int epoch, int nPoints, int p) {
    return epoch < 0 ? p : perm_apply(seedLo, seedHi, network, epoch, nPoints, p);
}

KERNEL void function_points(int f, float lo, float hi, uint seedLo, uint seedHi, int netBase, int E, int purpose,
                            int nPoints, int start, int B, int epoch, GLOBAL float *RESTRICT x,
                            GLOBAL float *RESTRICT y) {
    int gid = GLOBAL_ID;
    if (gid >= E * B) return;
    int e = gid / B, k = gid % B;
    int net = netBase + e;
    int i = point_index(seedLo, seedHi, net, epoch, nPoints, start + k);
    float u = unit_float(stream_bits(seedLo, seedHi, net, (uint) purpose, (uint) i, 0u));
    float xv = ADD_RN(lo, MUL_RN(hi - lo, u));
    x[gid] = xv;
    y[gid] = function_target(f, xv);
}

KERNEL void gather_rows(GLOBAL const float *RESTRICT data, GLOBAL const float *RESTRICT labels, int rowBase,
                        int nRows, int d, int kLabels, uint seedLo, uint seedHi, int netBase, int E, int start, int B,
                        int epoch, GLOBAL float *RESTRICT x, GLOBAL float *RESTRICT y) {
    int gid = GLOBAL_ID;
    int width = d + kLabels;
    if (gid >= E * B * width) return;
    int c = gid % width;
    int es = gid / width;
    int e = es / B, s = es % B;
    int row = rowBase + point_index(seedLo, seedHi, netBase + e, epoch, nRows, start + s);
    if (c < d) {
        x[es * d + c] = data[row * d + c];
    } else {
        y[es * kLabels + (c - d)] = labels[row * kLabels + (c - d)];
    }
}

#endif
