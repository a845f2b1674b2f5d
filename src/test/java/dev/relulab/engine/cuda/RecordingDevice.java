package dev.relulab.engine.cuda;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Device;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.Gemm;
import dev.relulab.engine.KernelId;
import dev.relulab.engine.LaunchRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A device that runs nothing and records every launch the plan issues, posing as the CUDA device (it prefers tiles,
 * has double precision, an H200's 132 SMs, the fused variants of cuda/fused_variants.h and, on request, a GEMM
 * library). Buffers hold no data (reads return zeros), so any engine
 * operation runs in no time; {@link Gemm} calls are checked against cuBLAS's argument rules as they come.
 */
class RecordingDevice implements Device {
    /** One launch as the device received it. */
    record Launch(KernelId kernel, LaunchRange range, Arg[] args) {}

    final List<Launch> launches = new ArrayList<>();
    final List<String> gemmProblems = new ArrayList<>();
    int gemmCalls;
    private final boolean withGemm;

    RecordingDevice(boolean withGemm) {
        this.withGemm = withGemm;
    }

    private static final class Empty implements Buffer {
        final long n;
        final boolean isInt;

        Empty(long n, boolean isInt) {
            this.n = n;
            this.isInt = isInt;
        }

        @Override public long length() { return n; }
        @Override public boolean isInt() { return isInt; }
        @Override public void close() {}
    }

    @Override public EngineKind kind() { return EngineKind.CUDA; }
    @Override public String name() { return "recording device"; }
    @Override public boolean onGpu() { return true; }
    @Override public boolean fp64() { return true; }
    @Override public boolean prefersTiles() { return true; }
    @Override public int maxChunkNetworks(long bytesPerNetwork) { return 1 << 20; }
    @Override public int computeUnits() { return 132; }
    @Override public boolean ships(KernelId kernel) { return ShippedVariants.SYMBOLS.contains(kernel.symbol()); }
    @Override public Buffer allocate(long n, boolean isInt) { return new Empty(n, isInt); }
    @Override public void write(Buffer dst, float[] src, int count) {}
    @Override public void writeInts(Buffer dst, int[] src, int count) {}
    @Override public void read(Buffer src, float[] dst, int count) { java.util.Arrays.fill(dst, 0, count, 0f); }
    @Override public void readInts(Buffer src, int[] dst, int count) { java.util.Arrays.fill(dst, 0, count, 0); }
    /** No memset, so that the fill kernels are launched and checked too. */
    @Override public boolean memset(Buffer dst, int bits, long count) { return false; }
    @Override public void copy(Buffer src, Buffer dst, long count) {}
    @Override public void synchronize() {}
    @Override public String timerName() { return "none"; }
    @Override public void close() {}

    @Override
    public double time(Runnable op) {
        op.run();
        return 1e-3;
    }

    @Override
    public void launch(KernelId kernel, LaunchRange range, Arg[] args) {
        launches.add(new Launch(kernel, range, args.clone()));
    }

    @Override
    public Gemm gemm() {
        return withGemm ? new CheckedGemm() : null;
    }

    /** cuBLAS's argument rules for cublasSgemmStridedBatched, and that every matrix fits its buffer. */
    private final class CheckedGemm implements Gemm {
        @Override
        public String name() {
            return "recorded GEMM";
        }

        @Override
        public void sgemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda,
                                        long strideA, Buffer b, int ldb, long strideB, Buffer c, int ldc, long strideC,
                                        int batch) {
            gemmCalls++;
            String call = String.format("gemm %s%s m=%d n=%d k=%d lda=%d ldb=%d ldc=%d batch=%d", transA ? "T" : "N",
                    transB ? "T" : "N", m, n, k, lda, ldb, ldc, batch);
            if (m < 0 || n < 0 || k < 0 || batch < 0) gemmProblems.add(call + ": negative size");
            if (lda < Math.max(1, transA ? k : m)) gemmProblems.add(call + ": lda too small");
            if (ldb < Math.max(1, transB ? n : k)) gemmProblems.add(call + ": ldb too small");
            if (ldc < Math.max(1, m)) gemmProblems.add(call + ": ldc too small");
            fits(call, "A", a, strideA, lda, transA ? k : m, transA ? m : k, batch);
            fits(call, "B", b, strideB, ldb, transB ? n : k, transB ? k : n, batch);
            fits(call, "C", c, strideC, ldc, m, n, batch);
        }

        /** Matrix p of {@code rows x cols}, column-major with leading dimension ld, starts at p * stride. */
        private void fits(String call, String what, Buffer buf, long stride, int ld, int rows, int cols, int batch) {
            if (buf == null || buf.isInt()) {
                gemmProblems.add(call + ": " + what + " must be a float buffer");
                return;
            }
            long need = batch == 0 || rows == 0 || cols == 0 ? 0 : (batch - 1L) * stride + (long) ld * (cols - 1) + rows;
            if (buf.length() < need) {
                gemmProblems.add(call + ": " + what + " holds " + buf.length() + " floats, needs " + need);
            }
        }
    }
}
