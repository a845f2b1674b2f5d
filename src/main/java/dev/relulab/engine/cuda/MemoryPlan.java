package dev.relulab.engine.cuda;

/** How many networks fit one chunk in the device memory that is free now, leaving headroom for the driver and others. */
final class MemoryPlan {
    /** Fraction of free memory left unused (allocator rounding, the module, other processes' growth). */
    static final double HEADROOM_FRACTION = 0.10;
    /** Free memory always left unused, whatever the fraction says. */
    static final long HEADROOM_MIN_BYTES = 256L << 20;

    private MemoryPlan() {}

    static int maxNetworks(long freeBytes, long bytesPerNetwork) {
        if (bytesPerNetwork < 1) throw new IllegalArgumentException("bytesPerNetwork=" + bytesPerNetwork + " must be positive");
        long usable = freeBytes - Math.max(HEADROOM_MIN_BYTES, (long) (freeBytes * HEADROOM_FRACTION));
        long fit = Math.max(1, usable / bytesPerNetwork);
        // kernels index elements with 32-bit ints: keep every chunk tensor under 2^31 elements
        long indexable = Math.max(1, (long) Integer.MAX_VALUE * Float.BYTES / bytesPerNetwork);
        return (int) Math.min(Integer.MAX_VALUE, Math.min(fit, indexable));
    }

    /**
     * The local memory the driver reserves for a kernel with {@code bytesPerThread} of stack: one frame for every thread
     * that can be resident at once (the driver's rule; it keeps the reservation until the context ends). The engine
     * takes it when it opens (DeviceEngine.warmUp), so that MemoryPlan's free memory already excludes it.
     */
    static long localReservation(long bytesPerThread, int multiprocessors, int threadsPerMultiprocessor) {
        return bytesPerThread * multiprocessors * threadsPerMultiprocessor;
    }
}
