/*
 * fused_v2_lanes.h - the fused trainer with FV_LANES work items ("lanes") per network: one work group trains one
 * network, one lane per example of a minibatch wave (FV_LANES examples at a time), the probe and test points spread
 * over the lanes. The same training as fused_v2.h (ChunkTrainer's, step for step, bit for bit where the math is
 * + - * / sqrt); the width is compile-time, the depth a loop (`hidden` up to FV_MAX_H), so one variant serves every
 * depth. No include guard: included once per variant (cuda/fused_variants.cu) or built with -D options (OpenCL).
 *
 * Settings: FV_W, FV_LANES (32 or 64), FV_SLOPES, FV_TAG, optional FV_ACT / FV_OPT, FV_LOCAL_FLOATS (OpenCL).
 *
 * Order of the sums: every example's terms are written to local memory and each parameter's owner (lane k % LANES)
 * adds them in ascending example order (dW_jk = sum_s dz_sj a_sk, db_j = sum_s dz_sj * 1, dslope_j = sum_s term_sj
 * * 1: a product by 1 is exact), carrying its sum across the waves of a minibatch: the CPU engine's order. The batch
 * loss is summed in double in example order by every lane (all lanes hold the same value, so the diverged flag and
 * the exact-skipping mark are uniform). Dead units are OR-ed bits (order-free); ReDo's sums and the test statistics
 * are added in point order.
 *
 * Launch: E work groups of FV_LANES items, group g trains network netBase + e, e = order[g] (g where order is NULL);
 * hidden = H.
 * Local memory (floats; FusedVariant.localFloats mirrors it): the lanes' squared errors (FV_LANES doubles), p [PT],
 * state [slots][PT], the gradient sums G [PT],
 * then rows of FV_LANES + 1 floats (padded so that owners reading one column of different rows hit different banks):
 * A (1 + HW: x and every hidden a), Z (HW), DZ (HW + 1), T (HW, slopes only), ones, d, y, bits (H, int), flags
 * and stop layers (int); then ALIVE, EVER (H ints each), SUMS (HW), SCALARS (4 ints).
 * Memory pattern: parameters are read by every lane at the same address (broadcast); each lane writes its own
 * column of the rows; owners read one row pair each, column by column.
 */
#if !defined(FV_W) || !defined(FV_LANES) || !defined(FV_SLOPES) || !defined(FV_TAG)
#error "fused_v2_lanes.h needs FV_W, FV_LANES, FV_SLOPES and FV_TAG"
#endif

#include "fused_common.h"
#include "fused_settings.h"



#define FL_RS (FV_LANES + 1)
#define FL_WOFF(l) ((l) == 1 ? 0 : 2 * FV_W + ((l) - 2) * (FV_W * FV_W + FV_W))
#define FL_NIN(l) ((l) == 1 ? 1 : FV_W)

/* Where everything lives in the work group's local memory, for depth H. */
typedef struct {
    int H, L, HW, P, PT, nTable;
    LOCAL_PTR f64 *dd;
    LOCAL_PTR float *table;
    LOCAL_PTR float *p;
    LOCAL_PTR float *s1;
    LOCAL_PTR float *s2;
    LOCAL_PTR float *G;
    LOCAL_PTR float *rows;
    LOCAL_PTR int *alive;
    LOCAL_PTR int *ever;
    LOCAL_PTR float *sums;
    LOCAL_PTR int *scalars;
    int zb, db, tb, one, dr, yr, bb, fr, zr;
} FV_(plan);

#define FL_ROW(q, r) ((q)->rows + (r) * FL_RS)
#define FL_IROW(q, r) ((LOCAL_PTR int *) FL_ROW(q, r))
#define FL_AROW(q, l, k) ((l) == 1 ? 0 : 1 + ((l) - 2) * FV_W + (k))
#define FL_ZROW(q, l, j) ((q)->zb + ((l) - 1) * FV_W + (j))
#define FL_DZROW(q, l, j) ((q)->db + ((l) - 1) * FV_W + (j))
#define FL_TROW(q, l, j) ((q)->tb + ((l) - 1) * FV_W + (j))

#if FV_SLOPES
#define FL_SLOPE(q, l, j) ((q)->p[(q)->P + ((l) - 1) * FV_W + (j)])
#else
#define FL_SLOPE(q, l, j) (alpha)
#endif

