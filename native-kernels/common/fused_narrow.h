/*
 * fused_narrow.h - a whole narrow network's training in one launch (Engine.trainFused), in the spirit of
 * tiny-cuda-nn's fully fused MLP: initialisation, the initial probe, every epoch's minibatches (forward, MSE loss,
 * backward, optimizer step), the per-epoch probes, the final probe and the test pass, for a function-target data
 * source (1 input, 1 output). It reproduces train/ChunkTrainer.java on the op-by-op kernels step for step:
 *   - init: element k of W (layer l) from stream (seed, net, WEIGHTS, l) element k, biases from (.., BIASES, l), in the
 *     forms of nn/Initializer.java (Box-Muller in double over elements 2k, 2k+1, truncated normal redrawn on attempts
 *     1..63, RAI), PReLU slopes = alpha, optimizer state 0;
 *   - data: point i of a network is x = lo + (hi - lo) u(seed, net, purpose, i) (as function_points); minibatch
 *     positions map through the keyed permutation of the epoch (round keys computed once per epoch);
 *   - sums in the CPU engine's order: z = b + sum_k w x (k ascending), dW and db over the batch examples s
 *     ascending (the examples of a minibatch are streamed one at a time and their gradients accumulated in order),
 *     dX = sum_j w dz (j ascending); the loss sum over the batch in double as the CPU; gradient = batch mean;
 *   - every product and sum is rounded separately (MUL_RN / ADD_RN), so nvcc cannot contract them into FMAs: the
 *     same bits as the CPU wherever the math is + - * / sqrt (ReLU, Leaky ReLU, PReLU; sgd, momentum, adam);
 *   - a network whose batch-mean loss is NaN or infinite is marked diverged and never updated again (its later
 *     losses are still summed, as on the CPU);
 *   - Adam's bias correction per step t comes from `corrections[t - 1]`, computed by Optimizer.biasCorrection in Java
 *     (double pow and sqrt rounded to float), so it is the CPU's float exactly.
 *
 * Launch: 1-D, one work item per network, total = E; any group size (64 is fine).
 * Memory: everything a network needs is private to its work item (parameters, gradients, optimizer state, the
 *   activations of one example, dead-unit bits): nothing per step touches global memory. Reads: the small `spec`
 *   and `corrections` buffers (the same for every item) and lr[e]. Writes: the results, once (counts after the
 *   initial probe and at the end, stats at the end).
 * Limits: widths <= FN_MAX_WIDTH, dense layers <= FN_MAX_LAYERS, parameters (W, b, PReLU slopes) <= FN_MAX_PARAMS;
 *   larger networks use the op-by-op kernels (FusedNetwork.java mirrors these constants).
 *
 * spec (int): [0] L, [1 .. L+1] widths n0..nL, then one initialiser per layer l = 1..L and one for the biases, each
 *   FN_INIT_INTS ints: form, p0 (hi word, lo word of the double), p1 (hi, lo), p0 and p1 as float bits (devices
 *   without fp64).
 * counts [E][3H + 1]: dead units per hidden layer at the start, at the end, revived at the end, diverged flag.
 * stats [E][9]: lossSum of the last epoch, prediction stats (ref, all-equal, sum d, sum d^2) and target stats on the
 *   test set, as output_stats.
 *
 * v1: one work item per network (latency-bound for small E; a work group per network is the next version).
 */
#ifndef RELULAB_FUSED_NARROW_H
#define RELULAB_FUSED_NARROW_H

#include "portable.h"
#include "philox.h"
#include "init_draw.h"
#include "activations.h"
#include "data.h"
#include "optimizer.h"

#define FN_MAX_WIDTH 16
#define FN_MAX_LAYERS 17
#define FN_MAX_PARAMS 1024
#define FN_MAX_UNITS (FN_MAX_LAYERS * FN_MAX_WIDTH)
#define FN_INIT_INTS 7

#define FN_PURPOSE_WEIGHTS 1
#define FN_PURPOSE_BIASES 2
#define FN_PURPOSE_TRAIN 3
#define FN_PURPOSE_TEST 4

typedef struct {
    int L, act;
    float alpha;
    int width[FN_MAX_LAYERS + 1];
    int wOff[FN_MAX_LAYERS + 1], bOff[FN_MAX_LAYERS + 1], sOff[FN_MAX_LAYERS + 1];
    float p[FN_MAX_PARAMS];
    float z[FN_MAX_LAYERS + 1][FN_MAX_WIDTH];
    float a[FN_MAX_LAYERS + 1][FN_MAX_WIDTH];
} fn_net;

