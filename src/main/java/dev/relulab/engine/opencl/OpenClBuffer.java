package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.clReleaseMemObject;

import dev.relulab.engine.Buffer;

/** A float32 or int32 array in an OpenCL device's global memory; closing releases it (logged, never thrown). */
public final class OpenClBuffer implements Buffer {
    final long mem;
    private final long length;
    private final boolean isInt;
    private boolean closed;

    OpenClBuffer(long mem, long length, boolean isInt) {
        this.mem = mem;
        this.length = length;
        this.isInt = isInt;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isInt() {
        return isInt;
    }

    /** The cl_mem of an open OpenCL buffer (0 for null, an absent optional buffer); {@code what} names it in errors. */
    static long mem(Buffer b, String what) {
        if (b == null) return 0L;
        if (!(b instanceof OpenClBuffer)) {
            throw new IllegalArgumentException(what + " is a " + b.getClass().getSimpleName() + ", not an OpenCL buffer");
        }
        OpenClBuffer c = (OpenClBuffer) b;
        if (c.closed) throw new IllegalArgumentException(what + " was closed");
        return c.mem;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        int rc = clReleaseMemObject(mem);
        if (rc != 0) {
            System.getLogger("dev.relulab.engine.opencl").log(System.Logger.Level.WARNING,
                    "clReleaseMemObject (" + length + (isInt ? " ints" : " floats") + "): " + ClCheck.name(rc));
        }
    }
}
