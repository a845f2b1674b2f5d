/*
 * dead_mask.h - dead-unit bookkeeping and collapse statistics, as the CPU engine:
 *   reduce_dead   (Engine.reduceDead)   dead[e*layers + layer] = #units with alive == 0; with everDead non-NULL,
 *                 first revived[e*layers + layer] = #units alive now that everDead marks (when revived is non-NULL),
 *                 then everDead |= !alive.  One work item per network, total = E, loops over the n units.
 *   abs_sum       (Engine.absSum)       sums[e][j] += sum_b |a[e][b][j]|.  One item per (e, j), total = E*n.
 *   dormant_mask  (Engine.dormantMask)  alive[e][j] = sums[e][j] > tau * mean_j(sums[e]).  One item per network.
 *   output_stats  (Engine.outputStats)  stats[e][c] = (ref, all-equal, sum(v - ref), sum((v - ref)^2)); on first
 *                 the reference is v[e][0][c] and the flag starts at 1.  One item per (e, c), total = E*n.
 * Every sum runs in the CPU engine's order, so these match it bit for bit (no contraction).
 */
#ifndef RELULAB_DEAD_MASK_H
#define RELULAB_DEAD_MASK_H

#include "portable.h"

KERNEL void reduce_dead(int E, int n, GLOBAL const int *RESTRICT alive, GLOBAL int *RESTRICT everDead,
                        GLOBAL int *RESTRICT dead, GLOBAL int *RESTRICT revived, int layers, int layer) {
    int e = GLOBAL_ID;
    if (e >= E) return;
    int count = 0, back = 0;
    for (int j = e * n; j < (e + 1) * n; j++) {
        int isDead = alive[j] == 0;
        count += isDead;
        if (everDead != 0) {
            if (!isDead && everDead[j] != 0) back++;
            if (isDead) everDead[j] = 1;
        }
    }
    dead[e * layers + layer] = count;
    if (everDead != 0 && revived != 0) revived[e * layers + layer] = back;
}

KERNEL void abs_sum(int E, int B, int n, GLOBAL const float *RESTRICT a, GLOBAL float *RESTRICT sums) {
    int gid = GLOBAL_ID;
    if (gid >= E * n) return;
    int j = gid % n, e = gid / n;
    float acc = sums[gid];
    for (int s = 0; s < B; s++) acc += FABS(a[(e * B + s) * n + j]);
    sums[gid] = acc;
}

KERNEL void dormant_mask(int E, int n, GLOBAL const float *RESTRICT sums, float tau, GLOBAL int *RESTRICT alive) {
    int e = GLOBAL_ID;
    if (e >= E) return;
    float mean = 0.0f;
    for (int j = 0; j < n; j++) mean += sums[e * n + j];
    mean /= n;
    float limit = tau * mean;
    for (int j = 0; j < n; j++) alive[e * n + j] = sums[e * n + j] > limit ? 1 : 0;
}

KERNEL void output_stats(int E, int B, int n, GLOBAL const float *RESTRICT v, GLOBAL float *RESTRICT stats,
                         int first) {
    int gid = GLOBAL_ID;
    if (gid >= E * n) return;
    int c = gid % n, e = gid / n;
    GLOBAL float *st = stats + gid * 4;
    if (first) {
        st[0] = v[e * B * n + c];
        st[1] = 1.0f;
        st[2] = 0.0f;
        st[3] = 0.0f;
    }
    float ref = st[0], sum = st[2], sq = st[3];
    int equal = st[1] != 0.0f;
    for (int s = 0; s < B; s++) {
        float val = v[(e * B + s) * n + c];
        if (!(val == ref)) equal = 0;
        float d = val - ref;
        sum += d;
        sq += d * d;
    }
    st[1] = equal ? 1.0f : 0.0f;
    st[2] = sum;
    st[3] = sq;
}

#endif
