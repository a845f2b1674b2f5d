package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.*;

import dev.relulab.engine.Arg;
import dev.relulab.engine.LaunchRange;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * Sets one kernel's arguments in ABI order and enqueues it on a range; every call is checked with the kernel's name
 * and, for the launch, the global and local sizes.
 */
final class ClLaunch {
    private ClLaunch() {}

    static void setArgs(long kernel, String name, Arg[] args) {
        for (int k = 0; k < args.length; k++) {
            Arg a = args[k];
            int rc;
            switch (a.type()) {
                case INT: rc = clSetKernelArg1i(kernel, k, (Integer) a.value()); break;
                case FLOAT: rc = clSetKernelArg1f(kernel, k, (Float) a.value()); break;
                case DOUBLE: rc = clSetKernelArg1d(kernel, k, (Double) a.value()); break;
                default: rc = clSetKernelArg1p(kernel, k, OpenClBuffer.mem(a.buffer(), name + " " + a.name()));
            }
            ClCheck.check(rc, "clSetKernelArg", name + " arg " + k + " (" + a.name() + ")");
        }
    }

    /** Enqueues a resolved range; with {@code withEvent} returns the launch's event, which the caller releases. */
    static long enqueue(long queue, long kernel, String name, LaunchRange range, boolean withEvent) {
        int dims = range.dims();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer g = stack.mallocPointer(dims), l = stack.mallocPointer(dims);
            g.put(0, range.globalX());
            l.put(0, range.localX());
            if (dims == 2) {
                g.put(1, range.globalY());
                l.put(1, range.localY());
            }
            PointerBuffer event = withEvent ? stack.mallocPointer(1) : null;
            int rc = clEnqueueNDRangeKernel(queue, kernel, dims, null, g, l, null, event);
            ClCheck.check(rc, "clEnqueueNDRangeKernel", name + " global=(" + range.globalX() + "," + range.globalY()
                    + ",1) local=(" + range.localX() + "," + range.localY() + ",1)");
            return withEvent ? event.get(0) : 0L;
        }
    }
}
