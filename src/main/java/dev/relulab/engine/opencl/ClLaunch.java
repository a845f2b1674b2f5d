package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.*;

import dev.relulab.engine.Buffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * Sets one kernel's arguments in order and enqueues it; every call is checked with the kernel's name and, for the
 * launch, the global and local sizes. Not thread-safe: the engine runs one chunk at a time.
 */
final class ClLaunch {
    private final long queue;
    private final ClProgram program;
    private long kernel;
    private String name;
    private int arg;

    ClLaunch(long queue, ClProgram program) {
        this.queue = queue;
        this.program = program;
    }

    ClLaunch kernel(String kernelName) {
        kernel = program.kernel(kernelName);
        name = kernelName;
        arg = 0;
        return this;
    }

    ClLaunch i(int v) {
        return checked(clSetKernelArg1i(kernel, arg, v));
    }

    ClLaunch f(float v) {
        return checked(clSetKernelArg1f(kernel, arg, v));
    }

    /** A double (the init kernels' parameters; only on devices with cl_khr_fp64). */
    ClLaunch d(double v) {
        return checked(clSetKernelArg1d(kernel, arg, v));
    }

    /** A device pointer, or NULL for an absent optional buffer. */
    ClLaunch buf(Buffer b) {
        return checked(clSetKernelArg1p(kernel, arg, b == null ? 0L : ((OpenClBuffer) b).mem));
    }

    private ClLaunch checked(int rc) {
        ClCheck.check(rc, "clSetKernelArg", name + " arg " + arg);
        arg++;
        return this;
    }

    /** One work item per element of [0, total), in groups of {@code local}; nothing to do for total 0. */
    void run1d(int total, int local) {
        if (total <= 0) return;
        long global = ((long) total + local - 1) / local * local;
        enqueue(1, new long[] {global}, new long[] {local}, false);
    }

    void run2d(long gx, long gy, int lx, int ly) {
        if (gx <= 0 || gy <= 0) return;
        enqueue(2, new long[] {gx, gy}, new long[] {lx, ly}, false);
    }

    /** One work item (for timestamps); returns the launch's event, which the caller releases. */
    long runOneWithEvent() {
        return enqueue(1, new long[] {1}, new long[] {1}, true);
    }

    private long enqueue(int dims, long[] global, long[] local, boolean withEvent) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer g = stack.mallocPointer(dims), l = stack.mallocPointer(dims);
            for (int d = 0; d < dims; d++) {
                g.put(d, global[d]);
                l.put(d, local[d]);
            }
            PointerBuffer event = withEvent ? stack.mallocPointer(1) : null;
            int rc = clEnqueueNDRangeKernel(queue, kernel, dims, null, g, l, null, event);
            ClCheck.check(rc, "clEnqueueNDRangeKernel", name + " global=" + shape(global) + " local=" + shape(local));
            return withEvent ? event.get(0) : 0L;
        }
    }

    private static String shape(long[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int d = 0; d < 3; d++) b.append(d == 0 ? "" : ",").append(d < s.length ? s[d] : 1);
        return b.append(')').toString();
    }
}
