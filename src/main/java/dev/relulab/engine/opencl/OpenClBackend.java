package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.*;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Device;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.Kernel;
import dev.relulab.engine.KernelId;
import dev.relulab.engine.LaunchRange;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The OpenCL {@link dev.relulab.engine.Device}: one device, its context, one in-order profiling queue and the built
 * programs. Host copies are blocking and staged through native memory; every call is checked.
 */
final class OpenClBackend implements Device {
    /** Work-group size of the 1-D launches that leave it to the device. */
    static final int LOCAL = 64;
    private static final System.Logger LOG = System.getLogger("dev.relulab.engine.opencl");

    final ClDevice device;
    private final long context, queue;
    final ClPrograms programs;
    private final int local;

    OpenClBackend(ClDevice device) throws EngineUnavailableException {
        this.device = device;
        this.local = Math.max(1, Math.min(LOCAL, device.maxWorkGroup));
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer props = stack.mallocPointer(3).put(0, CL_CONTEXT_PLATFORM).put(1, device.platform).put(2, 0);
            IntBuffer err = stack.mallocInt(1);
            context = clCreateContext(props, device.id, null, 0, err);
            ClCheck.check(err.get(0), "clCreateContext", device.toString());
            queue = clCreateCommandQueue(context, device.id, CL_QUEUE_PROFILING_ENABLE, err);
            if (err.get(0) != CL_SUCCESS) {
                clReleaseContext(context);
                ClCheck.check(err.get(0), "clCreateCommandQueue", device.toString());
            }
        }
        try {
            programs = new ClPrograms(context, device);
        } catch (EngineUnavailableException | RuntimeException e) {
            clReleaseCommandQueue(queue);
            clReleaseContext(context);
            throw e;
        }
        if (!device.fp64) {
            LOG.log(System.Logger.Level.INFO, device + " has no cl_khr_fp64: initial weights are drawn on the host");
        }
    }

    @Override public EngineKind kind() { return EngineKind.OPENCL; }
    @Override public boolean onGpu() { return device.gpu; }
    @Override public boolean fp64() { return device.fp64; }
    @Override public String timerName() { return "OpenCL profiling events"; }
    @Override public int computeUnits() { return device.computeUnits; }

    /** Every configuration: its program is built when a launch first names it. */
    @Override
    public boolean ships(KernelId kernel) {
        return true;
    }

    @Override
    public String name() {
        return device.name + " (" + device.platformName + ", " + device.version + ")";
    }

    /** On a CPU device v1 lets the compiler vectorise the whole loop; GPUs that take 16 x 16 groups get the tiles. */
    @Override
    public boolean prefersTiles() {
        return device.gpu && device.maxWorkGroup >= 16 * 16;
    }

    @Override
    public int maxChunkNetworks(long bytesPerNetwork) {
        long bpn = Math.max(1, bytesPerNetwork);
        long byMem = device.globalMemBytes / 2 / bpn;
        long byAlloc = device.maxAllocBytes / bpn;
        long byIndex = (1L << 32) / bpn;
        return (int) Math.max(1, Math.min(1 << 20, Math.min(byMem, Math.min(byAlloc, byIndex))));
    }

    @Override
    public Buffer allocate(long n, boolean isInt) {
        long bytes = Math.max(1, n) * 4;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer err = stack.mallocInt(1);
            long mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, err);
            ClCheck.check(err.get(0), "clCreateBuffer", bytes + " bytes on " + device);
            return new OpenClBuffer(mem, n, isInt);
        }
    }

    @Override
    public void write(Buffer dst, float[] src, int count) {
        FloatBuffer host = MemoryUtil.memAllocFloat(count);
        try {
            host.put(src, 0, count).flip();
            ClCheck.check(clEnqueueWriteBuffer(queue, OpenClBuffer.mem(dst, "write"), true, 0, host, null, null),
                    "clEnqueueWriteBuffer", count + " floats");
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void writeInts(Buffer dst, int[] src, int count) {
        IntBuffer host = MemoryUtil.memAllocInt(count);
        try {
            host.put(src, 0, count).flip();
            ClCheck.check(clEnqueueWriteBuffer(queue, OpenClBuffer.mem(dst, "writeInts"), true, 0, host, null, null),
                    "clEnqueueWriteBuffer", count + " ints");
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void read(Buffer src, float[] dst, int count) {
        FloatBuffer host = MemoryUtil.memAllocFloat(count);
        try {
            ClCheck.check(clEnqueueReadBuffer(queue, OpenClBuffer.mem(src, "read"), true, 0, host, null, null),
                    "clEnqueueReadBuffer", count + " floats");
            host.get(dst, 0, count);
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public void readInts(Buffer src, int[] dst, int count) {
        IntBuffer host = MemoryUtil.memAllocInt(count);
        try {
            ClCheck.check(clEnqueueReadBuffer(queue, OpenClBuffer.mem(src, "readInts"), true, 0, host, null, null),
                    "clEnqueueReadBuffer", count + " ints");
            host.get(dst, 0, count);
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    /** No driver memset here: the plan launches fill_f32 / fill_i32, which CI checks like every other kernel. */
    @Override
    public boolean memset(Buffer dst, int bits, long count) {
        return false;
    }

    @Override
    public void copy(Buffer src, Buffer dst, long count) {
        ClCheck.check(clEnqueueCopyBuffer(queue, OpenClBuffer.mem(src, "copy src"), OpenClBuffer.mem(dst, "copy dst"),
                0, 0, count * 4, null, null), "clEnqueueCopyBuffer", count + " elements");
    }

    @Override
    public void launch(KernelId kernel, LaunchRange range, Arg[] args) {
        enqueue(kernel, range.resolved(local), args, false);
    }

    private long enqueue(KernelId kernel, LaunchRange range, Arg[] args, boolean withEvent) {
        long k = programs.kernel(kernel);
        ClLaunch.setArgs(k, kernel.symbol(), args);
        return ClLaunch.enqueue(queue, k, kernel.symbol(), range, withEvent);
    }

    @Override
    public void synchronize() {
        ClCheck.check(clFinish(queue), "clFinish", device.toString());
    }

    /**
     * Device time from the queue's profiling clock: a one-item fill launch before {@code op}'s work and one after; the
     * time runs from the first's end to the second's start, which an in-order queue puts around the work.
     */
    @Override
    public double time(Runnable op) {
        Buffer stamp = allocate(1, false);
        try {
            long before = stamp(stamp), after = 0;
            try {
                op.run();
                after = stamp(stamp);
                ClCheck.check(clWaitForEvents(after), "clWaitForEvents", "timer stamp");
                return (profile(after, CL_PROFILING_COMMAND_START) - profile(before, CL_PROFILING_COMMAND_END)) / 1e9;
            } finally {
                clReleaseEvent(before);
                if (after != 0) clReleaseEvent(after);
            }
        } finally {
            stamp.close();
        }
    }

    private long stamp(Buffer stamp) {
        Arg[] args = {Arg.floats("dst", stamp), Arg.f("value", 0f), Arg.i("count", 1)};
        return enqueue(Kernel.FILL_F32.id(), new LaunchRange(1, 1, 1, 1), args, true);
    }

    private static long profile(long event, int what) {
        long[] t = new long[1];
        ClCheck.check(clGetEventProfilingInfo(event, what, t, null), "clGetEventProfilingInfo", "timer stamp");
        return t[0];
    }

    @Override
    public void close() {
        try {
            int rc = clFinish(queue);
            if (rc != CL_SUCCESS) warn("clFinish: " + ClCheck.name(rc));
            String err = programs.release();
            if (err != null) warn(err);
            rc = clReleaseCommandQueue(queue);
            if (rc != CL_SUCCESS) warn("clReleaseCommandQueue: " + ClCheck.name(rc));
            rc = clReleaseContext(context);
            if (rc != CL_SUCCESS) warn("clReleaseContext: " + ClCheck.name(rc));
        } catch (RuntimeException | LinkageError e) {
            warn("closing the OpenCL engine: " + e);
        }
    }

    private static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }
}
