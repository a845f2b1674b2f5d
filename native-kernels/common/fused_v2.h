/*
 * fused_v2.h - one variant of the fused trainer with one work item per network: the whole training of a narrow
 * network 1 -> FV_W x FV_H -> 1 (mse, function-target data), as train/ChunkTrainer.java does it op by op on the CPU
 * engine, bit for bit wherever the math is + - * / sqrt (ReLU, Leaky ReLU, PReLU; sgd, momentum, adam). No include
 * guard: build-cuda.sh includes it once per variant of cuda/fused_variants.h, the OpenCL engine builds it once per
 * configuration with -D options (opencl/fused_l1.cl). fused_v2_lanes.h is the work-group form.
 *
 * Compile-time settings (each a macro): FV_W, FV_H (hidden width and layers), FV_GROUP (items per group), FV_SLOPES
 * (1: PReLU slopes after the weights and biases), FV_TAG (kernel name suffix: fused_v2_relu_w2_h10_l1), FV_ACT and
 * FV_OPT (the activation / optimizer code as constants where given, else the kernel's arguments), FV_LOCAL_FLOATS
 * (OpenCL: the group's local floats; CUDA takes them from the launch). Loops over the shape are unrolled (UNROLL),
 * so the parameters, their gradients and one example's z are registers (ptxas: no stack frame, no spills; checked
 * by build-cuda.sh).
 *
 * Semantics: ChunkTrainer's, step for step: the initial parameters from fused_init (init [P][E]), the initial probe,
 * per epoch the keyed permutation, per minibatch the forward, loss, backward and update of every example, with the
 * gradients summed over the examples in ascending order (as the CPU engine), the batch loss summed in double,
 * divergence, the per-epoch probes, the final probe and the test pass.
 *
 * Exact skipping (skip != 0, ReLU, tau == 0): a probe that finds hidden layer h dead on every training point, with
 * every hidden z finite on every point, marks the network "dead from h" (the highest such h). Then a_h = +0 for every
 * training example, so layers above h see a constant input: the forward is computed once per minibatch, the
 * backward runs for layers above h only, and the gradients of layers 1..h are +0 (what the CPU's sums give: they
 * start at +0 and add products of finite values with +0). Every parameter is still updated. The mark holds while the
 * values of the parameters of layers 1..h do not change (an update that changes one clears it; sgd never does once
 * the gradients are +0, momentum and adam may through their state); later probes then take the alive bits of layers
 * 1..h from the last probe and evaluate those above on the constant input. A probe point stops at the first layer
 * whose z are all <= 0; the layers above it are evaluated once per such layer. The test pass runs in full: its
 * points are not the probe set.
 *
 * Launch: 1-D, total E rounded up to FV_GROUP, groups of FV_GROUP; item i trains network netBase + e, e = order[i]
 * (i where order is NULL; KernelPlan passes fused_order_key's order when exact skipping applies).
 * Memory: local [slot][k][item] optimizer state (touched once per step), then [unit][item] ReDo sums; points (may be
 * NULL) [E][nTrain]: the training x, written by the first probe, read instead of a Philox block per example. Writes
 * counts[E][4H + 2] (dead per hidden layer at the start and the end, revived, diverged, steps on the dead-from-h
 * path, then per hidden layer the probe epoch at which it was first entirely dead: 0 at initialisation, k after
 * epoch k, -1 never) and stats[E][9] (last epoch's loss sum, prediction and target statistics), once per network.
 */
#if !defined(FV_W) || !defined(FV_H) || !defined(FV_GROUP) || !defined(FV_SLOPES) || !defined(FV_TAG)
#error "fused_v2.h needs FV_W, FV_H, FV_GROUP, FV_SLOPES and FV_TAG"
#endif

#include "fused_common.h"
#include "fused_settings.h"


#define FV_L (FV_H + 1)
#define FV_HW (FV_H * FV_W)
#define FV_WOFF(l) ((l) == 1 ? 0 : 2 * FV_W + ((l) - 2) * (FV_W * FV_W + FV_W))
#define FV_NIN(l) ((l) == 1 ? 1 : FV_W)
#define FV_NOUT(l) ((l) == FV_L ? 1 : FV_W)
#define FV_BOFF(l) (FV_WOFF(l) + FV_NIN(l) * FV_NOUT(l))
#define FV_P (FV_WOFF(FV_L) + FV_W + 1)
#define FV_PT (FV_P + (FV_SLOPES ? FV_HW : 0))
#define FV_SOFF(l) (FV_P + ((l) - 1) * FV_W)



