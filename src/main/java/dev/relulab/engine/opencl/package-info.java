/**
 * The OpenCL device: LWJGL 3 context, queue and the shared kernel sources, compiled by the driver at run time (one
 * program per configuration of a per-configuration family); the kernel plan of {@code engine} drives it.
 */
package dev.relulab.engine.opencl;
