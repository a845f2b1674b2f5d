package dev.relulab.engine.cpu;

import dev.relulab.engine.Buffer;

/** A buffer in Java heap memory: exactly one of {@code f} and {@code i} is non-null. */
final class CpuBuffer implements Buffer {
    final float[] f;
    final int[] i;

    CpuBuffer(float[] f, int[] i) {
        this.f = f;
        this.i = i;
    }

    @Override
    public long length() {
        return f != null ? f.length : i.length;
    }

    @Override
    public boolean isInt() {
        return i != null;
    }

    @Override
    public void close() {
        // heap memory: the garbage collector frees it
    }
}