/* The point table holds a network's training x when they fit (FusedVariant.TABLE_POINTS). */
#define FL_TABLE_MAX 4096

DEVICE FV_(plan) FV_(plan_of)(LOCAL_PTR float *base, int H, int slots, int nTrain) {
    FV_(plan) q;
    q.H = H;
    q.L = H + 1;
    q.HW = H * FV_W;
    q.P = FL_WOFF(H + 1) + FV_W + 1;
    q.PT = q.P + (FV_SLOPES ? q.HW : 0);
    q.nTable = nTrain <= FL_TABLE_MAX ? nTrain : 0;
    q.dd = (LOCAL_PTR f64 *) base;
    q.p = base + 2 * FV_LANES;
    q.s1 = q.p + q.PT;
    q.s2 = q.p + 2 * q.PT;
    q.G = q.p + (1 + slots) * q.PT;
    q.rows = q.G + q.PT;
    q.zb = 1 + q.HW;
    q.db = q.zb + q.HW;
    q.tb = q.db + q.HW + 1;
    q.one = q.tb + (FV_SLOPES ? q.HW : 0);
    q.dr = q.one + 1;
    q.yr = q.dr + 1;
    q.bb = q.yr + 1;
    q.fr = q.bb + H;
    q.zr = q.fr + 1;
    LOCAL_PTR float *tail = q.rows + (q.zr + 1) * FL_RS;
    q.alive = (LOCAL_PTR int *) tail;
    q.ever = q.alive + H;
    q.sums = (LOCAL_PTR float *) (q.ever + H);
    q.scalars = (LOCAL_PTR int *) (q.sums + q.HW);
    q.table = (LOCAL_PTR float *) (q.scalars + 4);
    return q;
}

/* Local floats the plan needs (FusedVariant.localFloats is the same formula). */
DEVICE int FV_(plan_floats)(int H, int slots, int nTrain) {
    int HW = H * FV_W, PT = FL_WOFF(H + 1) + FV_W + 1 + (FV_SLOPES ? HW : 0);
    int rows = (1 + HW) + HW + (HW + 1) + (FV_SLOPES ? HW : 0) + 3 + H + 2;
    return 2 * FV_LANES + (2 + slots) * PT + rows * FL_RS + 2 * H + HW + 4 + (nTrain <= FL_TABLE_MAX ? nTrain : 0);
}

/*
 * One example forward on lane `lane`: layers h+1..H from x (h == 0) or from a_h = +0, then the output. With `store`
 * the lane's column of the A and Z rows; with `track`, ORs phi'(z) != 0 into its column of the bit rows and adds
 * every z to *fin; with `stop` (ReLU probes) it stops after the first layer whose z are all <= 0 and sets *zeroAt
 * to it (every layer above sees the same constant input as for any other such point; the output is then not set).
 */
DEVICE float FV_(forward)(const FV_(plan) *q, int act, float alpha, float x, int h, int lane, int store, int track,
                          float *fin, int stop, int *zeroAt) {
    act = FV_ACT_OF(act);
    float in[FV_W];
    if (h == 0) {
        in[0] = x;
        if (store) FL_ROW(q, 0)[lane] = x;
    } else {
        UNROLL for (int k = 0; k < FV_W; k++) {
            in[k] = 0.0f;
            if (store) FL_ROW(q, FL_AROW(q, h + 1, k))[lane] = 0.0f;
        }
    }
    NO_UNROLL for (int l = h + 1; l <= q->H; l++) {
        LOCAL_PTR const float *w = q->p + FL_WOFF(l);
        LOCAL_PTR const float *b = w + FL_NIN(l) * FV_W;
        float z[FV_W];
        int all = 1;
        UNROLL for (int j = 0; j < FV_W; j++) {
            float acc = b[j];
            if (l == 1) {
                acc = ADD_RN(acc, MUL_RN(w[j], in[0]));
            } else {
                UNROLL for (int k = 0; k < FV_W; k++) acc = ADD_RN(acc, MUL_RN(w[j * FV_W + k], in[k]));
            }
            z[j] = acc;
            all = all && acc <= 0.0f;
        }
        int bits = 0;
        UNROLL for (int j = 0; j < FV_W; j++) {
            float sl = FL_SLOPE(q, l, j);
            in[j] = act_value(act, z[j], sl);
            if (store) {
                FL_ROW(q, FL_ZROW(q, l, j))[lane] = z[j];
                FL_ROW(q, 1 + (l - 1) * FV_W + j)[lane] = in[j];
            }
            if (track) {
                if (act_derivative(act, z[j], sl) != 0.0f) bits |= 1 << j;
                *fin = ADD_RN(*fin, z[j]);
            }
        }
        if (track) FL_IROW(q, q->bb + l - 1)[lane] |= bits;
        if (stop && all) {
            *zeroAt = l;
            return 0.0f;
        }
    }
    LOCAL_PTR const float *w = q->p + FL_WOFF(q->L);
    float out = w[FV_W];
    UNROLL for (int k = 0; k < FV_W; k++) out = ADD_RN(out, MUL_RN(w[k], in[k]));
    return out;
}

