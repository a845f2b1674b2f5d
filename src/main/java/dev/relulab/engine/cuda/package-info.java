/**
 * The CUDA device: JCuda driver-API context, stream and the kernels nvcc compiled into one fatbin, and cuBLAS through
 * JCublas where it loads; the kernel plan of {@code engine} drives it.
 */
package dev.relulab.engine.cuda;
