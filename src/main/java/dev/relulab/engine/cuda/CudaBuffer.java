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

    /** Allocates n elements (at least one word, since the driver refuses empty allocations); contents undefined. */
    CudaBuffer(CudaContext ctx, long n, boolean isInt) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " must not be negative");
        this.ctx = ctx;
        this.length = n;
        this.isInt = isInt;
        long bytes = Math.max(1, n) * Float.BYTES;
        CudaCheck.check(JCudaDriver.cuMemAlloc(ptr, bytes), "cuMemAlloc " + bytes + " bytes");
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

    /** The device pointer of an open CUDA buffer ({@code what} names it in errors); null stays null. */
    static CUdeviceptr ptr(Buffer b, String what) {
        if (b == null) return null;
        if (!(b instanceof CudaBuffer)) {
            throw new IllegalArgumentException(what + " is a " + b.getClass().getSimpleName() + ", not a CUDA buffer");
        }
        CudaBuffer c = (CudaBuffer) b;
        if (c.freed) throw new IllegalArgumentException(what + ": buffer was closed");
        return c.ptr;
    }
}