/* PReLU slope of hidden unit (l, j), else alpha. */
#if FV_SLOPES
#define FV_SLOPE(p, l, j) ((p)[FV_SOFF(l) + (j)])
#else
#define FV_SLOPE(p, l, j) (alpha)
#endif

/* Alive / ever-dead bits: 16 per hidden layer (widths <= 16), layer l (1-based) in word (l - 1) / 2. */
#define FV_BITWORDS ((FV_H + 1) / 2)
#define FV_LAYER_BITS(bits, l) (((bits)[((l) - 1) >> 1] >> ((((l) - 1) & 1) * 16)) & 0xFFFFu)
#define FV_SET_LAYER_BITS(bits, l, v)                                                                                \
    ((bits)[((l) - 1) >> 1] = ((bits)[((l) - 1) >> 1] & ~(0xFFFFu << ((((l) - 1) & 1) * 16))) |                      \
                              ((uint) (v) << ((((l) - 1) & 1) * 16)))

/* z of hidden layer l: b + sum_k w_jk in_k (k ascending), from x for l = 1. */
DEVICE void FV_(layer_z)(const float *p, int l, float x, const float *in, float *z) {
    UNROLL for (int j = 0; j < FV_W; j++) {
        float acc = p[FV_BOFF(l) + j];
        if (l == 1) {
            acc = ADD_RN(acc, MUL_RN(p[j], x));
        } else {
            UNROLL for (int k = 0; k < FV_W; k++) acc = ADD_RN(acc, MUL_RN(p[FV_WOFF(l) + j * FV_W + k], in[k]));
        }
        z[j] = acc;
    }
}

/*
 * One example forward from parameters p: the pre-activations z of every hidden layer; returns the output. With
 * h > 0 the layers 1..h are not computed and a_h = +0 (the constant input of a network dead from h).
 */
DEVICE float FV_(forward)(const float *p, int act, float alpha, float x, int h, float z[FV_H][FV_W]) {
    act = FV_ACT_OF(act);
    float in[FV_W];
    UNROLL for (int l = 1; l <= FV_H; l++) {
        if (l > h) {
            FV_(layer_z)(p, l, x, in, z[l - 1]);
            UNROLL for (int j = 0; j < FV_W; j++) in[j] = act_value(act, z[l - 1][j], FV_SLOPE(p, l, j));
        } else if (l == h) {
            UNROLL for (int j = 0; j < FV_W; j++) in[j] = 0.0f;
        }
    }
    float out = p[FV_BOFF(FV_L)];
    UNROLL for (int k = 0; k < FV_W; k++) out = ADD_RN(out, MUL_RN(p[FV_WOFF(FV_L) + k], in[k]));
    return out;
}

/*
 * The exact probe's forward of one point: ORs phi'(z) != 0 into the alive bits and adds every z to *fin, layer by
 * layer; with `stop` (ReLU) it stops after the first layer whose z are all <= 0 (a = +0 there, so every layer above
 * sees the same constant input as for any other such point) and returns that layer, else 0.
 */
DEVICE int FV_(forward_probe)(const float *p, int act, float alpha, float x, int stop, uint *bits, float *fin) {
    act = FV_ACT_OF(act);
    float in[FV_W];
    int zero = 0;
    UNROLL for (int l = 1; l <= FV_H; l++) {
        if (zero == 0) {
            float z[FV_W];
            int all = 1;
            uint b = 0u;
            FV_(layer_z)(p, l, x, in, z);
            UNROLL for (int j = 0; j < FV_W; j++) {
                all = all && z[j] <= 0.0f;
                *fin = ADD_RN(*fin, z[j]);
            }
            UNROLL for (int j = 0; j < FV_W; j++) {
                float sl = FV_SLOPE(p, l, j);
                in[j] = act_value(act, z[j], sl);
                if (act_derivative(act, z[j], sl) != 0.0f) b |= 1u << j;
            }
            bits[(l - 1) >> 1] |= b << (((l - 1) & 1) * 16);
            if (stop && all) zero = l;
        }
    }
    return zero;
}

/* a_{l-1}, the input of layer l (2 <= l <= L), from z; +0 when layer l - 1 is the dead layer h. */
DEVICE void FV_(input_of)(const float *p, int act, float alpha, int l, int h, float z[FV_H][FV_W],
                          float *in) {
    UNROLL for (int k = 0; k < FV_W; k++) {
        in[k] = l - 1 == h ? 0.0f : act_value(FV_ACT_OF(act), z[l - 2][k], FV_SLOPE(p, l - 1, k));
    }
}

