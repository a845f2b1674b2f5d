/* fused.cl - one variant of the fused trainer, built by the OpenCL engine once per configuration with the -D options
   of dev.relulab.engine.FusedVariant (FV_W, FV_LANES, FV_SLOPES, FV_TAG, FV_ACT, FV_OPT, FV_LOCAL_FLOATS; FV_H and
   FV_GROUP for one lane per network). The engine resolves the includes itself. */
#if FV_LANES == 1
#include "../common/fused_v2.h"
#else
#include "../common/fused_v2_lanes.h"
#endif
