/**
 * The CUDA device: JCuda driver-API context, stream, the kernels nvcc compiled into one fatbin and the fused variants
 * of the fused-K.fatbin parts, and cuBLAS through JCublas where it loads; the kernel plan of {@code engine} drives it.
 */
package dev.relulab.engine.cuda;
