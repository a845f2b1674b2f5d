/** The OpenCL engine: LWJGL 3 orchestration of the shared kernel sources, compiled by the driver at run time. */
package dev.relulab.engine.opencl;
