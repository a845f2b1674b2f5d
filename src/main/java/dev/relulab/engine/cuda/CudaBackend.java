package dev.relulab.engine.cuda;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Device;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.Gemm;
import dev.relulab.engine.KernelId;
import dev.relulab.engine.LaunchRange;
import java.util.HashMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The CUDA {@link Device}: one GPU's primary context, one stream, the fatbin's kernels, the fused variants of the
 * fused-K.fatbin parts and, where it loads, cuBLAS.
 * Copies between Java arrays and the device are synchronous (the driver has read or written the whole array when the
 * call returns, so JCuda's pinning of the array for the call's duration suffices); device-only work is queued.
 */
final class CudaBackend implements Device {
    /** The most dynamic shared memory a block gets without opting in (cuFuncSetAttribute). */
    static final int DEFAULT_SHARED = 48 * 1024;

    private final CudaContext ctx;
    private final KernelModule module;
    private final FusedParts fused;
    private final Launcher launcher;
    /** Per kernel, the dynamic shared memory it has been opted into so far. */
    private final Map<String, Integer> optedIn = new HashMap<>();
    private CublasGemm gemm;
    /** The GEMM library's name, or why there is none. */
    String gemmNote = "unavailable: not opened";
    /** The last launch, named when a later wait reports a fault of queued work. */
    private KernelId lastKernel;
    private LaunchShape lastShape;

    CudaBackend(CudaContext ctx, KernelModule module, FusedParts fused) {
        this.ctx = ctx;
        this.module = module;
        this.fused = fused;
        this.launcher = new Launcher(ctx);
    }

    /** Attaches cuBLAS (bound to this engine's stream) for the dense layers' products, or none with the reason. */
    void useGemm(CublasGemm g, String note) {
        gemm = g;
        gemmNote = note;
    }

    @Override public EngineKind kind() { return EngineKind.CUDA; }
    @Override public boolean onGpu() { return true; }
    @Override public boolean fp64() { return true; }
    @Override public boolean prefersTiles() { return true; }
    @Override public Gemm gemm() { return gemm; }
    @Override public int computeUnits() { return ctx.device.multiprocessors; }
    @Override public String timerName() { return "CUDA events (cuEventElapsedTime)"; }

    /** The variants the build compiled: the fused ones of cuda/fused_variants.h, and any in the main fatbin. */
    @Override
    public boolean ships(KernelId kernel) {
        return moduleOf(kernel).has(kernel.symbol());
    }

    /** The module that holds {@code kernel}: a fused part for a shipped fused variant, else the main fatbin. */
    private KernelModule moduleOf(KernelId kernel) {
        KernelModule part = kernel.inMainProgram() ? null : fused.owner(kernel.symbol());
        return part != null ? part : module;
    }

    @Override
    public String name() {
        return ctx.device + ", driver CUDA " + CudaDriver.driverVersion();
    }

    @Override
    public int maxChunkNetworks(long bytesPerNetwork) {
        ctx.makeCurrent();
        return MemoryPlan.maxNetworks(ctx.memoryInfo()[0], bytesPerNetwork);
    }

    @Override
    public Buffer allocate(long n, boolean isInt) {
        ctx.makeCurrent();
        return new CudaBuffer(ctx, n, isInt);
    }

    @Override
    public void write(Buffer dst, float[] src, int count) {
        copyIn(dst, Pointer.to(src), count);
    }

    @Override
    public void writeInts(Buffer dst, int[] src, int count) {
        copyIn(dst, Pointer.to(src), count);
    }

    @Override
    public void read(Buffer src, float[] dst, int count) {
        copyOut(src, Pointer.to(dst), count);
    }

    @Override
    public void readInts(Buffer src, int[] dst, int count) {
        copyOut(src, Pointer.to(dst), count);
    }

    /** Waits for the queued work (which may still read dst), then copies synchronously from the Java array. */
    private void copyIn(Buffer dst, Pointer host, int count) {
        ctx.makeCurrent();
        synchronize();
        CudaCheck.check(JCudaDriver.cuMemcpyHtoD(CudaBuffer.ptr(dst, "write"), host, (long) count * Float.BYTES),
                "cuMemcpyHtoD " + count + " elements");
    }

