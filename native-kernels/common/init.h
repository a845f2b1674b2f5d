/*
 * init.h - initial weights and biases drawn on the device (Engine.initWeights, Engine.initBiases); twins of
 * nn/Initializer.java and random/RandomStream.normal, with nn/Sampling's forms and parameters.
 *
 *   init_params: element k of network e's tensor (perNet elements) from stream (seed, netBase + e, purpose, sub):
 *                UNIFORM (float) (p0 + (p1 - p0) u_k); NORMAL (float) (p0 + p1 z_k); TRUNCATED (float) (p0 z_k) with
 *                z_k redrawn on attempts 1..63 while |z_k| > 2. z_k is Box-Muller on stream elements 2k, 2k + 1 (one
 *                Philox block, counter k >> 1), computed in double and rounded once, as Java does.
 *                Launch: 1-D, one item per element, total = E*perNet. Memory: one coalesced store per item.
 *   init_rai:    Lu et al.'s RAI, one item per unit (e, j): row j of w and b[j] from stream elements starting at
 *                j * (fanIn + 3). Launch: 1-D, total = E*fanOut. Memory: each item writes its own row (strided; a
 *                one-off pass).
 *
 * Needs double precision (cl_khr_fp64 on OpenCL; relulab.cl includes this file only where the device has it).
 * Uniform and constant values are bit-identical to Java (separately rounded double multiply and add). Normal values
 * round a double sqrt/log/cos that may differ from StrictMath's by an ulp or two of double, which after rounding
 * to float is nearly always the same float and at most one float ulp apart.
 * v1 only.
 */
#ifndef RELULAB_INIT_H
#define RELULAB_INIT_H

#include "portable.h"
#include "philox.h"

#define INIT_UNIFORM 1
#define INIT_NORMAL 2
#define INIT_TRUNCATED 3
#define INIT_MAX_ATTEMPTS 64u

/* RandomStream.toUnitOpenZero: (0, 1], never zero, for the logarithm. */
DEVICE float unit_float_open_zero(uint bits) {
    return (float) ((bits >> 8) + 1u) * 5.9604644775390625e-8f;
}

/* RandomStream.normal(k, attempt): words 2k and 2k + 1 share the Philox block with counter k >> 1. */
DEVICE float init_normal(uint seedLo, uint seedHi, int network, uint word2, uint k, uint attempt) {
    uint blk[4];
    philox_block(k >> 1, (uint) network, word2, attempt, seedLo, seedHi, blk);
    uint w = (k & 1u) * 2u;
    double u1 = (double) unit_float_open_zero(blk[w]);
    double u2 = (double) unit_float(blk[w + 1u]);
    double r = DMUL_RN(sqrt(DMUL_RN(-2.0, log(u1))), cos(DMUL_RN(2.0 * 3.141592653589793, u2)));
    return (float) r;
}

KERNEL void init_params(int form, double p0, double p1, uint seedLo, uint seedHi, int netBase, int E, int purpose,
                        int sub, int perNet, GLOBAL float *RESTRICT dst) {
    int gid = GLOBAL_ID;
    if (gid >= E * perNet) return;
    int e = gid / perNet;
    uint k = (uint) (gid - e * perNet);
    int net = netBase + e;
    uint word2 = (uint) purpose | ((uint) sub << 8);
    double v;
    if (form == INIT_UNIFORM) {
        double u = (double) unit_float(stream_bits(seedLo, seedHi, net, word2, k, 0u));
        v = DADD_RN(p0, DMUL_RN(p1 - p0, u));
    } else if (form == INIT_NORMAL) {
        v = DADD_RN(p0, DMUL_RN(p1, (double) init_normal(seedLo, seedHi, net, word2, k, 0u)));
    } else {
        float z = init_normal(seedLo, seedHi, net, word2, k, 0u);
        for (uint attempt = 1u; FABS(z) > 2.0f && attempt < INIT_MAX_ATTEMPTS; attempt++) {
            z = init_normal(seedLo, seedHi, net, word2, k, attempt);
        }
        v = DMUL_RN(p0, (double) z);
    }
    dst[gid] = (float) v;
}

KERNEL void init_rai(double std, uint seedLo, uint seedHi, int netBase, int E, int purpose, int sub, int fanIn,
                     int fanOut, GLOBAL float *RESTRICT w, GLOBAL float *RESTRICT b) {
    int gid = GLOBAL_ID;
    if (gid >= E * fanOut) return;
    int e = gid / fanOut, j = gid - e * fanOut;
    int net = netBase + e;
    uint word2 = (uint) purpose | ((uint) sub << 8);
    int rowLen = fanIn + 1;
    uint base = (uint) j * (uint) (rowLen + 2);
    /* float product, truncated, as Java's (long) (uniform * rowLen) */
    float u = unit_float(stream_bits(seedLo, seedHi, net, word2, base + (uint) rowLen, 0u));
    int k = (int) (u * (float) rowLen);
    if (k > fanIn) k = fanIn;
    float beta21 = (float) sqrt((double) unit_float_open_zero(
            stream_bits(seedLo, seedHi, net, word2, base + (uint) rowLen + 1u, 0u)));
    for (int i = 0; i < rowLen; i++) {
        float v = i == k ? beta21
                : (float) DMUL_RN(std, (double) init_normal(seedLo, seedHi, net, word2, base + (uint) i, 0u));
        if (i < fanIn) {
            w[gid * fanIn + i] = v;
        } else {
            b[gid] = v;
        }
    }
}

#endif
