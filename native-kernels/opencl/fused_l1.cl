/* fused_l1.cl - one variant of the fused trainer with one work item per network, built by the OpenCL engine once
   per configuration with the -D options of dev.relulab.engine.FusedVariant (FV_W, FV_H, FV_GROUP, FV_LANES,
   FV_SLOPES, FV_TAG, FV_ACT, FV_OPT, FV_LOCAL_FLOATS). The engine resolves the include itself. */
#include "../common/fused_v2.h"
