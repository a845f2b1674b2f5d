/* variant_check.cl - a test-only kernel family compiled per configuration (OpenClVariantTest): the engine builds this
   program with -DSCALE=.. -DOFFSET=.. -DRELULAB_KERNEL=variant_check_<tag>, once per configuration. */
#include "../common/portable.h"

KERNEL void RELULAB_KERNEL(GLOBAL float *dst, int count) {
    int gid = GLOBAL_ID;
    if (gid < count) dst[gid] = (float) (SCALE * gid + OFFSET);
}
