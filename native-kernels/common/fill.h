/*
 * fill.h - sets the first `count` elements of a float or int buffer to one value (Engine.fill; also zeroes fresh
 * buffers).
 *
 * Launch: 1-D, one work item per element, total = count. Memory: one coalesced store per item.
 * v1 only.
 */
#ifndef RELULAB_FILL_H
#define RELULAB_FILL_H

#include "portable.h"

KERNEL void fill_f32(GLOBAL float *dst, float value, int count) {
    int gid = GLOBAL_ID;
    if (gid < count) dst[gid] = value;
}

KERNEL void fill_i32(GLOBAL int *dst, int value, int count) {
    int gid = GLOBAL_ID;
    if (gid < count) dst[gid] = value;
}

#endif
