package dev.relulab.engine;

/**
 * Memory owned by an engine: a float32 or int32 array in host memory (CPU) or on a device. The trainer never reads
 * it directly; {@link Engine#read} and {@link Engine#write} move data. Closing frees device memory.
 */
public interface Buffer extends AutoCloseable {
    /** Number of elements. */
    long length();

    /** True for an int32 buffer, false for float32. */
    boolean isInt();

    @Override
    void close();
}