/* One example backward on lane `lane` from dL/dout: its column of the DZ (and T) rows for layers h+1..L. */
DEVICE void FV_(backward)(const FV_(plan) *q, int act, float alpha, int h, int lane, float dOut) {
    act = FV_ACT_OF(act);
    float dA[FV_W], dz[FV_W];
    LOCAL_PTR const float *wL = q->p + FL_WOFF(q->L);
    FL_ROW(q, FL_DZROW(q, q->L, 0))[lane] = dOut;
    UNROLL for (int k = 0; k < FV_W; k++) dA[k] = MUL_RN(wL[k], dOut);
    NO_UNROLL for (int l = q->H; l > h; l--) {
        UNROLL for (int j = 0; j < FV_W; j++) {
            float term;
            dz[j] = fv_unit_dz(act, FL_ROW(q, FL_ZROW(q, l, j))[lane], dA[j], FL_SLOPE(q, l, j), &term);
            FL_ROW(q, FL_DZROW(q, l, j))[lane] = dz[j];
#if FV_SLOPES
            FL_ROW(q, FL_TROW(q, l, j))[lane] = term;
#endif
        }
        if (l - 1 > h) {
            LOCAL_PTR const float *w = q->p + FL_WOFF(l);
            UNROLL for (int k = 0; k < FV_W; k++) {
                float acc = MUL_RN(w[k], dz[0]);
                UNROLL for (int j = 1; j < FV_W; j++) acc = ADD_RN(acc, MUL_RN(w[j * FV_W + k], dz[j]));
                dA[k] = acc;
            }
        }
    }
}

/* Parameter k's layer and the two rows whose column products sum to its gradient. */
DEVICE int FV_(rows_of)(const FV_(plan) *q, int k, int *r1, int *r2) {
    int l;
    if (k >= q->P) {
        int u = k - q->P;
        l = u / FV_W + 1;
        *r1 = FL_TROW(q, l, u % FV_W);
        *r2 = q->one;
    } else if (k < 2 * FV_W) {
        l = 1;
        *r1 = FL_DZROW(q, 1, k < FV_W ? k : k - FV_W);
        *r2 = k < FV_W ? 0 : q->one;
    } else if (k < FL_WOFF(q->L)) {
        int m = k - 2 * FV_W, r = m % (FV_W * FV_W + FV_W);
        l = m / (FV_W * FV_W + FV_W) + 2;
        *r1 = FL_DZROW(q, l, r < FV_W * FV_W ? r / FV_W : r - FV_W * FV_W);
        *r2 = r < FV_W * FV_W ? FL_AROW(q, l, r % FV_W) : q->one;
    } else {
        int m = k - FL_WOFF(q->L);
        l = q->L;
        *r1 = FL_DZROW(q, l, 0);
        *r2 = m < FV_W ? FL_AROW(q, l, m) : q->one;
    }
    return l;
}

/*
 * ChunkTrainer.probe with the points spread over the lanes, then (lane 0) the dead / revived counts, ALIVE and EVER.
 * A network dead from h > 0 keeps the bits of layers 1..h and evaluates the constant input once. With a point
 * table, `fill` (the first probe) stores each point's x there and later probes read it back. Returns the new h (0
 * unless `track`), the same on every lane.
 */
