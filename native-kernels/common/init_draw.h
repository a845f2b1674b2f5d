/*
 * init_draw.h - the draws of nn/Initializer for one element or one RAI unit, with nn/Sampling's forms and
 * parameters; shared by the init kernels (init.h) and the fused trainer (fused_init in fused_common.h). Twins of
 * Initializer.draw/rai and RandomStream.normal: math in f64 (double where the device has it), rounded once, with
 * the double multiply and add kept apart (DMUL_RN, DADD_RN) as Java keeps them.
 *
 *   draw_normal:  RandomStream.normal(k, attempt), Box-Muller on stream elements 2k and 2k + 1.
 *   draw_element: element k in form CONSTANT (p0), UNIFORM (p0 + (p1 - p0) u_k), NORMAL (p0 + p1 z_k) or
 *                 TRUNCATED_NORMAL (p0 z_k, z_k redrawn on attempts 1..63 while |z_k| > 2).
 *   rai_slot / rai_value: unit j of Lu et al.'s RAI: the slot (fanIn = the bias) holding the Beta(2,1) draw, and the
 *                 value of slot i. Unit j owns normal pairs j * (fanIn + 2) + i, i in [0, fanIn]: pair i is slot i's
 *                 normal, the last pair's two words are the slot index and the Beta value, so no word serves two
 *                 draws (Initializer.rai; InitializerWordsTest).
 *
 * Helpers only (no kernels).
 */
#ifndef RELULAB_INIT_DRAW_H
#define RELULAB_INIT_DRAW_H

#include "portable.h"
#include "philox.h"

#define INIT_CONSTANT 0
#define INIT_UNIFORM 1
#define INIT_NORMAL 2
#define INIT_TRUNCATED 3
#define INIT_RAI 4
#define INIT_MAX_ATTEMPTS 64u
#define INIT_TWO_PI 6.283185307179586

/* RandomStream.toUnitOpenZero: (0, 1], never zero, for the logarithm. */
DEVICE float unit_float_open_zero(uint bits) {
    return (float) ((bits >> 8) + 1u) * 5.9604644775390625e-8f;
}

DEVICE float draw_normal(uint seedLo, uint seedHi, int net, uint word2, uint k, uint attempt) {
    float u1 = unit_float_open_zero(stream_bits(seedLo, seedHi, net, word2, 2u * k, attempt));
    float u2 = unit_float(stream_bits(seedLo, seedHi, net, word2, 2u * k + 1u, attempt));
    f64 r = DSQRT(DMUL_RN((f64) -2.0, DLOG((f64) u1)));
    return TO_F32(DMUL_RN(r, DCOS(DMUL_RN((f64) INIT_TWO_PI, (f64) u2))));
}

DEVICE float draw_element(int form, f64 p0, f64 p1, uint seedLo, uint seedHi, int net, uint word2, uint k) {
    if (form == INIT_CONSTANT) return TO_F32(p0);
    if (form == INIT_UNIFORM) {
        f64 u = (f64) unit_float(stream_bits(seedLo, seedHi, net, word2, k, 0u));
        return TO_F32(DADD_RN(p0, DMUL_RN(DADD_RN(p1, -p0), u)));
    }
    if (form == INIT_NORMAL) {
        return TO_F32(DADD_RN(p0, DMUL_RN(p1, (f64) draw_normal(seedLo, seedHi, net, word2, k, 0u))));
    }
    float z = draw_normal(seedLo, seedHi, net, word2, k, 0u);
    for (uint attempt = 1u; FABS(z) > 2.0f && attempt < INIT_MAX_ATTEMPTS; attempt++) {
        z = draw_normal(seedLo, seedHi, net, word2, k, attempt);
    }
    return TO_F32(DMUL_RN(p0, (f64) z));
}

/* Unit j's first normal pair; its last pair (first + fanIn + 1) holds the slot index and the Beta value. */
DEVICE uint rai_first_pair(int j, int fanIn) {
    return (uint) j * (uint) (fanIn + 2);
}

/* The slot takes a float product truncated to int, as Java's (long) (uniform * rowLen). */
DEVICE int rai_slot(uint seedLo, uint seedHi, int net, uint word2, int j, int fanIn) {
    int rowLen = fanIn + 1;
    uint last = 2u * (rai_first_pair(j, fanIn) + (uint) rowLen);
    float u = unit_float(stream_bits(seedLo, seedHi, net, word2, last, 0u));
    int k = (int) MUL_RN(u, (float) rowLen);
    return k > fanIn ? fanIn : k;
}

DEVICE float rai_value(f64 std, uint seedLo, uint seedHi, int net, uint word2, int j, int fanIn, int i, int slot) {
    uint first = rai_first_pair(j, fanIn);
    if (i == slot) {
        uint bits = stream_bits(seedLo, seedHi, net, word2, 2u * (first + (uint) (fanIn + 1)) + 1u, 0u);
        return TO_F32(DSQRT((f64) unit_float_open_zero(bits)));
    }
    return TO_F32(DMUL_RN(std, (f64) draw_normal(seedLo, seedHi, net, word2, first + (uint) i, 0u)));
}

#endif
