/*
 * portable.h - the small dialect that CUDA C++ and OpenCL C share, so that every kernel body in common/ is written
 * once and compiled by nvcc (cuda/relulab.cu) and by the OpenCL driver (opencl/relulab.cl).
 *
 * Kernel bodies use only: KERNEL, GLOBAL (pointer into device memory), LOCAL (work-group shared memory), DEVICE
 * (helper functions), RESTRICT, the index macros, BARRIER(), the F* math wrappers (float overloads on both sides)
 * and MUL_RN / ADD_RN where a product-then-sum must round twice, exactly as Java does (no fused multiply-add).
 * f64 with DMUL_RN / DADD_RN / DDIV_RN / DSQRT / DLOG / DCOS is double where the device has it (float otherwise);
 * F64_FROM_BITS rebuilds a double passed from Java as two int words, TO_F32 rounds a double to float.
 *
 * Index convention: every kernel of v1 is launched on a 1-D range of at least `total` work items (rounded up to
 * the work-group size) and returns early for gid >= total. Index math is 32-bit; the Java plan (engine/OpChecks)
 * refuses shapes of 2^31 elements or more, and GLOBAL_ID saturates at 2^31 - 1 so that no id past them goes negative.
 */
#ifndef RELULAB_PORTABLE_H
#define RELULAB_PORTABLE_H

/* Tile edge of the v2 dense kernels (dense_forward.h, dense_backward.h); engine/DenseLaunches.TILE launches them. */
#define DENSE_TILE 16

#if defined(__CUDACC__)

typedef unsigned int uint;
#define KERNEL extern "C" __global__
#define GLOBAL
#define LOCAL __shared__
#define DEVICE static __device__ __forceinline__
#define RESTRICT __restrict__
/* Clamped to INT_MAX: the grid's last block may reach past 2^31 - 1 when total is near it, and a wrapped negative id
   would pass the `gid >= total` guard; the plan accepts totals up to 2^31 - 1, and every clamped id returns. */
#define GLOBAL_ID ((int) min(blockIdx.x * blockDim.x + threadIdx.x, 0x7fffffffu))
#define LOCAL_ID_X ((int) threadIdx.x)
#define LOCAL_ID_Y ((int) threadIdx.y)
#define GROUP_ID_X ((int) blockIdx.x)
#define GROUP_ID_Y ((int) blockIdx.y)
#define GROUP_ID_Z ((int) blockIdx.z)
#define BARRIER() __syncthreads()
#define MUL_RN(a, b) __fmul_rn((a), (b))
#define ADD_RN(a, b) __fadd_rn((a), (b))
#define MULHI_U32(a, b) __umulhi((a), (b))
#define CLZ_U32(x) __clz((int) (x))
#define FEXP(x) expf(x)
#define FEXPM1(x) expm1f(x)
#define FLOG(x) logf(x)
#define FLOG1P(x) log1pf(x)
#define FERF(x) erff(x)
#define FTANH(x) tanhf(x)
#define FSIN(x) sinf(x)
#define FSQRT(x) sqrtf(x)
#define FABS(x) fabsf(x)
#define FMAX(a, b) fmaxf((a), (b))
#define IS_FINITE(x) isfinite(x)
typedef double f64;
#define HAS_F64 1
#define DMUL_RN(a, b) __dmul_rn((a), (b))
#define DADD_RN(a, b) __dadd_rn((a), (b))
#define DDIV_RN(a, b) __ddiv_rn((a), (b))
#define DSQRT(x) __dsqrt_rn(x)
#define DLOG(x) log(x)
#define DCOS(x) cos(x)
#define F64_FROM_BITS(hi, lo, f32bits) __hiloint2double((int) (hi), (int) (lo))
#define TO_F32(x) __double2float_rn(x)

#else /* OpenCL C */

/* Products and sums round separately, as in Java: uniform draws (x = lo + range * u) must be bit-identical. */
#pragma OPENCL FP_CONTRACT OFF
#define KERNEL __kernel
#define GLOBAL __global
#define LOCAL __local
#define DEVICE static inline
#define RESTRICT restrict
#define GLOBAL_ID ((int) min(get_global_id(0), (size_t) 0x7fffffff))
#define LOCAL_ID_X ((int) get_local_id(0))
#define LOCAL_ID_Y ((int) get_local_id(1))
#define GROUP_ID_X ((int) get_group_id(0))
#define GROUP_ID_Y ((int) get_group_id(1))
#define GROUP_ID_Z ((int) get_group_id(2))
#define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define MUL_RN(a, b) ((a) * (b))
#define ADD_RN(a, b) ((a) + (b))
#define MULHI_U32(a, b) mul_hi((uint) (a), (uint) (b))
#define CLZ_U32(x) ((int) clz((uint) (x)))
#define FEXP(x) exp(x)
#define FEXPM1(x) expm1(x)
#define FLOG(x) log(x)
#define FLOG1P(x) log1p(x)
#define FERF(x) erf(x)
#define FTANH(x) tanh(x)
#define FSIN(x) sin(x)
#define FSQRT(x) sqrt(x)
#define FABS(x) fabs(x)
#define FMAX(a, b) fmax((a), (b))
#define IS_FINITE(x) isfinite(x)

/* Double precision where the device has it (the initialisers' Box-Muller and the loss sum run in double on the CPU);
   without it, f64 falls back to float and those results may differ from the CPU's in the last bits. */
#if defined(cl_khr_fp64) || defined(__opencl_c_fp64)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double f64;
#define HAS_F64 1
#define F64_FROM_BITS(hi, lo, f32bits) as_double(((ulong) (uint) (hi) << 32) | (ulong) (uint) (lo))
#else
typedef float f64;
#define HAS_F64 0
#define F64_FROM_BITS(hi, lo, f32bits) as_float((uint) (f32bits))
#endif
#define DMUL_RN(a, b) ((a) * (b))
#define DADD_RN(a, b) ((a) + (b))
#define DDIV_RN(a, b) ((a) / (b))
#define DSQRT(x) sqrt(x)
#define DLOG(x) log(x)
#define DCOS(x) cos(x)
#define TO_F32(x) ((float) (x))

#endif

#endif