typedef struct {
    int form;
    f64 p0, p1;
} fn_init;

DEVICE fn_init fn_read_init(GLOBAL const int *s) {
    fn_init r;
    r.form = s[0];
    r.p0 = F64_FROM_BITS(s[1], s[2], s[5]);
    r.p1 = F64_FROM_BITS(s[3], s[4], s[6]);
    return r;
}

/* Initializer.fillBiases / fillWeights for one layer; the RAI form also writes the biases. */
DEVICE void fn_fill(fn_init in, uint seedLo, uint seedHi, int net, uint word2, int fanIn, int fanOut, float *w,
                    float *bias) {
    if (in.form == INIT_RAI) {
        for (int j = 0; j < fanOut; j++) {
            int slot = rai_slot(seedLo, seedHi, net, word2, j, fanIn);
            for (int i = 0; i < fanIn; i++) {
                w[j * fanIn + i] = rai_value(in.p0, seedLo, seedHi, net, word2, j, fanIn, i, slot);
            }
            bias[j] = rai_value(in.p0, seedLo, seedHi, net, word2, j, fanIn, fanIn, slot);
        }
        return;
    }
    for (int k = 0; k < fanIn * fanOut; k++) {
        w[k] = draw_element(in.form, in.p0, in.p1, seedLo, seedHi, net, word2, (uint) k);
    }
}

DEVICE float fn_point(uint seedLo, uint seedHi, int net, int purpose, int i, float lo, float hi) {
    float u = unit_float(stream_bits(seedLo, seedHi, net, (uint) purpose, (uint) i, 0u));
    return ADD_RN(lo, MUL_RN(hi - lo, u));
}

DEVICE float fn_slope(const fn_net *n, int l, int j) {
    return n->sOff[l] >= 0 ? n->p[n->sOff[l] + j] : n->alpha;
}

/* One example forward; with `alive`, ORs phi'(z) != 0 per hidden unit; with `sums`, adds |a| per hidden unit. */
DEVICE void fn_forward(fn_net *n, float x, int *alive, float *sums) {
    n->a[0][0] = x;
    for (int l = 1; l <= n->L; l++) {
        int nIn = n->width[l - 1], nOut = n->width[l];
        int act = l == n->L ? ACT_LINEAR : n->act;
        for (int j = 0; j < nOut; j++) {
            const float *row = n->p + n->wOff[l] + j * nIn;
            float acc = n->p[n->bOff[l] + j];
            for (int k = 0; k < nIn; k++) acc = ADD_RN(acc, MUL_RN(row[k], n->a[l - 1][k]));
            float al = fn_slope(n, l, j);
            float av = act_value(act, acc, al);
            n->z[l][j] = acc;
            n->a[l][j] = av;
            if (l < n->L) {
                int u = (l - 1) * FN_MAX_WIDTH + j;
                if (alive != 0 && act_derivative(act, acc, al) != 0.0f) alive[u] = 1;
                if (sums != 0) sums[u] = ADD_RN(sums[u], FABS(av));
            }
        }
    }
}

/* One example backward from dL/dout, adding its terms to the gradients g (same layout as p). */
DEVICE void fn_backward(fn_net *n, float dOut, float *g) {
    float dA[FN_MAX_WIDTH], dz[FN_MAX_WIDTH];
    dA[0] = dOut;
    for (int l = n->L; l >= 1; l--) {
        int nIn = n->width[l - 1], nOut = n->width[l];
        int act = l == n->L ? ACT_LINEAR : n->act;
        for (int j = 0; j < nOut; j++) {
            float zj = n->z[l][j], da = dA[j];
            if (n->sOff[l] >= 0 && zj <= 0.0f) {
                g[n->sOff[l] + j] = ADD_RN(g[n->sOff[l] + j], MUL_RN(da, zj));
            }
            float d;
            if (act == ACT_LINEAR) d = da;
            else if (act == ACT_RELU) d = zj > 0.0f ? da : 0.0f;
            else d = MUL_RN(da, act_derivative(act, zj, fn_slope(n, l, j)));
            dz[j] = d;
            g[n->bOff[l] + j] = ADD_RN(g[n->bOff[l] + j], d);
            float *gw = g + n->wOff[l] + j * nIn;
            for (int i = 0; i < nIn; i++) gw[i] = ADD_RN(gw[i], MUL_RN(d, n->a[l - 1][i]));
        }
        if (l > 1) {
            const float *w = n->p + n->wOff[l];
            for (int i = 0; i < nIn; i++) {
                float acc = MUL_RN(w[i], dz[0]);
                for (int j = 1; j < nOut; j++) acc = ADD_RN(acc, MUL_RN(w[j * nIn + i], dz[j]));
                dA[i] = acc;
            }
        }
    }
}