    private void copyOut(Buffer src, Pointer host, int count) {
        ctx.makeCurrent();
        synchronize();
        CudaCheck.check(JCudaDriver.cuMemcpyDtoH(host, CudaBuffer.ptr(src, "read"), (long) count * Float.BYTES),
                "cuMemcpyDtoH " + count + " elements");
    }

    @Override
    public boolean memset(Buffer dst, int bits, long count) {
        ctx.makeCurrent();
        CudaCheck.check(JCudaDriver.cuMemsetD32Async(CudaBuffer.ptr(dst, "fill"), bits, count, ctx.stream),
                "cuMemsetD32Async " + count + " words");
        return true;
    }

    @Override
    public void copy(Buffer src, Buffer dst, long count) {
        ctx.makeCurrent();
        CudaCheck.check(JCudaDriver.cuMemcpyDtoDAsync(CudaBuffer.ptr(dst, "copy dst"), CudaBuffer.ptr(src, "copy src"),
                count * Float.BYTES, ctx.stream), "cuMemcpyDtoDAsync " + count + " elements");
    }

    @Override
    public void launch(KernelId kernel, LaunchRange range, Arg[] args) {
        ctx.makeCurrent();
        LaunchShape shape = LaunchShape.of(range);
        CUfunction function = moduleOf(kernel).function(kernel.symbol());
        if (shape.sharedBytes > Math.max(DEFAULT_SHARED, optedIn.getOrDefault(kernel.symbol(), 0))) {
            CudaCheck.check(JCudaDriver.cuFuncSetAttribute(function,
                    CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, shape.sharedBytes),
                    "cuFuncSetAttribute MAX_DYNAMIC_SHARED_SIZE_BYTES=" + shape.sharedBytes, kernel.symbol(), shape);
            optedIn.put(kernel.symbol(), shape.sharedBytes);
        }
        int rc = launcher.launch(function, kernel, shape, args);
        lastKernel = kernel;
        lastShape = shape;
        if (rc == CUresult.CUDA_SUCCESS) return;
        String why = rc == CUresult.CUDA_ERROR_OUT_OF_MEMORY || rc == CUresult.CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES
                ? localMemoryNote(kernel) : "";
        throw new CudaError("cuLaunchKernel " + kernel + " " + shape + ": " + CudaCheck.name(rc) + why, rc);
    }

    /** What a kernel's local memory (its stack frame) asks the driver to reserve, for an out-of-memory message. */
    private String localMemoryNote(KernelId kernel) {
        int[] bytes = new int[1];
        if (JCudaDriver.cuFuncGetAttribute(bytes, CUfunction_attribute.CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES,
                moduleOf(kernel).function(kernel.symbol())) != CUresult.CUDA_SUCCESS || bytes[0] == 0) {
            return "";
        }
        CudaDevice d = ctx.device;
        long need = MemoryPlan.localReservation(bytes[0], d.multiprocessors, d.threadsPerMultiprocessor);
        long free = ctx.memoryInfo()[0];
        return String.format(java.util.Locale.ROOT, " (the kernel's %d bytes of local memory per thread need about"
                + " %.2f GB for the %d threads that can be resident at once; %.2f GB of device memory is free)",
                bytes[0], need / 1e9, d.multiprocessors * d.threadsPerMultiprocessor, free / 1e9);
    }

    @Override
    public void synchronize() {
        ctx.makeCurrent();
        try {
            ctx.synchronize();
        } catch (CudaError e) {
            String last = lastKernel == null ? "" : " (queued work faulted; the last launch was " + lastKernel + " "
                    + lastShape + "; -D" + dev.relulab.engine.KernelPlan.SYNC_PROPERTY
                    + "=true names the kernel that faults)";
            throw new CudaError(e.getMessage() + last, e.result);
        }
    }

    @Override
    public double time(Runnable op) {
        ctx.makeCurrent();
        return ctx.time(op);
    }

    @Override
    public void close() {
        try {
            CudaContext.logFailure(JCudaDriver.cuCtxSetCurrent(ctx.context), "cuCtxSetCurrent");
            if (gemm != null) gemm.close();
            fused.close();
            module.close();
        } finally {
            ctx.close();
        }
    }
}
