package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.*;

import dev.relulab.engine.EngineUnavailableException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/** One built OpenCL program (a source file and its build options) on one device, and its kernels by name. */
final class ClProgram implements AutoCloseable {
    /**
     * Build option for Java's rounding of division and sqrt, so that the optimizer matches the CPU exactly; given only
     * where the device supports it (elsewhere its effect is implementation-defined).
     */
    static final String EXACT_DIV_SQRT = "-cl-fp32-correctly-rounded-divide-sqrt";

    final String path, options;
    private final long program;
    private final Map<String, Long> kernels = new LinkedHashMap<>();

    /** Builds {@code path} (relative to kernels/) with {@code options}; a failed build reports the driver's log. */
    ClProgram(long context, ClDevice device, String path, String options) throws EngineUnavailableException {
        this.path = path;
        this.options = options;
        String source = KernelSource.load(path);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer rc = stack.mallocInt(1);
            program = clCreateProgramWithSource(context, source, rc);
            ClCheck.check(rc.get(0), "clCreateProgramWithSource", path);
        }
        String all = ((device.exactDivSqrt ? EXACT_DIV_SQRT : "") + " " + options).trim();
        int rc = clBuildProgram(program, device.id, all, null, 0);
        if (rc != CL_SUCCESS) {
            String log = buildLog(device.id);
            clReleaseProgram(program);
            throw new EngineUnavailableException("OpenCL build of kernels/" + path + (options.isEmpty() ? "" : " with "
                    + options) + " failed on " + device + " (" + ClCheck.name(rc) + "); build log:\n" + log);
        }
    }

    /** The kernel {@code name}, created at first use. */
    long kernel(String name) {
        Long k = kernels.get(name);
        if (k == null) {
            int[] err = new int[1];
            k = clCreateKernel(program, name, err);
            ClCheck.check(err[0], "clCreateKernel", name + " in kernels/" + path);
            kernels.put(name, k);
        }
        return k;
    }

    private String buildLog(long device) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, (ByteBuffer) null, size) != CL_SUCCESS) {
                return "(no build log)";
            }
            ByteBuffer buf = MemoryUtil.memAlloc((int) Math.max(1, size.get(0)));
            try {
                clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, buf, null);
                return MemoryUtil.memUTF8(buf, Math.max(0, (int) size.get(0) - 1)).trim();
            } finally {
                MemoryUtil.memFree(buf);
            }
        }
    }

    /** Releases kernels and program; returns the first error's description, or null. */
    String release() {
        String first = null;
        for (Map.Entry<String, Long> k : kernels.entrySet()) {
            int rc = clReleaseKernel(k.getValue());
            if (rc != CL_SUCCESS && first == null) first = "clReleaseKernel " + k.getKey() + ": " + ClCheck.name(rc);
        }
        kernels.clear();
        int rc = clReleaseProgram(program);
        if (rc != CL_SUCCESS && first == null) first = "clReleaseProgram " + path + ": " + ClCheck.name(rc);
        return first;
    }

    @Override
    public void close() {
        release();
    }
}
