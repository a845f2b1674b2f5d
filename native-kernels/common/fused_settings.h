/*
 * fused_settings.h - the naming and constant-folding macros of one fused-trainer variant, included at the top of
 * fused_v2.h and fused_v2_lanes.h (no include guard: each variant redefines them from its own FV_TAG, FV_ACT and
 * FV_OPT). FV_(name) appends the variant's tag; FV_ACT_OF / FV_OPT_OF give the compile-time activation / optimizer
 * where the variant has one, else the kernel's argument. FV_PARAMS is the parameter list every variant's kernel
 * takes (native-kernels/README.md, ABI); order (may be NULL) maps work item or group i to network order[i] of the
 * chunk (fused_order.h). FV_LOCAL_SHORT is the diverged flag of a network whose kernel had less local
 * memory than its plan needs (FusedNetwork.LOCAL_SHORT; -1 is FusedNetwork.REDO, the CPU trainer's hand-back).
 */
#define FV_LOCAL_SHORT (-2)
#undef FV_ACT_OF
#undef FV_OPT_OF
#define FV_CAT2(a, b) a##b
#define FV_CAT(a, b) FV_CAT2(a, b)
#define FV_(name) FV_CAT(name, FV_TAG)
#ifdef FV_ACT
#define FV_ACT_OF(a) (FV_ACT)
#else
#define FV_ACT_OF(a) (a)
#endif
#ifdef FV_OPT
#define FV_OPT_OF(o) (FV_OPT)
#else
#define FV_OPT_OF(o) (o)
#endif
#undef FV_PARAMS
#define FV_PARAMS                                                                                                     \
    int E, int netBase, uint seedLo, uint seedHi, int hidden, GLOBAL const float *RESTRICT init,                     \
        GLOBAL float *RESTRICT points, GLOBAL const int *RESTRICT order, int act, float alpha, int optKind,          \
        float momentum, float beta1, float beta2, float epsilon, GLOBAL const float *RESTRICT lr,                    \
        GLOBAL const float *RESTRICT corrections, int fn, float lo, float hi, int nTrain, int nTest, int batch,      \
        int epochs, int probeEveryEpoch, float tau, int skip, GLOBAL int *RESTRICT counts, GLOBAL float *RESTRICT stats
