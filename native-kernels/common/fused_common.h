/*
 * fused_common.h - the parts of the fused trainer (fused_v2.h) that do not depend on a variant's shape: the
 * fused_init kernel (every network's initial parameters), one training or test point, one optimizer step on one
 * parameter, the output statistics, the dead-unit bookkeeping. Each is the twin of the CPU engine's operation,
 * rounded the same way (MUL_RN / ADD_RN, so nvcc cannot contract a product and a sum into an FMA).
 */
#ifndef RELULAB_FUSED_COMMON_H
#define RELULAB_FUSED_COMMON_H

#include "portable.h"
#include "philox.h"
#include "init_draw.h"
#include "activations.h"
#include "data.h"
#include "optimizer.h"

#define FV_INIT_INTS 7
#define FV_PURPOSE_WEIGHTS 1
#define FV_PURPOSE_BIASES 2
#define FV_PURPOSE_TRAIN 3
#define FV_PURPOSE_TEST 4
#define FV_STATS 9

typedef struct {
    int form;
    f64 p0, p1;
} fv_init;

/* One initialiser of the spec: form, p0 and p1 as (hi, lo) words of the double, then both as float bits. */
DEVICE fv_init fv_read_init(GLOBAL const int *s) {
    fv_init r;
    r.form = s[0];
    r.p0 = F64_FROM_BITS(s[1], s[2], s[5]);
    r.p1 = F64_FROM_BITS(s[3], s[4], s[6]);
    return r;
}

/*
 * fused_init: the initial weights and biases of every network of the chunk, as ChunkTrainer's initBiases then
 * initWeights leave them (RAI writes the biases too), for the fused trainer to read: element k of network e (the
 * layout of fused_v2.h: per layer W [nOut][nIn] then b) at init[k * E + e].
 * Launch: 1-D, one item per (k, e), total = P * E, e fastest (coalesced stores); spec as fused_v2.
 */
KERNEL void fused_init(int E, int netBase, uint seedLo, uint seedHi, GLOBAL const int *RESTRICT spec, int P,
                       GLOBAL float *RESTRICT init) {
    int gid = GLOBAL_ID;
    if (gid >= P * E) return;
    int k = gid / E, e = gid - k * E, net = netBase + e;
    int L = spec[0], l = 1, off = 0;
    while (l < L && k >= off + (spec[l] + 1) * spec[l + 1]) {
        off += (spec[l] + 1) * spec[l + 1];
        l++;
    }
    int fanIn = spec[l], r = k - off;
    int j = r < fanIn * spec[l + 1] ? r / fanIn : r - fanIn * spec[l + 1];
    int i = r < fanIn * spec[l + 1] ? r % fanIn : fanIn;
    GLOBAL const int *inits = spec + L + 2;
    fv_init w = fv_read_init(inits + (l - 1) * FV_INIT_INTS);
    uint wWord = (uint) FV_PURPOSE_WEIGHTS | ((uint) l << 8);
    float v;
    if (w.form == INIT_RAI) {
        v = rai_value(w.p0, seedLo, seedHi, net, wWord, j, fanIn, i, rai_slot(seedLo, seedHi, net, wWord, j, fanIn));
    } else if (i < fanIn) {
        v = draw_element(w.form, w.p0, w.p1, seedLo, seedHi, net, wWord, (uint) (j * fanIn + i));
    } else {
        fv_init b = fv_read_init(inits + L * FV_INIT_INTS);
        v = draw_element(b.form, b.p0, b.p1, seedLo, seedHi, net, (uint) FV_PURPOSE_BIASES | ((uint) l << 8),
                         (uint) j);
    }
    init[gid] = v;
}

/* Point i of a network's training or test set: x = lo + (hi - lo) u, as function_points. */
DEVICE float fv_point(uint seedLo, uint seedHi, int net, int purpose, int i, float lo, float hi) {
    float u = unit_float(stream_bits(seedLo, seedHi, net, (uint) purpose, (uint) i, 0u));
    return ADD_RN(lo, MUL_RN(hi - lo, u));
}

