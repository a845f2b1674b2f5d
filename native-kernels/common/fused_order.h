/*
 * fused_order.h - fused_order_key: the sort key that groups a chunk's networks by the path the one-lane fused
 * trainer will take. In a warp of the one-lane kernel every network runs its own control flow, so one alive network
 * makes the other 31 wait through the full path; sorted by this key (lowest first, so the alive networks' long work
 * starts first), born-dead networks share warps with networks dead from the same layer (engine/FusedOrder.java sorts,
 * and is the twin of this kernel). The key only orders: every
 * network computes the same bits wherever it runs.
 *
 * key[e] = the highest hidden layer h (1..hidden) whose units are all <= 0 on each of the first K training points of
 * network netBase + e at its initial parameters (init [P][E], fused_init's layout: per layer W [nOut][nIn], then b),
 * ReLU, or 0 when there is none. A layer dead on every training point is dead on these K, so every born-dead network
 * gets its probe's h or a higher one; a few alive networks may get one too (they cost time, not bits).
 * Launch: 1-D, one item per network, total = E; reads init with e fastest (coalesced), widths up to FO_MAX_WIDTH
 * (wider networks get 0); each item evaluates K points through the layers.
 */
#ifndef RELULAB_FUSED_ORDER_H
#define RELULAB_FUSED_ORDER_H

#include "fused_common.h"

#define FO_MAX_WIDTH 16

KERNEL void fused_order_key(int E, int netBase, uint seedLo, uint seedHi, int width, int hidden, int K, float lo,
                            float hi, GLOBAL const float *RESTRICT init, GLOBAL int *RESTRICT key) {
    int e = GLOBAL_ID;
    if (e >= E) return;
    if (width > FO_MAX_WIDTH || hidden > 32) {
        key[e] = 0;
        return;
    }
    int net = netBase + e;
    uint seen = 0u; /* bit h - 1: hidden layer h had a positive unit on some point */
    for (int i = 0; i < K; i++) {
        float a[FO_MAX_WIDTH], z[FO_MAX_WIDTH];
        a[0] = fv_point(seedLo, seedHi, net, FV_PURPOSE_TRAIN, i, lo, hi);
        int off = 0, nIn = 1;
        for (int l = 1; l <= hidden; l++) {
            int positive = 0;
            for (int j = 0; j < width; j++) {
                float s = 0.0f;
                for (int k = 0; k < nIn; k++) s = ADD_RN(s, MUL_RN(init[(off + j * nIn + k) * E + e], a[k]));
                z[j] = ADD_RN(s, init[(off + width * nIn + j) * E + e]);
                positive |= z[j] > 0.0f;
            }
            for (int j = 0; j < width; j++) a[j] = z[j] > 0.0f ? z[j] : 0.0f;
            if (positive) seen |= 1u << (l - 1);
            off += (nIn + 1) * width;
            nIn = width;
        }
    }
    int h = 0;
    for (int l = 1; l <= hidden; l++) {
        if (!((seen >> (l - 1)) & 1u)) h = l;
    }
    key[e] = h;
}

#endif
