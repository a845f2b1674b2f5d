/*
 * data.h - minibatches made on the device (Engine.functionPoints, Engine.gatherRows). For position p = start + k the
 * point index is i = p (epoch < 0) or the keyed permutation of [0, N) for (seed, netBase + e, epoch) at p.
 *   function_points: x = lo + (hi - lo) u, u = unit_float(stream (seed, netBase + e, purpose, sub 0) element i),
 *                    y = f(x) with FunctionTarget.code (0 |x|, 1 x sin(5x), 2 1{x>0} + 0.2 sin(5x)); x is
 *                    bit-identical to Java (separately rounded multiply and add), y too for |x|, and for the sine
 *                    targets wherever |5x| < SIN_NEAR_LIMIT and the sine is not within ~2^-50 of a float boundary.
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

/* Below this |t|, sin_near(t) reduces exactly enough; the fused trainer refuses sin targets beyond it. */
#define SIN_NEAR_LIMIT 524288.0f

/*
 * (float) sin(t) as Java's (float) Math.sin(t) gives it, for |t| < SIN_NEAR_LIMIT, with no table and no stack:
 * t - n pi/2 in double with pi/2 in three parts (fdlibm's pio2_1, pio2_2, pio2_3; n < 2^19, so every n * part is
 * exact), then fdlibm's sin / cos polynomials on |r| <= pi/4 in double, rounded once to float. The double result is
 * within a few double ulp of the true sine, so it rounds to Java's float unless the sine lies within about 2^-50
 * relative of a float rounding boundary.
 */
DEVICE float sin_near(float t) {
    f64 x = (f64) t;
    f64 n = (f64) (int) (x * 0.63661977236758134308 + (x < 0.0 ? -0.5 : 0.5));
    f64 r = DADD_RN(x, -DMUL_RN(n, 1.57079632673412561417e+00));
    r = DADD_RN(r, -DMUL_RN(n, 6.07710050630396597660e-11));
    r = DADD_RN(r, -DMUL_RN(n, 2.02226624871116645580e-21));
    f64 r2 = DMUL_RN(r, r);
    int q = (int) n & 3;
    f64 v;
    if ((q & 1) == 0) {
        f64 s = DADD_RN(8.33333333332248946124e-03, DMUL_RN(r2, DADD_RN(-1.98412698298579493134e-04,
                DMUL_RN(r2, DADD_RN(2.75573137070700676789e-06, DMUL_RN(r2, DADD_RN(-2.50507602534068634195e-08,
                DMUL_RN(r2, 1.58969099521155010221e-10))))))));
        v = DADD_RN(r, DMUL_RN(DMUL_RN(r, r2), DADD_RN(-1.66666666666666324348e-01, DMUL_RN(r2, s))));
    } else {
        f64 c = DADD_RN(-1.38888888888741095749e-03, DMUL_RN(r2, DADD_RN(2.48015872894767294178e-05,
                DMUL_RN(r2, DADD_RN(-2.75573143513906633035e-07, DMUL_RN(r2, DADD_RN(2.08757232129817482790e-09,
                DMUL_RN(r2, -1.13596475577881948265e-11))))))));
        v = DADD_RN(DADD_RN(1.0, -DMUL_RN(0.5, r2)), DMUL_RN(DMUL_RN(r2, r2), DADD_RN(4.16666666666666019037e-02,
                DMUL_RN(r2, c))));
    }
    return TO_F32(q >= 2 ? -v : v);
}

/* FunctionTarget.apply; `near` (a constant where it is inlined) leaves out float sin's slow path (fused trainer). */
DEVICE float function_target_of(int f, float x, int near) {
    if (f == FN_ABS) return FABS(x);
    float t = 5.0f * x;
    float s = near || FABS(t) < SIN_NEAR_LIMIT ? sin_near(t) : FSIN(t);
    if (f == FN_XSIN5X) return MUL_RN(x, s);
    return ADD_RN(x > 0.0f ? 1.0f : 0.0f, MUL_RN(0.2f, s));
}

DEVICE float function_target(int f, float x) {
    return function_target_of(f, x, 0);
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