/* Point i from a Philox block already drawn for points i & ~3 .. i | 3 (probe and test passes walk them in order). */
DEVICE float fv_point_of(const uint *blk, int i, float lo, float hi) {
    return ADD_RN(lo, MUL_RN(hi - lo, unit_float(philox_pick(blk, (uint) i))));
}

/* Engine.optimizerStep on one parameter; s1 / s2 are its state (unused ones untouched). Returns the new value. */
DEVICE float fv_step(int kind, float momentum, float beta1, float beta2, float epsilon, float rate, float correction,
                     float p, float g, LOCAL_PTR float *s1, LOCAL_PTR float *s2) {
    if (kind == OPT_SGD) return ADD_RN(p, -MUL_RN(rate, g));
    if (kind == OPT_MOMENTUM) {
        float v = ADD_RN(MUL_RN(momentum, *s1), -MUL_RN(rate, g));
        *s1 = v;
        return ADD_RN(p, v);
    }
    float m = ADD_RN(*s1, MUL_RN(ADD_RN(g, -*s1), 1.0f - beta1));
    float v = ADD_RN(*s2, MUL_RN(ADD_RN(MUL_RN(g, g), -*s2), 1.0f - beta2));
    *s1 = m;
    *s2 = v;
    float step = MUL_RN(rate, correction);
    return ADD_RN(p, -(MUL_RN(step, m) / ADD_RN(FSQRT(v), epsilon)));
}

/* dz of hidden unit (l, j) from dA (ActivationLoops.backward), and PReLU's dL/dslope term (-0 when z > 0: none). */
DEVICE float fv_unit_dz(int act, float zj, float da, float slope, float *slopeTerm) {
    *slopeTerm = zj <= 0.0f ? MUL_RN(da, zj) : -0.0f;
    if (act == ACT_RELU) return zj > 0.0f ? da : 0.0f;
    if (act == ACT_LEAKY_RELU || act == ACT_PRELU) return zj > 0.0f ? da : MUL_RN(slope, da);
    return MUL_RN(da, act_derivative(act, zj, slope));
}

/* output_stats for one value: reference (first value), all-equal flag, sum of v - ref, sum of its squares. */
DEVICE void fv_stats_add(float *st, float v, int first) {
    if (first) {
        st[0] = v;
        st[1] = 1.0f;
        st[2] = 0.0f;
        st[3] = 0.0f;
    }
    if (!(v == st[0])) st[1] = 0.0f;
    float d = v - st[0];
    st[2] = ADD_RN(st[2], d);
    st[3] = ADD_RN(st[3], MUL_RN(d, d));
}

/* A network's last results: diverged flag and skipped steps at `flags`, loss sum and output statistics at `st`. */
DEVICE void fv_results(GLOBAL int *flags, int diverged, int skipped, GLOBAL float *st, float lossSum,
                       const float *pred, const float *target) {
    flags[0] = diverged;
    flags[1] = skipped;
    st[0] = lossSum;
    for (int c = 0; c < 4; c++) {
        st[1 + c] = pred[c];
        st[5 + c] = target[c];
    }
}

/* Dead, revived and ever-dead bookkeeping of one layer (reduce_dead): alive bits in, counts out. */
DEVICE void fv_count_layer(uint alive, int width, uint *everDead, int *dead, int *revived) {
    uint all = width >= 32 ? 0xFFFFFFFFu : (1u << width) - 1u;
    uint deadBits = ~alive & all;
    int count = 0, back = 0;
    for (int j = 0; j < width; j++) {
        count += (int) ((deadBits >> j) & 1u);
        back += (int) ((alive >> j) & (*everDead >> j) & 1u);
    }
    *everDead |= deadBits;
    *dead = count;
    *revived = back;
}

#endif
