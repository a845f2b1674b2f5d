/*
 * philox.h - Philox4x32-10 (Salmon et al., SC'11) and what relulab builds on it; twins of random/Philox.java,
 * random/RandomStream.java and random/KeyedPermutation.java, bit for bit.
 *
 *   philox_block:   counter (c0..c3), key (k0, k1) -> four 32-bit words.
 *   stream_bits:    element i of stream (seed, network, word2) on attempt a reads word i & 3 of the block with counter
 *                   (i >> 2, network, word2, a); word2 = purpose | sub << 8.
 *   unit_float:     top 24 bits times 2^-24, exact in float, in [0, 1).
 *   perm_*:         a 4-round balanced Feistel network on the smallest even bit count covering n (at least 2), round
 *                   keys = Philox block (0, network, SHUFFLE | epoch << 8, 0) under the seed, round function
 *                   lowbias32, cycle walking back into [0, n).
 *
 * Helpers only (no kernels); every thread computes what it needs from counters, so nothing is stored or shared.
 * v1: plain 32-bit integer math (mul_hi / __umulhi).
 */
#ifndef RELULAB_PHILOX_H
#define RELULAB_PHILOX_H

#include "portable.h"

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u
#define PURPOSE_SHUFFLE 5

DEVICE void philox_block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint *out) {
    UNROLL for (int r = 0; r < 10; r++) {
        uint hi0 = MULHI_U32(PHILOX_M0, c0), lo0 = PHILOX_M0 * c0;
        uint hi1 = MULHI_U32(PHILOX_M1, c2), lo1 = PHILOX_M1 * c2;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += PHILOX_W0;
        k1 += PHILOX_W1;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
}

/* Word i & 3 of a block, chosen with constant indices (a dynamic index would put the block on the stack). */
DEVICE uint philox_pick(const uint *blk, uint i) {
    return (i & 2u) != 0u ? ((i & 1u) != 0u ? blk[3] : blk[2]) : ((i & 1u) != 0u ? blk[1] : blk[0]);
}

DEVICE uint stream_bits(uint seed_lo, uint seed_hi, int network, uint word2, uint i, uint attempt) {
    uint blk[4];
    philox_block(i >> 2, (uint) network, word2, attempt, seed_lo, seed_hi, blk);
    return philox_pick(blk, i);
}

DEVICE float unit_float(uint bits) {
    return (float) (bits >> 8) * 5.9604644775390625e-8f;
}

/* lowbias32: an integer hash that every backend computes identically. */
DEVICE uint perm_mix(uint x) {
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

/* The four round keys of the keyed permutation for (seed, network, epoch): one Philox block. */
DEVICE void perm_keys(uint seed_lo, uint seed_hi, int network, int epoch, uint *keys) {
    philox_block(0u, (uint) network, (uint) PURPOSE_SHUFFLE | ((uint) epoch << 8), 0u, seed_lo, seed_hi, keys);
}

/* The keyed permutation of [0, n) with round keys from perm_keys, applied to one position. */
DEVICE int perm_apply_keys(const uint *keys, int n, int position) {
    int bits = 32 - CLZ_U32((uint) (n - 1));
    if (bits < 2) bits = 2;
    if (bits & 1) bits++;
    int halfBits = bits / 2;
    uint mask = (1u << halfBits) - 1u;
    uint x = (uint) position;
    do {
        uint left = x >> halfBits, right = x & mask;
        UNROLL for (int r = 0; r < 4; r++) {
            uint next = left ^ (perm_mix(right ^ keys[r]) & mask);
            left = right;
            right = next;
        }
        x = (left << halfBits) | right;
    } while (x >= (uint) n);
    return (int) x;
}

/* The keyed permutation of [0, n) for (seed, network, epoch), applied to one position. */
DEVICE int perm_apply(uint seed_lo, uint seed_hi, int network, int epoch, int n, int position) {
    uint keys[4];
    perm_keys(seed_lo, seed_hi, network, epoch, keys);
    return perm_apply_keys(keys, n, position);
}

#endif
