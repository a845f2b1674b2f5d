/* relulab.cl - the OpenCL program: every kernel family of common/, compiled by the driver at run time. The engine
   resolves the includes itself (it concatenates the headers), so the driver needs no include path. */
#include "../common/fill.h"
#include "../common/dense_forward.h"
#include "../common/dense_backward.h"
#include "../common/loss.h"
#include "../common/optimizer.h"
#include "../common/data.h"
#include "../common/dead_mask.h"
/* init.h draws normals in double; the engine falls back to host initialisation on devices without it. */
#if defined(cl_khr_fp64)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#include "../common/init.h"
#endif
#include "../common/fused_common.h"
#include "../common/fused_order.h"