/* Engine.optimizerStep on every parameter of the network (elementwise, so one flat pass equals the per-tensor ones). */
DEVICE void fn_update(int kind, float momentum, float beta1, float beta2, float epsilon, float rate, float correction,
                      int P, float *p, const float *g, float *s1, float *s2) {
    for (int k = 0; k < P; k++) {
        float gk = g[k];
        if (kind == OPT_SGD) {
            p[k] = ADD_RN(p[k], -MUL_RN(rate, gk));
        } else if (kind == OPT_MOMENTUM) {
            float v = ADD_RN(MUL_RN(momentum, s1[k]), -MUL_RN(rate, gk));
            s1[k] = v;
            p[k] = ADD_RN(p[k], v);
        } else {
            float m = ADD_RN(s1[k], MUL_RN(ADD_RN(gk, -s1[k]), 1.0f - beta1));
            float v = ADD_RN(s2[k], MUL_RN(ADD_RN(MUL_RN(gk, gk), -s2[k]), 1.0f - beta2));
            s1[k] = m;
            s2[k] = v;
            float step = MUL_RN(rate, correction);
            p[k] = ADD_RN(p[k], -(MUL_RN(step, m) / ADD_RN(FSQRT(v), epsilon)));
        }
    }
}

/* ChunkTrainer.probe: dead units per hidden layer on the training points in stored order (alive bits, or the ReDo
   rule for tau > 0), revived units, and everDead |= dead. */
DEVICE void fn_probe(fn_net *n, uint seedLo, uint seedHi, int net, int nPoints, float lo, float hi, float tau,
                     int *everDead, int *dead, int *revived) {
    int alive[FN_MAX_UNITS];
    float sums[FN_MAX_UNITS];
    int H = n->L - 1;
    for (int u = 0; u < H * FN_MAX_WIDTH; u++) {
        alive[u] = 0;
        sums[u] = 0.0f;
    }
    int redo = tau > 0.0f;
    uint blk[4];
    for (int i = 0; i < nPoints; i++) {
        if ((i & 3) == 0) philox_block((uint) i >> 2, (uint) net, (uint) FN_PURPOSE_TRAIN, 0u, seedLo, seedHi, blk);
        float x = ADD_RN(lo, MUL_RN(hi - lo, unit_float(blk[i & 3])));
        fn_forward(n, x, redo ? 0 : alive, redo ? sums : 0);
    }
    for (int l = 1; l <= H; l++) {
        int w = n->width[l], base = (l - 1) * FN_MAX_WIDTH;
        if (redo) {
            float mean = 0.0f;
            for (int j = 0; j < w; j++) mean = ADD_RN(mean, sums[base + j]);
            mean /= w;
            float limit = MUL_RN(tau, mean);
            for (int j = 0; j < w; j++) alive[base + j] = sums[base + j] > limit ? 1 : 0;
        }
        int count = 0, back = 0;
        for (int j = 0; j < w; j++) {
            int isDead = alive[base + j] == 0;
            count += isDead;
            if (!isDead && everDead[base + j] != 0) back++;
            if (isDead) everDead[base + j] = 1;
        }
        dead[l - 1] = count;
        revived[l - 1] = back;
    }
}

