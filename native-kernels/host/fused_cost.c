/*
 * fused_cost.c - the cost model's x86 build of the fused trainer (docs/performance.md, "Cost model of the fused
 * kernels"): fused_init and one variant (fused_v2.h, or fused_v2_lanes.h with one thread per lane and a pthread
 * barrier) compiled as plain C through portable.h's RELULAB_HOST branch and run on E lu2019-shaped networks (seed
 * 1999, glorot uniform, zero biases, sgd 0.01, |x| on [-sqrt 7, sqrt 7], 3000 / 500 points, batch 64), so that
 * valgrind --tool=callgrind counts the instructions of exactly the code the devices run (x86 instructions: a proxy
 * for the GPU's issue count, not SASS).
 *
 *   one lane:  gcc -O2 -ffp-contract=off -DRELULAB_HOST -DFV_W=2 -DFV_H=10 -DFV_GROUP=1 -DFV_LANES=1 -DFV_SLOPES=0 \
 *                  -DFV_ACT=1 -DFV_TAG=_relu_w2_h10_l1 -I native-kernels/common -o fused_cost \
 *                  native-kernels/host/fused_cost.c -lm -lpthread
 *   32 lanes:  the same with -DFV_LANES=32 -DFV_TAG=_relu_w2_l32 (FV_H sets the depth the driver passes)
 *   valgrind --tool=callgrind ./fused_cost E SKIP EPOCHS TABLE FIRST KEY   (defaults 100 1 2 1 0 32: networks FIRST ..
 *   FIRST + E - 1, skipping on, point table where the variant has one, fused_order_key on 32 points)
 *
 * Prints the born-dead count, the steps trained on the skipping path and a checksum of the losses, so that two builds
 * (skipping on and off, one lane and 32) can be compared, and how many networks fused_order_key marks (32 points;
 * callgrind --toggle-collect=fused_order_key counts its instructions alone).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#if FV_LANES == 1
#include "fused_v2.h"
#else
#include "fused_v2_lanes.h"
#endif
#include "fused_order.h"

#define P (2 * FV_W + (FV_H - 1) * (FV_W * FV_W + FV_W) + FV_W + 1)
#define HW (FV_H * FV_W)

__thread int relulab_host_global_id, relulab_host_local_id, relulab_host_group_id;
float *relulab_host_local;
static pthread_barrier_t barrier;
void relulab_host_barrier(void) {
    pthread_barrier_wait(&barrier);
}

static void put_init(int *s, int form, double p0, double p1) {
    double p[2] = {p0, p1};
    s[0] = form;
    for (int k = 0; k < 2; k++) {
        unsigned long long b;
        memcpy(&b, &p[k], sizeof b);
        s[1 + 2 * k] = (int) (b >> 32);
        s[2 + 2 * k] = (int) b;
        float f = (float) p[k];
        memcpy(&s[5 + k], &f, sizeof f);
    }
}

typedef struct {
    int E, e, lane, skip, epochs, nTrain, nTest, batch, netBase;
    float lo, hi, *init, *points, *lr, *corr, *stats;
    int *counts;
} job;

static void *run(void *arg) {
    job *j = arg;
    relulab_host_global_id = FV_LANES == 1 ? j->e : j->e * FV_LANES + j->lane;
    relulab_host_group_id = FV_LANES == 1 ? 0 : j->e;
    relulab_host_local_id = j->lane;
    FV_(fused_v2)(j->E, j->netBase, 1999u, 0u, FV_H, j->init, j->points, NULL, ACT_RELU, 0.0f, OPT_SGD, 0.0f, 0.9f, 0.999f, 1e-7f,
                  j->lr, j->corr, FN_ABS, j->lo, j->hi, j->nTrain, j->nTest, j->batch, j->epochs, 1, 0.0f, j->skip,
                  j->counts, j->stats);
    return NULL;
}

int main(int argc, char **argv) {
    int E = argc > 1 ? atoi(argv[1]) : 100, skip = argc > 2 ? atoi(argv[2]) : 1, epochs = argc > 3 ? atoi(argv[3]) : 2;
    int table = argc > 4 ? atoi(argv[4]) : 1, netBase = argc > 5 ? atoi(argv[5]) : 0;
    int keyPoints = argc > 6 ? atoi(argv[6]) : 32;
    enum { L = FV_H + 1 };
    int spec[L + 2 + (L + 1) * FV_INIT_INTS];
    spec[0] = L;
    for (int l = 0; l <= L; l++) spec[1 + l] = l == 0 || l == L ? 1 : FV_W;
    for (int l = 1; l <= L; l++) {
        double limit = sqrt(6.0 / (spec[l] + spec[l + 1]));
        put_init(spec + L + 2 + (l - 1) * FV_INIT_INTS, INIT_UNIFORM, -limit, limit);
    }
    put_init(spec + L + 2 + L * FV_INIT_INTS, INIT_CONSTANT, 0.0, 0.0);
    job j = {E, 0, 0, skip, epochs, 3000, 500, 64, netBase, -sqrtf(7.0f), sqrtf(7.0f)};
    int steps = epochs * ((j.nTrain + j.batch - 1) / j.batch), stride = 4 * FV_H + 2;
    j.init = malloc(sizeof(float) * P * E);
    j.points = table && FV_LANES == 1 ? malloc(sizeof(float) * j.nTrain * E) : NULL;
    j.lr = malloc(sizeof(float) * E);
    j.corr = malloc(sizeof(float) * (steps + 1));
    j.stats = malloc(sizeof(float) * FV_STATS * E);
    j.counts = malloc(sizeof(int) * stride * E);
    relulab_host_local = malloc(sizeof(float) * (FV_LANES == 1 ? HW + 2 * P : 64 * 1024));
    for (int i = 0; i <= steps; i++) j.corr[i] = 1.0f;
    for (int e = 0; e < E; e++) j.lr[e] = 0.01f;
    for (int g = 0; g < P * E; g++) {
        relulab_host_global_id = g;
        fused_init(E, netBase, 1999u, 0u, spec, P, j.init);
    }
    int *key = malloc(sizeof(int) * E);
    for (int e = 0; e < E; e++) {
        relulab_host_global_id = e;
        fused_order_key(E, netBase, 1999u, 0u, FV_W, FV_H, keyPoints, j.lo, j.hi, j.init, key);
    }
    pthread_barrier_init(&barrier, NULL, FV_LANES);
    for (int e = 0; e < E; e++) {
        pthread_t threads[FV_LANES];
        job lanes[FV_LANES];
        for (int t = 0; t < FV_LANES; t++) {
            lanes[t] = j;
            lanes[t].e = e;
            lanes[t].lane = t;
            if (FV_LANES == 1) run(&lanes[t]);
            else pthread_create(&threads[t], NULL, run, &lanes[t]);
        }
        for (int t = 0; FV_LANES > 1 && t < FV_LANES; t++) pthread_join(threads[t], NULL);
    }
    int bornDead = 0, skipped = 0, keyed = 0, keyedAlive = 0;
    double check = 0;
    for (int e = 0; e < E; e++) {
        int dead = 0;
        for (int l = 0; l < FV_H; l++) dead |= j.counts[e * stride + l] == FV_W;
        bornDead += dead;
        keyed += key[e] > 0;
        keyedAlive += key[e] > 0 && !dead;
        if (E <= 20) printf("network %d: born dead %d, final loss sum %.9g\n", netBase + e, dead, j.stats[e * FV_STATS]);
        skipped += j.counts[e * stride + 3 * FV_H + 1];
        check += j.stats[e * FV_STATS];
    }
    printf("networks %d, born dead %d, steps on the skipping path %d of %d, loss checksum %.9g\n", E, bornDead,
           skipped, E * steps, check);
    printf("fused_order_key (%d points): %d keyed, %d of them not born dead\n", keyPoints, keyed, keyedAlive);
    return 0;
}
