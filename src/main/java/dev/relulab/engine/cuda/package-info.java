/** The CUDA engine: JCuda driver-API orchestration of the kernels compiled by nvcc into one fatbin. */
package dev.relulab.engine.cuda;