DEVICE void fn_stats_add(float *st, float v, int first) {
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

KERNEL void fused_narrow_train(int E, int netBase, uint seedLo, uint seedHi, GLOBAL const int *RESTRICT spec,
                               int act, float alpha, int optKind, float momentum, float beta1, float beta2,
                               float epsilon, GLOBAL const float *RESTRICT lr, GLOBAL const float *RESTRICT corrections,
                               int fn, float lo, float hi, int nTrain, int nTest, int batch, int epochs,
                               int probeEveryEpoch, float tau, GLOBAL int *RESTRICT counts,
                               GLOBAL float *RESTRICT stats) {
    int e = GLOBAL_ID;
    if (e >= E) return;
    int net = netBase + e;
    fn_net n;
    float g[FN_MAX_PARAMS], s1[FN_MAX_PARAMS], s2[FN_MAX_PARAMS];
    int everDead[FN_MAX_UNITS], dead[FN_MAX_LAYERS], revived[FN_MAX_LAYERS];
    n.L = spec[0];
    n.act = act;
    n.alpha = alpha;
    int L = n.L, H = L - 1, P = 0;
    for (int l = 0; l <= L; l++) n.width[l] = spec[1 + l];
    GLOBAL const int *inits = spec + L + 2;
    fn_init biasInit = fn_read_init(inits + L * FN_INIT_INTS);
    for (int l = 1; l <= L; l++) {
        int nIn = n.width[l - 1], nOut = n.width[l];
        n.wOff[l] = P;
        n.bOff[l] = P + nIn * nOut;
        P += nIn * nOut + nOut;
        n.sOff[l] = -1;
        if (l < L && act == ACT_PRELU) {
            n.sOff[l] = P;
            for (int j = 0; j < nOut; j++) n.p[P + j] = alpha;
            P += nOut;
        }
        fn_fill(biasInit, seedLo, seedHi, net, (uint) FN_PURPOSE_BIASES | ((uint) l << 8), 1, nOut, n.p + n.bOff[l],
                0);
        fn_fill(fn_read_init(inits + (l - 1) * FN_INIT_INTS), seedLo, seedHi, net,
                (uint) FN_PURPOSE_WEIGHTS | ((uint) l << 8), nIn, nOut, n.p + n.wOff[l], n.p + n.bOff[l]);
    }
    for (int k = 0; k < P; k++) {
        s1[k] = 0.0f;
        s2[k] = 0.0f;
    }
    for (int u = 0; u < H * FN_MAX_WIDTH; u++) everDead[u] = 0;

    int stride = 3 * H + 1;
    GLOBAL int *out = counts + e * stride;
    fn_probe(&n, seedLo, seedHi, net, nTrain, lo, hi, tau, everDead, dead, revived);
    for (int h = 0; h < H; h++) out[h] = dead[h];

    float rate = lr[e], lossSum = 0.0f;
    int diverged = 0, t = 0, steps = (nTrain + batch - 1) / batch;
    for (int epoch = 0; epoch < epochs; epoch++) {
        uint keys[4];
        perm_keys(seedLo, seedHi, net, epoch, keys);
        lossSum = 0.0f;
        for (int s = 0; s < steps; s++) {
            int start = s * batch, B = nTrain - start < batch ? nTrain - start : batch;
            float scale = 1.0f / B;
            for (int k = 0; k < P; k++) g[k] = 0.0f;
            f64 total = 0.0;
            for (int k = 0; k < B; k++) {
                int i = perm_apply_keys(keys, nTrain, start + k);
                float x = fn_point(seedLo, seedHi, net, FN_PURPOSE_TRAIN, i, lo, hi);
                float y = function_target(fn, x);
                fn_forward(&n, x, 0, 0);
                float d = n.z[L][0] - y;
                total = DADD_RN(total, DMUL_RN((f64) d, (f64) d));
                if (!diverged) fn_backward(&n, MUL_RN(MUL_RN(2.0f, d), scale), g);
            }
            float mean = TO_F32(DDIV_RN(total, (f64) B));
            lossSum += mean;
            if (!IS_FINITE(mean)) diverged = 1;
            float correction = corrections[t++];
            if (!diverged) fn_update(optKind, momentum, beta1, beta2, epsilon, rate, correction, P, n.p, g, s1, s2);
        }
        if (probeEveryEpoch && epoch + 1 < epochs) {
            fn_probe(&n, seedLo, seedHi, net, nTrain, lo, hi, tau, everDead, dead, revived);
        }
    }
    fn_probe(&n, seedLo, seedHi, net, nTrain, lo, hi, tau, everDead, dead, revived);

    float pred[4], target[4];
    for (int i = 0; i < nTest; i++) {
        float x = fn_point(seedLo, seedHi, net, FN_PURPOSE_TEST, i, lo, hi);
        fn_forward(&n, x, 0, 0);
        fn_stats_add(pred, n.z[L][0], i == 0);
        fn_stats_add(target, function_target(fn, x), i == 0);
    }
    for (int h = 0; h < H; h++) {
        out[H + h] = dead[h];
        out[2 * H + h] = revived[h];
    }
    out[3 * H] = diverged;
    GLOBAL float *st = stats + e * 9;
    st[0] = lossSum;
    for (int c = 0; c < 4; c++) {
        st[1 + c] = pred[c];
        st[5 + c] = target[c];
    }
}

#endif
