/* relulab.cu - the CUDA module: every kernel family of common/, compiled by nvcc into the build's fatbin.
   nvcc -fatbin -arch=sm_80 -I native-kernels -o relulab.fatbin native-kernels/cuda/relulab.cu */
#include <math.h>
#include "common/fill.h"
#include "common/dense_forward.h"
#include "common/dense_backward.h"
#include "common/loss.h"
#include "common/optimizer.h"
#include "common/data.h"
#include "common/dead_mask.h"
#include "common/init.h"
#include "common/fused_common.h"
#include "common/fused_order.h"