DEVICE int FV_(probe)(const FV_(plan) *q, int act, float alpha, uint seedLo, uint seedHi, int net, int nPoints,
                      float lo, float hi, float tau, int track, int h, int lane, GLOBAL int *dead,
                      GLOBAL int *revived, GLOBAL int *death, int epoch, int fill) {
    int H = q->H, redo = tau > 0.0f, stop = FV_ACT_OF(act) == ACT_RELU && !redo, zeros = 0;
    float fin = 0.0f;
    NO_UNROLL for (int l = 0; l < H; l++) FL_IROW(q, q->bb + l)[lane] = 0;
    if (redo) {
        NO_UNROLL for (int u = lane; u < q->HW; u += FV_LANES) q->sums[u] = 0.0f;
        NO_UNROLL for (int c = 0; c < nPoints; c += FV_LANES) {
            int i = c + lane, n = nPoints - c < FV_LANES ? nPoints - c : FV_LANES;
            if (i < nPoints) {
                float x = q->nTable > 0 && !fill ? q->table[i]
                                                 : fv_point(seedLo, seedHi, net, FV_PURPOSE_TRAIN, i, lo, hi);
                if (q->nTable > 0) q->table[i] = x;
                FV_(forward)(q, act, alpha, x, 0, lane, 1, 0, &fin, 0, 0);
            }
            BARRIER();
            NO_UNROLL for (int u = lane; u < q->HW; u += FV_LANES) {
                LOCAL_PTR const float *row = FL_ROW(q, 1 + u);
                float s = q->sums[u];
                NO_UNROLL for (int t = 0; t < n; t++) s = ADD_RN(s, FABS(row[t]));
                q->sums[u] = s;
            }
            BARRIER();
        }
    } else if (h > 0) {
        FV_(forward)(q, act, alpha, 0.0f, h, lane, 0, 1, &fin, 0, 0);
    } else {
        NO_UNROLL for (int c = 4 * lane; c < nPoints; c += 4 * FV_LANES) {
            uint blk[4];
            int drawn = q->nTable == 0 || fill;
            if (drawn) philox_block((uint) c >> 2, (uint) net, (uint) FV_PURPOSE_TRAIN, 0u, seedLo, seedHi, blk);
            UNROLL for (int r = 0; r < 4; r++) {
                int zero = 0;
                if (c + r < nPoints) {
                    float x = drawn ? fv_point_of(blk, r, lo, hi) : q->table[c + r];
                    if (q->nTable > 0) q->table[c + r] = x;
                    FV_(forward)(q, act, alpha, x, 0, lane, 0, 1, &fin, stop, &zero);
                }
                if (zero > 0) zeros |= 1 << (zero - 1);
            }
        }
    }
    FL_IROW(q, q->fr)[lane] = IS_FINITE(fin);
    FL_IROW(q, q->zr)[lane] = zeros;
    BARRIER();
    if (lane == 0) {
        int allFinite = h > 0 ? q->scalars[0] : 1, nh = 0, any = 0;
        NO_UNROLL for (int t = 0; t < FV_LANES; t++) {
            allFinite = allFinite && FL_IROW(q, q->fr)[t] != 0;
            any |= FL_IROW(q, q->zr)[t];
        }
        /* the points that stopped at layer l0 share the layers above it: their constant input, evaluated once */
        float cfin = 0.0f;
        NO_UNROLL for (int l0 = 1; l0 < H; l0++) {
            if (((any >> (l0 - 1)) & 1) != 0) FV_(forward)(q, act, alpha, 0.0f, l0, 0, 0, 1, &cfin, 0, 0);
        }
        allFinite = allFinite && IS_FINITE(cfin);
        NO_UNROLL for (int l = 1; l <= H; l++) {
            uint bits = 0u;
            if (redo) {
                float mean = 0.0f;
                UNROLL for (int j = 0; j < FV_W; j++) mean = ADD_RN(mean, q->sums[(l - 1) * FV_W + j]);
                mean /= FV_W;
                float limit = MUL_RN(tau, mean);
                UNROLL for (int j = 0; j < FV_W; j++) {
                    if (q->sums[(l - 1) * FV_W + j] > limit) bits |= 1u << j;
                }
            } else if (l <= h) {
                bits = (uint) q->alive[l - 1];
            } else {
                NO_UNROLL for (int t = 0; t < FV_LANES; t++) bits |= (uint) FL_IROW(q, q->bb + l - 1)[t];
            }
            uint ever = (uint) q->ever[l - 1];
            int d, r;
            fv_count_layer(bits, FV_W, &ever, &d, &r);
            q->ever[l - 1] = (int) ever;
            q->alive[l - 1] = (int) bits;
            dead[l - 1] = d;
            if (revived != 0) revived[l - 1] = r;
            if (d == FV_W && death[l - 1] < 0) death[l - 1] = epoch;
            if (bits == 0u) nh = l;
        }
        q->scalars[0] = allFinite;
        q->scalars[1] = track && allFinite ? nh : 0;
        q->scalars[2] = 0;
        q->scalars[3] = 0;
    }
    BARRIER();
    return q->scalars[1];
}

