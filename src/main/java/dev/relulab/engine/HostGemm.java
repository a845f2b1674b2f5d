package dev.relulab.engine;

/**
 * The Java twin of {@code cublasSgemmStridedBatched} (alpha 1, beta 0, column-major) on a device's buffers: reads A,
 * B and C back, multiplies in float with k ascending, writes C. It lets devices without a GEMM library (OpenCL on PoCL
 * in CI) run the dense layers' GEMM path, so that its row-major to column-major mapping and its bias and activation
 * kernels are checked against the CPU engine where cuBLAS is not at hand. Slow: for checks only.
 */
public final class HostGemm implements Gemm {
    private final Device device;

    public HostGemm(Device device) {
        this.device = device;
    }

    @Override
    public String name() {
        return "host GEMM (Java)";
    }

    @Override
    public void sgemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda,
                                    long strideA, Buffer b, int ldb, long strideB, Buffer c, int ldc, long strideC,
                                    int batch) {
        float[] ha = read(a), hb = read(b), hc = read(c);
        for (int p = 0; p < batch; p++) {
            long oa = p * strideA, ob = p * strideB, oc = p * strideC;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    float acc = 0f;
                    for (int l = 0; l < k; l++) {
                        float x = ha[(int) (oa + (transA ? (long) i * lda + l : (long) l * lda + i))];
                        float y = hb[(int) (ob + (transB ? (long) l * ldb + j : (long) j * ldb + l))];
                        acc += x * y;
                    }
                    hc[(int) (oc + (long) j * ldc + i)] = acc;
                }
            }
        }
        device.write(c, hc, hc.length);
    }

    private float[] read(Buffer buf) {
        float[] h = new float[Math.toIntExact(buf.length())];
        device.read(buf, h, h.length);
        return h;
    }
}