/*
 * One example backward from dL/dout, adding its terms to the gradients g (layout of p) in example order; layers 1..h
 * are skipped (h > 0: dead from h, their gradients stay +0).
 */
DEVICE void FV_(backward)(const float *p, int act, float alpha, float x, int h, float z[FV_H][FV_W], float dOut,
                          float *g) {
    act = FV_ACT_OF(act);
    float in[FV_W], dA[FV_W], dz[FV_W];
    FV_(input_of)(p, act, alpha, FV_L, h, z, in);
    g[FV_BOFF(FV_L)] = ADD_RN(g[FV_BOFF(FV_L)], dOut);
    UNROLL for (int k = 0; k < FV_W; k++) {
        g[FV_WOFF(FV_L) + k] = ADD_RN(g[FV_WOFF(FV_L) + k], MUL_RN(dOut, in[k]));
        dA[k] = MUL_RN(p[FV_WOFF(FV_L) + k], dOut);
    }
    UNROLL for (int l = FV_H; l >= 1; l--) {
        if (l > h) {
            if (l > 1) FV_(input_of)(p, act, alpha, l, h, z, in);
            UNROLL for (int j = 0; j < FV_W; j++) {
                float term;
                dz[j] = fv_unit_dz(act, z[l - 1][j], dA[j], FV_SLOPE(p, l, j), &term);
#if FV_SLOPES
                g[FV_SOFF(l) + j] = ADD_RN(g[FV_SOFF(l) + j], term);
#endif
                g[FV_BOFF(l) + j] = ADD_RN(g[FV_BOFF(l) + j], dz[j]);
                if (l == 1) {
                    g[j] = ADD_RN(g[j], MUL_RN(dz[j], x));
                } else {
                    UNROLL for (int k = 0; k < FV_W; k++) {
                        int w = FV_WOFF(l) + j * FV_W + k;
                        g[w] = ADD_RN(g[w], MUL_RN(dz[j], in[k]));
                    }
                }
            }
            if (l > 1 && l - 1 > h) {
                UNROLL for (int k = 0; k < FV_W; k++) {
                    float acc = MUL_RN(p[FV_WOFF(l) + k], dz[0]);
                    UNROLL for (int j = 1; j < FV_W; j++) {
                        acc = ADD_RN(acc, MUL_RN(p[FV_WOFF(l) + j * FV_W + k], dz[j]));
                    }
                    dA[k] = acc;
                }
            }
        }
    }
}

/*
 * ChunkTrainer.probe on the training points in stored order: alive bits per hidden layer (phi'(z) != 0 on some
 * point, or ReDo's rule for tau > 0, its sums in local memory: sums[u * FV_GROUP]), then the dead and revived counts
 * (revived only when asked) and ever-dead bits; *finite says that every hidden z was finite (exact test). For a
 * network dead from h > 0 the layers 1..h keep their bits (their parameters did not change) and the layers above see
 * the constant input, so one point stands for all. Returns the new h (0 unless `track`).
 */
