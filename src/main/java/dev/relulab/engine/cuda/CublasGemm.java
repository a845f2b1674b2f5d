package dev.relulab.engine.cuda;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Gemm;
import jcuda.Pointer;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasMath;
import jcuda.jcublas.cublasOperation;
import jcuda.jcublas.cublasPointerMode;
import jcuda.jcublas.cublasStatus;
import jcuda.runtime.cudaStream_t;

/**
 * cuBLAS through JCublas 12.6: one handle on the engine's context and stream, host pointer mode (alpha and beta from
 * Java), default math (float32 throughout: no TF32 unless NVIDIA_TF32_OVERRIDE asks for it). JCublas 12.6 links
 * against libcublas.so.12, which machines with only CUDA 13 lack; {@link #open} then says why in one line.
 */
final class CublasGemm implements Gemm, AutoCloseable {
    private static final Pointer ONE = Pointer.to(new float[] {1f}), ZERO = Pointer.to(new float[] {0f});
    private static String loadFailure;
    private static boolean loaded;

    private final cublasHandle handle = new cublasHandle();
    private final CudaContext ctx;
    private final String name;
    private boolean open;

    private CublasGemm(CudaContext ctx) {
        this.ctx = ctx;
        check(JCublas2.cublasCreate(handle), "cublasCreate");
        open = true;
        try {
            check(JCublas2.cublasSetStream(handle, new cudaStream_t(ctx.stream)), "cublasSetStream");
            check(JCublas2.cublasSetPointerMode(handle, cublasPointerMode.CUBLAS_POINTER_MODE_HOST),
                    "cublasSetPointerMode");
            check(JCublas2.cublasSetMathMode(handle, cublasMath.CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
            int[] v = new int[1];
            check(JCublas2.cublasGetVersion(handle, v), "cublasGetVersion");
            name = "cuBLAS " + v[0] / 10000 + "." + v[0] / 100 % 100 + "." + v[0] % 100;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * cuBLAS on the context's stream (the context must be current), or null with {@code why[0]} saying in one line why
     * it cannot load here.
     */
    static CublasGemm open(CudaContext ctx, String[] why) {
        String failure = load();
        if (failure == null) {
            try {
                return new CublasGemm(ctx);
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        why[0] = failure;
        return null;
    }

    /** Why JCublas cannot load here, in one line, or null when it loads (the result is kept for the process). */
    static synchronized String loadFailure() {
        return load();
    }

    private static synchronized String load() {
        if (loaded) return null;
        if (loadFailure != null) return loadFailure;
        try {
            JCublas2.setExceptionsEnabled(false);
            JCublas2.initialize();
            loaded = true;
            return null;
        } catch (LinkageError | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            loadFailure = m.contains("libcublas.so.12")
                    ? "libcublas.so.12 not found (JCublas 12.6 needs CUDA 12's cuBLAS; put its folder on LD_LIBRARY_PATH)"
                    : "cannot load JCublas: " + m.lines().findFirst().orElse(m);
            return loadFailure;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sgemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda,
                                    long strideA, Buffer b, int ldb, long strideB, Buffer c, int ldc, long strideC,
                                    int batch) {
        ctx.makeCurrent();
        int rc = JCublas2.cublasSgemmStridedBatched(handle, op(transA), op(transB), m, n, k, ONE,
                CudaBuffer.ptr(a, "gemm A"), lda, strideA, CudaBuffer.ptr(b, "gemm B"), ldb, strideB, ZERO,
                CudaBuffer.ptr(c, "gemm C"), ldc, strideC, batch);
        if (rc != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            throw new IllegalStateException(String.format("cublasSgemmStridedBatched %s%s m=%d n=%d k=%d lda=%d ldb=%d"
                    + " ldc=%d batch=%d: %s", transA ? "T" : "N", transB ? "T" : "N", m, n, k, lda, ldb, ldc, batch,
                    cublasStatus.stringFor(rc)));
        }
    }

    private static int op(boolean transpose) {
        return transpose ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N;
    }

    private static void check(int rc, String call) {
        if (rc != cublasStatus.CUBLAS_STATUS_SUCCESS) throw new IllegalStateException(call + ": " + cublasStatus.stringFor(rc));
    }

    @Override
    public void close() {
        if (!open) return;
        open = false;
        CudaContext.logFailure(jcuda.driver.JCudaDriver.cuCtxSetCurrent(ctx.context), "cuCtxSetCurrent");
        int rc = JCublas2.cublasDestroy(handle);
        if (rc != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            System.getLogger("dev.relulab.engine.cuda").log(System.Logger.Level.WARNING,
                    "cublasDestroy: " + cublasStatus.stringFor(rc));
        }
    }
}
