package dev.relulab.engine;

/**
 * The small device that a backend implements for {@link DeviceEngine}: memory, copies, one kernel launch, waiting and
 * a timer. Which kernel serves an operation, its argument checks, its arguments and its launch range are the {@link
 * KernelPlan}'s, written once for every device. CUDA and OpenCL implement it; tests implement it to record launches.
 */
public interface Device extends AutoCloseable {
    EngineKind kind();

    /** The device in words. */
    String name();

    /** True on a GPU (benches size their default workloads by it). */
    boolean onGpu();

    /** Whether kernels that need double precision (the init kernels) run here. */
    boolean fp64();

    /** Whether 16 x 16 work groups run here well enough for the tiled dense kernels to be chosen. */
    boolean prefersTiles();

    /** Multiprocessors (CUDA SMs, OpenCL compute units): the fused trainer's lane rule sizes ensembles by them. */
    int computeUnits();

    /**
     * Whether this device has compile-time variant {@code kernel} of a family: CUDA those the build compiled
     * (cuda/fused_variants.h), OpenCL any (it builds each configuration when first launched).
     */
    boolean ships(KernelId kernel);

    /** The most networks one chunk may hold when each needs {@code bytesPerNetwork} of device memory. */
    int maxChunkNetworks(long bytesPerNetwork);

    /** A float32 or int32 buffer of n elements whose contents are undefined (the engine zeroes it). */
    Buffer allocate(long n, boolean isInt);

    /** Copies {@code src[0..count)} to the buffer; returns once {@code src} may be reused. */
    void write(Buffer dst, float[] src, int count);

    void writeInts(Buffer dst, int[] src, int count);

    /** Copies the buffer's first {@code count} elements to {@code dst} after the queued work; returns when they landed. */
    void read(Buffer src, float[] dst, int count);

    void readInts(Buffer src, int[] dst, int count);

    /** Sets {@code count} 32-bit words to {@code bits} with a driver memset; false where there is none (the plan launches fill kernels). */
    boolean memset(Buffer dst, int bits, long count);

    /** Queues a copy of {@code count} elements between two buffers. */
    void copy(Buffer src, Buffer dst, long count);

    /**
     * Queues one kernel over {@code range} with the arguments in ABI order (and the range's dynamic local memory,
     * which CUDA opts a kernel into above 48 KB).
     */
    void launch(KernelId kernel, LaunchRange range, Arg[] args);

    /** The batched matrix product of a library (cuBLAS) where one loaded, else null. */
    default Gemm gemm() {
        return null;
    }

    /** Waits for all queued work; a fault of queued work is thrown here. */
    void synchronize();

    /** Seconds of device work that {@code op} queues, by the device's own clock; returns after the work is done. */
    double time(Runnable op);

    /** How {@link #time} measures, in a few words. */
    String timerName();

    /** Frees the device's context; logs, never throws. */
    @Override
    void close();
}
