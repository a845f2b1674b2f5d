/*
 * fused_variants.h - the fused trainer variants the CUDA build ships. build-cuda.sh reads these lines and generates
 * a unit that instantiates each (common/fused_v2.h or fused_v2_lanes.h with its -D settings); the CUDA engine reads
 * the same lines to know which kernels exist (other configurations train op by op there; the OpenCL engine builds
 * any configuration at run time). The activation is a compile-time constant (a runtime switch over all ten made
 * ptxas take a minute per variant); the optimizer stays a uniform runtime branch.
 *
 *   FV_ONE_LANE(activation, width, first depth, last depth)  one work item per network, depth compile-time: the
 *       network lives in registers (ptxas: no stack, no spills, checked by build-cuda.sh), so only small shapes;
 *   FV_WORK_GROUP(activation, width)  32 lanes per network, any depth up to 16 (a loop), state in shared memory.
 *
 * The set covers the presets (lu2019: relu 1 -> 2 x 10 -> 1; lu2019-leaky) and the README grid (widths 2, 3, 4, 5, 10
 * at depths 2..12) in the work-group form for relu, leaky_relu and prelu, and one lane per network for the relu
 * shapes that fit in registers and the leaky_relu lu2019 family. Its budget (native-kernels/README.md): under 2 min
 * of nvcc on 2 cores and under 20 MB of fatbins; every line added costs about 2 s of nvcc.
 *
 * Not a C header to include: a list in C-macro form.
 */
FV_ONE_LANE(relu, 2, 1, 12)
FV_ONE_LANE(relu, 3, 1, 6)
FV_ONE_LANE(relu, 4, 1, 4)
FV_ONE_LANE(relu, 5, 1, 3)
FV_ONE_LANE(leaky_relu, 2, 1, 12)
FV_WORK_GROUP(relu, 2)
FV_WORK_GROUP(relu, 3)
FV_WORK_GROUP(relu, 4)
FV_WORK_GROUP(relu, 5)
FV_WORK_GROUP(relu, 10)
FV_WORK_GROUP(leaky_relu, 2)
FV_WORK_GROUP(leaky_relu, 3)
FV_WORK_GROUP(leaky_relu, 4)
FV_WORK_GROUP(leaky_relu, 5)
FV_WORK_GROUP(leaky_relu, 10)
FV_WORK_GROUP(prelu, 2)
FV_WORK_GROUP(prelu, 3)
FV_WORK_GROUP(prelu, 4)
FV_WORK_GROUP(prelu, 5)
FV_WORK_GROUP(prelu, 10)
