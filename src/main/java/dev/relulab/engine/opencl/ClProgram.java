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

/** The built kernel program on one device and its kernels by name. */
final class ClProgram implements AutoCloseable {
    /**
     * Build option for Java's rounding of division and sqrt, so that the optimizer matches the CPU exactly; given only
     * where the device supports it (elsewhere its effect is implementation-defined).
     */
    static final String EXACT_DIV_SQRT = "-cl-fp32-correctly-rounded-divide-sqrt";
    static final String[] KERNELS = {"fill_f32", "fill_i32", "dense_forward_v1", "dense_forward_v2",
        "prelu_slope_grad", "activation_backward", "dense_backward_weights", "dense_backward_weights_v2",
        "dense_backward_dx_v1", "dense_backward_dx_v2", "loss_v1",
        "optimizer_step", "function_points", "gather_rows", "reduce_dead", "abs_sum", "dormant_mask", "output_stats",
        "fused_init"};
    /** Kernels of init.h, in the program only where the device has cl_khr_fp64 (relulab.cl guards the include). */
    static final String[] FP64_KERNELS = {"init_params", "init_rai"};

    final long program;
    private final Map<String, Long> kernels = new LinkedHashMap<>();

    ClProgram(long context, ClDevice device) throws EngineUnavailableException {
        this(context, device, KernelSource.MAIN, "", KERNELS);
        if (device.fp64) {
            int[] err = new int[1];
            for (String name : FP64_KERNELS) create(name, err);
        }
    }

    /**
     * Builds kernels/{@code main} with {@code options} (after the exact division and sqrt option where the device has
     * it) and looks up {@code names}; a failed build reports the driver's log.
     */
    ClProgram(long context, ClDevice device, String main, String options, String... names)
            throws EngineUnavailableException {
        String source = KernelSource.load(main);
        int[] err = new int[1];
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer rc = stack.mallocInt(1);
            program = clCreateProgramWithSource(context, source, rc);
            ClCheck.check(rc.get(0), "clCreateProgramWithSource", main);
        }
        String all = ((device.exactDivSqrt ? EXACT_DIV_SQRT : "") + " " + options).trim();
        int rc = clBuildProgram(program, device.id, all, null, 0);
        if (rc != CL_SUCCESS) {
            String log = buildLog(device.id);
            clReleaseProgram(program);
            throw new EngineUnavailableException("OpenCL build of kernels/" + main + " (" + all + ") failed on "
                    + device + " (" + ClCheck.name(rc) + "); build log:\n" + log);
        }
        for (String name : names) create(name, err);
    }

    private void create(String name, int[] err) {
        long k = clCreateKernel(program, name, err);
        ClCheck.check(err[0], "clCreateKernel", name);
        kernels.put(name, k);
    }

    long kernel(String name) {
        Long k = kernels.get(name);
        if (k == null) throw new IllegalArgumentException("no kernel '" + name + "' in this program");
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
        if (rc != CL_SUCCESS && first == null) first = "clReleaseProgram: " + ClCheck.name(rc);
        return first;
    }

    @Override
    public void close() {
        release();
    }
}
