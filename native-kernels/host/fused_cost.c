/*
 * fused_cost.c - the cost model's x86 build of the fused trainer (docs/performance.md, "Cost model of the fused
 * kernels"): common/fused_init and one fused_v2.h variant compiled as plain C through portable.h's RELULAB_HOST
 * branch, run on E lu2019 networks one after the other, so that valgrind --tool=callgrind counts the instructions
 * per network of exactly the code the GPU runs (x86 instructions, not SASS: a proxy for the issue count).
 *
 *   gcc -O2 -ffp-contract=off -DRELULAB_HOST -DFV_W=2 -DFV_H=10 -DFV_GROUP=1 -DFV_SLOPES=0 -DFV_ACT=1 \
 *       -DFV_TAG=_relu_w2_h10_l1 -I native-kernels/common -o fused_cost native-kernels/host/fused_cost.c -lm
 *   valgrind --tool=callgrind ./fused_cost E SKIP EPOCHS TABLE      (defaults 100 1 2 1: skipping on, point table)
 *
 * Prints the networks' born-dead count and a checksum of the results, so that two builds can be compared.
 */
#include <stdio.h>
#include <stdlib.h>
#include "fused_v2.h"

#define P (2 * FV_W + (FV_H - 1) * (FV_W * FV_W + FV_W) + FV_W + 1)
#define HW (FV_H * FV_W)

int relulab_host_global_id, relulab_host_local_id, relulab_host_group_id;
float *relulab_host_local;
void relulab_host_barrier(void) {}

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

int main(int argc, char **argv) {
    int E = argc > 1 ? atoi(argv[1]) : 100, skip = argc > 2 ? atoi(argv[2]) : 1, epochs = argc > 3 ? atoi(argv[3]) : 2;
    int table = argc > 4 ? atoi(argv[4]) : 1;
    enum { L = FV_H + 1 };
    int spec[L + 2 + (L + 1) * FV_INIT_INTS];
    spec[0] = L;
    for (int l = 0; l <= L; l++) spec[1 + l] = l == 0 || l == L ? 1 : FV_W;
    for (int l = 1; l <= L; l++) {
        double limit = sqrt(6.0 / (spec[l] + spec[l + 1]));
        put_init(spec + L + 2 + (l - 1) * FV_INIT_INTS, INIT_UNIFORM, -limit, limit);
    }
    put_init(spec + L + 2 + L * FV_INIT_INTS, INIT_CONSTANT, 0.0, 0.0);
    float lo = -sqrtf(7.0f), hi = sqrtf(7.0f);
    int nTrain = 3000, nTest = 500, batch = 64, steps = epochs * ((nTrain + batch - 1) / batch);
    float *init = malloc(sizeof(float) * P * E), *lr = malloc(sizeof(float) * E);
    float *points = table ? malloc(sizeof(float) * nTrain * E) : NULL;
    float *corr = malloc(sizeof(float) * (steps + 1)), *stats = malloc(sizeof(float) * FV_STATS * E);
    float local[HW + 2 * P];
    int *counts = malloc(sizeof(int) * (3 * FV_H + 2) * E);
    for (int i = 0; i <= steps; i++) corr[i] = 1.0f;
    for (int e = 0; e < E; e++) lr[e] = 0.01f;
    for (int g = 0; g < P * E; g++) {
        relulab_host_global_id = g;
        fused_init(E, 0, 1999u, 0u, spec, P, init);
    }
    relulab_host_local = local;
    for (int e = 0; e < E; e++) {
        relulab_host_global_id = e;
        relulab_host_local_id = 0;
        FV_(fused_v2)(E, 0, 1999u, 0u, FV_H, init, points, ACT_RELU, 0.0f, OPT_SGD, 0.0f, 0.9f, 0.999f, 1e-7f, lr, corr,
                      FN_ABS, lo, hi, nTrain, nTest, batch, epochs, 1, 0.0f, skip, counts, stats);
    }
    int bornDead = 0, skipped = 0;
    double check = 0;
    for (int e = 0; e < E; e++) {
        int dead = 0;
        for (int l = 0; l < FV_H; l++) dead |= counts[e * (3 * FV_H + 2) + l] == FV_W;
        bornDead += dead;
        skipped += counts[e * (3 * FV_H + 2) + 3 * FV_H + 1];
        check += stats[e * FV_STATS];
    }
    printf("networks %d, born dead %d, steps on the skipping path %d of %d, loss checksum %.9g\n", E, bornDead,
           skipped, E * steps, check);
    return 0;
}
