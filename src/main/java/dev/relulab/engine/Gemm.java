package dev.relulab.engine;

/**
 * A device's batched matrix product in column-major terms, as cuBLAS's {@code cublasSgemmStridedBatched} with alpha 1
 * and beta 0: for p in [0, batch), {@code C_p = op(A_p) op(B_p)}, op(A) m x k, op(B) k x n, C m x n, matrix p of A at
 * element {@code p * strideA}, and so on. {@link DenseLaunches} maps the row-major dense layers onto it.
 */
public interface Gemm {
    void sgemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda, long strideA,
                             Buffer b, int ldb, long strideB, Buffer c, int ldc, long strideC, int batch);

    /** The library in a few words (for example "cuBLAS 12.6"). */
    String name();
}
