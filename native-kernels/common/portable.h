/*
 * portable.h - the small dialect that CUDA C++ and OpenCL C share, so that every kernel body in common/ is written
 * once and compiled by nvcc (cuda/relulab.cu) and by the OpenCL driver (opencl/relulab.cl).
 *
 * Kernel bodies use only: KERNEL, GLOBAL (pointer into device memory), LOCAL (work-group shared memory), DEVICE
 * (helper functions), RESTRICT, the index macros, BARRIER(), the F* math wrappers (float overloads on both sides)
 * and MUL_RN / ADD_RN where a product-then-sum must round twice, exactly as Java does (no fused multiply-add).
 * f64 with DMUL_RN / DADD_RN / DDIV_RN / DSQRT / DLOG / DCOS is double where the device has it (float otherwise);
 * F64_FROM_BITS rebuilds a double passed from Java as two int words, TO_F32 rounds a double to float.
 * UNROLL before a loop with a compile-time trip count unrolls it fully (#pragma unroll / opencl_unroll_hint), so that
 * arrays indexed by its counter can live in registers; NO_UNROLL keeps a loop rolled. DYNAMIC_LOCAL(name, n) declares
 * a kernel's work-group float array: CUDA's extern __shared__ (sized by the launch), OpenCL's __local float name[n]
 * (n from the program's -D options); LOCAL_PTR qualifies a pointer into it (__local in OpenCL, nothing in CUDA,
 * where __shared__ is a storage class); the array is 16-byte aligned. LOCAL_ATOMIC_OR(p, v) ORs v into the int at p in
 * local memory. IS_NAN, AS_FLOAT/AS_INT (bit casts) complete the set.
 *
 * A third branch, RELULAB_HOST, compiles the same bodies as plain C for the x86 cost model (valgrind --tool=callgrind,
 * native-kernels/host/fused_cost.c); its driver supplies the work-item indices (thread-local: one thread per lane of
 * a work group), the group's local memory and the barrier.
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
#define UNROLL _Pragma("unroll")
#define NO_UNROLL _Pragma("unroll 1")
#define DYNAMIC_LOCAL(name, n) extern __shared__ __align__(16) float name[]
#define LOCAL_PTR
#define LOCAL_ATOMIC_OR(p, v) atomicOr((p), (v))
#define IS_NAN(x) isnan(x)
#define AS_FLOAT(i) __int_as_float(i)
#define AS_INT(f) __float_as_int(f)

#elif defined(RELULAB_HOST) /* plain C on the host: the cost model's x86 build */

#include <math.h>
#include <string.h>
typedef unsigned int uint;
extern __thread int relulab_host_global_id, relulab_host_local_id, relulab_host_group_id;
#define KERNEL
#define GLOBAL
#define LOCAL
#define DEVICE static inline
#define RESTRICT restrict
#define GLOBAL_ID relulab_host_global_id
#define LOCAL_ID_X relulab_host_local_id
#define LOCAL_ID_Y 0
#define GROUP_ID_X relulab_host_group_id
#define GROUP_ID_Y 0
#define GROUP_ID_Z 0
#define BARRIER() relulab_host_barrier()
void relulab_host_barrier(void);
#define MUL_RN(a, b) ((a) * (b))
#define ADD_RN(a, b) ((a) + (b))
#define MULHI_U32(a, b) ((uint) (((unsigned long long) (a) * (unsigned long long) (b)) >> 32))
#define CLZ_U32(x) ((x) == 0u ? 32 : __builtin_clz(x))
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
#define IS_NAN(x) isnan(x)
typedef double f64;
#define HAS_F64 1
#define DMUL_RN(a, b) ((a) * (b))
#define DADD_RN(a, b) ((a) + (b))
#define DDIV_RN(a, b) ((a) / (b))
#define DSQRT(x) sqrt(x)
#define DLOG(x) log(x)
#define DCOS(x) cos(x)
#define F64_FROM_BITS(hi, lo, f32bits) relulab_host_double((hi), (lo))
static inline double relulab_host_double(int hi, int lo) {
    unsigned long long b = ((unsigned long long) (uint) hi << 32) | (uint) lo;
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}
static inline float relulab_host_as_float(int i) {
    float f;
    memcpy(&f, &i, sizeof f);
    return f;
}
static inline int relulab_host_as_int(float f) {
    int i;
    memcpy(&i, &f, sizeof i);
    return i;
}
#define AS_FLOAT(i) relulab_host_as_float(i)
#define AS_INT(f) relulab_host_as_int(f)
#define TO_F32(x) ((float) (x))
#define UNROLL _Pragma("GCC unroll 256")
#define NO_UNROLL
extern float *relulab_host_local; /* one work group's local memory, shared by its threads */
#define DYNAMIC_LOCAL(name, n) float *name = relulab_host_local
#define LOCAL_PTR
#define LOCAL_ATOMIC_OR(p, v) __atomic_fetch_or((p), (v), __ATOMIC_RELAXED)

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
#define UNROLL __attribute__((opencl_unroll_hint))
#define NO_UNROLL __attribute__((opencl_unroll_hint(1)))
#define DYNAMIC_LOCAL(name, n) __local float name[n] __attribute__((aligned(16)))
#define LOCAL_PTR __local
#define LOCAL_ATOMIC_OR(p, v) atomic_or((volatile __local int *) (p), (v))
#define IS_NAN(x) isnan(x)
#define AS_FLOAT(i) as_float(i)
#define AS_INT(f) as_int(f)

#endif

#endif