DEVICE int FV_(probe)(const float *p, int act, float alpha, uint seedLo, uint seedHi, int net, int nPoints, float lo,
                      float hi, float tau, int track, int h, uint *alive, int *finite, uint *everDead,
                      GLOBAL int *dead, GLOBAL int *revived, GLOBAL int *death, int epoch, LOCAL_PTR float *sums,
                      GLOBAL float *xs, int fill) {
    act = FV_ACT_OF(act);
    float z[FV_H][FV_W], fin = 0.0f;
    uint bits[FV_BITWORDS];
    UNROLL for (int w = 0; w < FV_BITWORDS; w++) bits[w] = 0u;
    UNROLL for (int l = 1; l <= FV_H; l++) {
        if (l <= h) FV_SET_LAYER_BITS(bits, l, FV_LAYER_BITS(alive, l));
    }
    int redo = tau > 0.0f, n = h > 0 ? 1 : nPoints, stop = act == ACT_RELU && !redo && h == 0;
    if (redo) {
        NO_UNROLL for (int u = 0; u < FV_HW; u++) sums[u * FV_GROUP] = 0.0f;
    }
    uint blk[4], zeros = 0u;
    NO_UNROLL for (int i = 0; i < n; i++) {
        float x;
        if (xs != 0 && !fill) {
            x = xs[i];
        } else {
            if ((i & 3) == 0) philox_block((uint) i >> 2, (uint) net, (uint) FV_PURPOSE_TRAIN, 0u, seedLo, seedHi, blk);
            x = fv_point_of(blk, i, lo, hi);
            if (xs != 0) xs[i] = x;
        }
        if (redo) {
            FV_(forward)(p, act, alpha, x, 0, z);
            UNROLL for (int l = 1; l <= FV_H; l++) {
                UNROLL for (int j = 0; j < FV_W; j++) {
                    int u = ((l - 1) * FV_W + j) * FV_GROUP;
                    sums[u] = ADD_RN(sums[u], FABS(act_value(act, z[l - 1][j], FV_SLOPE(p, l, j))));
                }
            }
        } else if (h > 0) {
            FV_(forward)(p, act, alpha, x, h, z);
            UNROLL for (int l = 1; l <= FV_H; l++) {
                if (l > h) {
                    UNROLL for (int j = 0; j < FV_W; j++) {
                        if (act_derivative(act, z[l - 1][j], FV_SLOPE(p, l, j)) != 0.0f) {
                            bits[(l - 1) >> 1] |= 1u << (j + ((l - 1) & 1) * 16);
                        }
                        fin = ADD_RN(fin, z[l - 1][j]);
                    }
                }
            }
        } else {
            int zero = FV_(forward_probe)(p, act, alpha, x, stop, bits, &fin);
            if (zero > 0) zeros |= 1u << (zero - 1);
        }
    }
    /* the points that stopped at layer l0 share the layers above it: their constant input, evaluated once */
    UNROLL for (int l0 = 1; l0 < FV_H; l0++) {
        if (((zeros >> (l0 - 1)) & 1u) != 0u) {
            FV_(forward)(p, act, alpha, 0.0f, l0, z);
            UNROLL for (int l = l0 + 1; l <= FV_H; l++) {
                UNROLL for (int j = 0; j < FV_W; j++) {
                    if (z[l - 1][j] > 0.0f) bits[(l - 1) >> 1] |= 1u << (j + ((l - 1) & 1) * 16);
                    fin = ADD_RN(fin, z[l - 1][j]);
                }
            }
        }
    }
    if (h == 0) *finite = IS_FINITE(fin);
    else *finite = *finite && IS_FINITE(fin);
    UNROLL for (int l = 1; l <= FV_H; l++) {
        if (redo) {
            float mean = 0.0f;
            UNROLL for (int j = 0; j < FV_W; j++) mean = ADD_RN(mean, sums[((l - 1) * FV_W + j) * FV_GROUP]);
            mean /= FV_W;
            float limit = MUL_RN(tau, mean);
            UNROLL for (int j = 0; j < FV_W; j++) {
                if (sums[((l - 1) * FV_W + j) * FV_GROUP] > limit) bits[(l - 1) >> 1] |= 1u << (j + ((l - 1) & 1) * 16);
            }
        }
        uint ever = FV_LAYER_BITS(everDead, l);
        int d, r;
        fv_count_layer(FV_LAYER_BITS(bits, l), FV_W, &ever, &d, &r);
        FV_SET_LAYER_BITS(everDead, l, ever);
        dead[l - 1] = d;
        if (revived != 0) revived[l - 1] = r;
        if (d == FV_W && death[l - 1] < 0) death[l - 1] = epoch;
    }
    int nh = 0;
    UNROLL for (int l = 1; l <= FV_H; l++) {
        if (FV_LAYER_BITS(bits, l) == 0u) nh = l;
    }
    UNROLL for (int w = 0; w < FV_BITWORDS; w++) alive[w] = bits[w];
    return track && *finite ? nh : 0;
}

