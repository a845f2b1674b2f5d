package dev.relulab.engine.cuda;

import dev.relulab.engine.Buffer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/** A float32 or int32 array in device memory; closing frees it (and logs, never throws, if that fails). */
final class CudaBuffer implements Buffer {
    private final CudaContext ctx;
    private final long length;
    private final boolean isInt;
    final CUdeviceptr ptr = new CUdeviceptr();
    private boolean freed;

    /** Allocates and zeroes n elements (at least one word, since the driver refuses empty allocations). */
    CudaBuffer(CudaContext ctx, long n, boolean isInt) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " must not be negative");
        this.ctx = ctx;
        this.length = n;
        this.isInt = isInt;
        long bytes = Math.max(1, n) * Float.BYTES;
        CudaCheck.check(JCudaDriver.cuMemAlloc(ptr, bytes), "cuMemAlloc " + bytes + " bytes");
        CudaCheck.check(JCudaDriver.cuMemsetD32Async(ptr, 0, Math.max(1, n), ctx.stream), "cuMemsetD32Async");
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isInt() {
        return isInt;
    }

    @Override
    public void close() {
        if (freed) return;
        freed = true;
        CudaContext.logFailure(JCudaDriver.cuCtxSetCurrent(ctx.context), "cuCtxSetCurrent");
        CudaContext.logFailure(JCudaDriver.cuMemFree(ptr), "cuMemFree");
    }

    /** This buffer as a kernel or copy argument, checked for type, size and use after close. */
    CUdeviceptr checked(boolean wantInt, long count, String what) {
        if (freed) throw new IllegalStateException(what + ": buffer was closed");
        if (isInt != wantInt) {
            throw new IllegalArgumentException(what + ": expected " + (wantInt ? "an int" : "a float")
                    + " buffer, got " + (isInt ? "an int" : "a float") + " buffer");
        }
        if (count > length) {
            throw new IllegalArgumentException(what + ": " + count + " elements needed, buffer holds " + length);
        }
        return ptr;
    }
}