KERNEL void FV_(fused_v2)(FV_PARAMS) {
    DYNAMIC_LOCAL(fv_local, FV_LOCAL_FLOATS);
    int e = GROUP_ID_X, lane = LOCAL_ID_X;
    if (e >= E) return;
    if (order != 0) e = order[e];
    int net = netBase + e, H = hidden;
    act = FV_ACT_OF(act);
    optKind = FV_OPT_OF(optKind);
    int slots = optKind == OPT_ADAM ? 2 : optKind == OPT_MOMENTUM ? 1 : 0;
    GLOBAL int *out = counts + e * (4 * H + 2);
#ifdef FV_LOCAL_FLOATS
    if (FV_(plan_floats)(H, slots, nTrain) > FV_LOCAL_FLOATS) {
        if (lane == 0) out[3 * H] = FV_LOCAL_SHORT; /* the plan gave too little local memory: FusedVariant's bug */
        return;
    }
#endif
    FV_(plan) plan = FV_(plan_of)(fv_local, H, slots, nTrain);
    const FV_(plan) *q = &plan;
    NO_UNROLL for (int k = lane; k < q->PT; k += FV_LANES) {
        q->p[k] = k < q->P ? init[k * E + e] : alpha;
        if (slots > 0) q->s1[k] = 0.0f;
        if (slots > 1) q->s2[k] = 0.0f;
    }
    FL_ROW(q, q->one)[lane] = 1.0f;
    if (lane == 0) {
        NO_UNROLL for (int l = 0; l < H; l++) out[3 * H + 2 + l] = -1; /* lane 0 alone writes the death epochs */
    }
    NO_UNROLL for (int l = lane; l < H; l += FV_LANES) {
        q->alive[l] = 0;
        q->ever[l] = 0;
    }
    if (lane == 0) {
        q->scalars[0] = 0;
        q->scalars[2] = 0;
        q->scalars[3] = 0;
    }
    BARRIER();

    int eligible = skip != 0 && act == ACT_RELU && !(tau > 0.0f);
    float rate = lr[e], lossSum = 0.0f;
    int diverged = 0, t = 0, h = 0, skipped = 0, steps = (nTrain + batch - 1) / batch;
    NO_UNROLL for (int epoch = 0;; epoch++) {
        if (epoch == 0 || epoch == epochs || probeEveryEpoch) {
            h = FV_(probe)(q, act, alpha, seedLo, seedHi, net, nTrain, lo, hi, tau, eligible, h, lane,
                           epoch == 0 ? out : out + H, epoch == 0 ? 0 : out + 2 * H, out + 3 * H + 2, epoch,
                           epoch == 0);
        }
        if (epoch == epochs) break;
        uint keys[4];
        perm_keys(seedLo, seedHi, net, epoch, keys);
        lossSum = 0.0f;
        NO_UNROLL for (int s = 0; s < steps; s++) {
            int start = s * batch, B = nTrain - start < batch ? nTrain - start : batch;
            float scale = 1.0f / B, unused = 0.0f;
            NO_UNROLL for (int k = lane; k < q->PT; k += FV_LANES) q->G[k] = 0.0f;
            f64 total = 0.0;
            skipped += h > 0;
            float outc = h > 0 ? FV_(forward)(q, act, alpha, 0.0f, h, lane, 1, 0, &unused, 0, 0) : 0.0f;
            NO_UNROLL for (int w0 = 0; w0 < B; w0 += FV_LANES) {
                int k = w0 + lane, n = B - w0 < FV_LANES ? B - w0 : FV_LANES;
                if (k < B) {
                    int i = perm_apply_keys(keys, nTrain, start + k);
                    float x = q->nTable > 0 ? q->table[i] : fv_point(seedLo, seedHi, net, FV_PURPOSE_TRAIN, i, lo, hi);
                    float y = function_target_of(fn, x, 1);
                    float d = (h > 0 ? outc : FV_(forward)(q, act, alpha, x, 0, lane, 1, 0, &unused, 0, 0)) - y;
                    q->dd[lane] = DMUL_RN((f64) d, (f64) d);
                    if (!diverged) FV_(backward)(q, act, alpha, h, lane, MUL_RN(MUL_RN(2.0f, d), scale));
                }
                BARRIER();
                NO_UNROLL for (int c = 0; c < n; c++) total = DADD_RN(total, q->dd[c]);
                if (!diverged) {
                    NO_UNROLL for (int m = lane; m < q->PT; m += FV_LANES) {
                        int r1, r2;
                        if (FV_(rows_of)(q, m, &r1, &r2) > h) {
                            LOCAL_PTR const float *a = FL_ROW(q, r1);
                            LOCAL_PTR const float *b = FL_ROW(q, r2);
                            float g = q->G[m];
                            NO_UNROLL for (int c = 0; c < n; c++) g = ADD_RN(g, MUL_RN(a[c], b[c]));
                            q->G[m] = g;
                        }
                    }
                }
                BARRIER();
            }
            float mean = TO_F32(DDIV_RN(total, (f64) B));
            lossSum = ADD_RN(lossSum, mean);
            if (!IS_FINITE(mean)) diverged = 1;
            float correction = corrections[t++];
            if (!diverged) {
                int kept = FL_WOFF(h + 1), changed = 0;
                NO_UNROLL for (int m = lane; m < q->PT; m += FV_LANES) {
                    float before = q->p[m];
                    q->p[m] = fv_step(optKind, momentum, beta1, beta2, epsilon, rate, correction, before, q->G[m],
                                      q->s1 + m, q->s2 + m);
                    if (m < q->P && m < kept && !(q->p[m] == before)) changed = 1;
                }
                if (h > 0) {
                    /* scalars[2 + step parity]: OR of the lanes' flags; the other word is cleared for the next step */
                    LOCAL_PTR int *flag = q->scalars + 2 + (t & 1);
                    if (changed) LOCAL_ATOMIC_OR(flag, 1);
                    if (lane == 0) q->scalars[2 + ((t + 1) & 1)] = 0;
                    BARRIER();
                    if (*flag != 0) h = 0;
                }
                BARRIER();
            }
        }
    }

    /* the test points are not the probe set: a layer dead on every training point may be alive on one of them */
    float pred[4], target[4], unused = 0.0f;
    NO_UNROLL for (int c = 0; c < nTest; c += FV_LANES) {
        int i = c + lane, n = nTest - c < FV_LANES ? nTest - c : FV_LANES;
        if (i < nTest) {
            float x = fv_point(seedLo, seedHi, net, FV_PURPOSE_TEST, i, lo, hi);
            FL_ROW(q, q->dr)[lane] = FV_(forward)(q, act, alpha, x, 0, lane, 0, 0, &unused, 0, 0);
            FL_ROW(q, q->yr)[lane] = function_target_of(fn, x, 1);
        }
        BARRIER();
        NO_UNROLL for (int r = 0; r < n; r++) {
            fv_stats_add(pred, FL_ROW(q, q->dr)[r], c + r == 0);
            fv_stats_add(target, FL_ROW(q, q->yr)[r], c + r == 0);
        }
        BARRIER();
    }
    if (lane == 0) fv_results(out + 3 * H, diverged, skipped, stats + e * FV_STATS, lossSum, pred, target);
}

#undef FL_RS
#undef FL_WOFF
#undef FL_NIN
#undef FL_ROW
#undef FL_IROW
#undef FL_AROW
#undef FL_ZROW
#undef FL_DZROW
#undef FL_TROW
#undef FL_SLOPE