KERNEL void FV_(fused_v2)(FV_PARAMS) {
    DYNAMIC_LOCAL(fv_local, FV_LOCAL_FLOATS);
    int e = GLOBAL_ID;
    if (e >= E) return;
    if (order != 0) e = order[e];
    int net = netBase + e;
    act = FV_ACT_OF(act);
    optKind = FV_OPT_OF(optKind);
    LOCAL_PTR float *mine = fv_local + LOCAL_ID_X;
    GLOBAL float *xs = points != 0 ? points + (size_t) e * (size_t) nTrain : 0;
    float p[FV_PT], g[FV_PT];
    UNROLL for (int k = 0; k < FV_P; k++) p[k] = init[k * E + e];
    UNROLL for (int k = FV_P; k < FV_PT; k++) p[k] = alpha;
    int slots = optKind == OPT_ADAM ? 2 : optKind == OPT_MOMENTUM ? 1 : 0;
    NO_UNROLL for (int k = 0; k < slots * FV_PT; k++) mine[k * FV_GROUP] = 0.0f;

    int eligible = skip != 0 && act == ACT_RELU && !(tau > 0.0f);
    uint alive[FV_BITWORDS], everDead[FV_BITWORDS];
    int finite = 0;
    UNROLL for (int w = 0; w < FV_BITWORDS; w++) {
        alive[w] = 0u;
        everDead[w] = 0u;
    }
    GLOBAL int *out = counts + e * (4 * FV_H + 2);
    UNROLL for (int l = 0; l < FV_H; l++) out[3 * FV_H + 2 + l] = -1;
    float rate = lr[e], lossSum = 0.0f;
    int diverged = 0, t = 0, h = 0, skipped = 0, steps = (nTrain + batch - 1) / batch;
    float z[FV_H][FV_W];
    /* one probe site (initial, after each epoch when asked, final), one epoch site: each inlined once */
    NO_UNROLL for (int epoch = 0;; epoch++) {
        if (epoch == 0 || epoch == epochs || probeEveryEpoch) {
            h = FV_(probe)(p, act, alpha, seedLo, seedHi, net, nTrain, lo, hi, tau, eligible, h, alive, &finite,
                           everDead, epoch == 0 ? out : out + FV_H, epoch == 0 ? 0 : out + 2 * FV_H,
                           out + 3 * FV_H + 2, epoch, mine + slots * FV_PT * FV_GROUP, xs, epoch == 0);
        }
        if (epoch == epochs) break;
        uint keys[4];
        perm_keys(seedLo, seedHi, net, epoch, keys);
        lossSum = 0.0f;
        NO_UNROLL for (int s = 0; s < steps; s++) {
            int start = s * batch, B = nTrain - start < batch ? nTrain - start : batch;
            float scale = 1.0f / B;
            UNROLL for (int k = 0; k < FV_PT; k++) g[k] = 0.0f;
            f64 total = 0.0;
            skipped += h > 0;
            float outc = h > 0 ? FV_(forward)(p, act, alpha, 0.0f, h, z) : 0.0f;
            NO_UNROLL for (int k = 0; k < B; k++) {
                int i = perm_apply_keys(keys, nTrain, start + k);
                float x = xs != 0 ? xs[i] : fv_point(seedLo, seedHi, net, FV_PURPOSE_TRAIN, i, lo, hi);
                float y = function_target_of(fn, x, 1);
                float d = (h > 0 ? outc : FV_(forward)(p, act, alpha, x, 0, z)) - y;
                total = DADD_RN(total, DMUL_RN((f64) d, (f64) d));
                if (!diverged) FV_(backward)(p, act, alpha, x, h, z, MUL_RN(MUL_RN(2.0f, d), scale), g);
            }
            float mean = TO_F32(DDIV_RN(total, (f64) B));
            lossSum = ADD_RN(lossSum, mean);
            if (!IS_FINITE(mean)) diverged = 1;
            float correction = corrections[t++];
            if (!diverged) {
                int kept = FV_WOFF(h + 1), changed = 0;
                UNROLL for (int k = 0; k < FV_PT; k++) {
                    float before = p[k];
                    p[k] = fv_step(optKind, momentum, beta1, beta2, epsilon, rate, correction, before, g[k],
                                   mine + k * FV_GROUP, mine + (FV_PT + k) * FV_GROUP);
                    if (k < FV_P && k < kept && !(p[k] == before)) changed = 1;
                }
                if (changed) h = 0;
            }
        }
    }

    /* the test points are not the probe set: a layer dead on every training point may be alive on one of them */
    float pred[4], target[4];
    uint blk[4];
    NO_UNROLL for (int i = 0; i < nTest; i++) {
        if ((i & 3) == 0) philox_block((uint) i >> 2, (uint) net, (uint) FV_PURPOSE_TEST, 0u, seedLo, seedHi, blk);
        float x = fv_point_of(blk, i, lo, hi);
        fv_stats_add(pred, FV_(forward)(p, act, alpha, x, 0, z), i == 0);
        fv_stats_add(target, function_target_of(fn, x, 1), i == 0);
    }
    fv_results(out + 3 * FV_H, diverged, skipped, stats + e * FV_STATS, lossSum, pred, target);
}


#undef FV_L
#undef FV_HW
#undef FV_WOFF
#undef FV_NIN
#undef FV_NOUT
#undef FV_BOFF
#undef FV_P
#undef FV_PT
#undef FV_SOFF
#undef FV_SLOPE
#undef FV_BITWORDS
#undef FV_LAYER_BITS
#undef FV_SET_LAYER_BITS
