/*
 * init.h - initial weights and biases drawn on the device (Engine.initWeights, Engine.initBiases); twins of
 * nn/Initializer.java and random/RandomStream.normal, with nn/Sampling's forms and parameters.
 *
 *   init_params: element k of network e's tensor (perNet elements) from stream (seed, netBase + e, purpose, sub):
 *                UNIFORM (float) (p0 + (p1 - p0) u_k); NORMAL (float) (p0 + p1 z_k); TRUNCATED (float) (p0 z_k) with
 *                z_k redrawn on attempts 1..63 while |z_k| > 2. z_k is Box-Muller on stream elements 2k, 2k + 1 (one
 *                Philox block, counter k >> 1), computed in double and rounded once, as Java does.
 *                Launch: 1-D, one item per element, total = E*perNet. Memory: one coalesced store per item.
 *   init_rai:    Lu et al.'s RAI, one item per unit (e, j): row j of w and b[j] from normal pairs starting at
 *                j * (fanIn + 2) (init_draw.h). Launch: 1-D, total = E*fanOut. Memory: each item writes its own row (strided; a
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

#include "init_draw.h"

KERNEL void init_params(int form, double p0, double p1, uint seedLo, uint seedHi, int netBase, int E, int purpose,
                        int sub, int perNet, GLOBAL float *RESTRICT dst) {
    int gid = GLOBAL_ID;
    if (gid >= E * perNet) return;
    int e = gid / perNet;
    uint k = (uint) (gid - e * perNet);
    int net = netBase + e;
    uint word2 = (uint) purpose | ((uint) sub << 8);
    dst[gid] = draw_element(form, p0, p1, seedLo, seedHi, net, word2, k);
}

KERNEL void init_rai(double std, uint seedLo, uint seedHi, int netBase, int E, int purpose, int sub, int fanIn,
                     int fanOut, GLOBAL float *RESTRICT w, GLOBAL float *RESTRICT b) {
    int gid = GLOBAL_ID;
    if (gid >= E * fanOut) return;
    int e = gid / fanOut, j = gid - e * fanOut;
    int net = netBase + e;
    uint word2 = (uint) purpose | ((uint) sub << 8);
    int slot = rai_slot(seedLo, seedHi, net, word2, j, fanIn);
    for (int i = 0; i < fanIn; i++) {
        w[gid * fanIn + i] = rai_value(std, seedLo, seedHi, net, word2, j, fanIn, i, slot);
    }
    b[gid] = rai_value(std, seedLo, seedHi, net, word2, j, fanIn, fanIn, slot);
}

#endif
