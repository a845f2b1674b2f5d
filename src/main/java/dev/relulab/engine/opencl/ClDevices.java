package dev.relulab.engine.opencl;

import static org.lwjgl.opencl.CL10.*;

import dev.relulab.engine.EngineUnavailableException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lwjgl.PointerBuffer;
import org.lwjgl.opencl.CL12;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/** Finds OpenCL devices on every platform, GPUs before CPUs, and picks one by index or name. */
public final class ClDevices {
    private ClDevices() {}

    /** Every device of every platform, GPUs first; empty when the runtime has no platform. */
    public static List<ClDevice> list() throws EngineUnavailableException {
        ClLibrary.load();
        List<ClDevice> found = new ArrayList<>();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            int[] n = new int[1];
            int err = clGetPlatformIDs(null, n);
            if (err == -1001 || n[0] == 0) return found;
            ClCheck.check(err, "clGetPlatformIDs", "(count)");
            PointerBuffer platforms = stack.mallocPointer(n[0]);
            ClCheck.check(clGetPlatformIDs(platforms, (int[]) null), "clGetPlatformIDs", "(list)");
            for (int p = 0; p < platforms.capacity(); p++) {
                long platform = platforms.get(p);
                String platformName = platformString(platform, CL_PLATFORM_NAME);
                int[] nd = new int[1];
                if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, null, nd) != CL_SUCCESS || nd[0] == 0) continue;
                PointerBuffer devices = stack.mallocPointer(nd[0]);
                ClCheck.check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devices, (int[]) null), "clGetDeviceIDs",
                        platformName);
                for (int d = 0; d < nd[0]; d++) found.add(describe(platform, platformName, devices.get(d), stack));
            }
        }
        SignalHandlers.restore();
        found.sort(Comparator.comparing((ClDevice d) -> !d.gpu));
        List<ClDevice> indexed = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) indexed.add(found.get(i).withIndex(i));
        return indexed;
    }

    /** Why PoCL's kernel cache moved (or cannot be written), or null when its default folder was writable. */
    public static String cacheNote() {
        return PoclCache.problem();
    }

    /**
     * The device {@code spec} names (an index into {@link #list()} or part of a device or platform name, case
     * ignored), or the first one when null; with {@code gpuOnly} a CPU device is refused.
     */
    public static ClDevice choose(String spec, boolean gpuOnly) throws EngineUnavailableException {
        List<ClDevice> all = list();
        if (all.isEmpty()) {
            String cache = PoclCache.problem();
            throw new EngineUnavailableException("no OpenCL platform or device found; " + (cache != null
                    && cache.contains("set ") ? cache : "install a driver: " + ClLibrary.INSTALL_HINT
                    + " (CPU) or the GPU vendor's OpenCL ICD"));
        }
        ClDevice pick = null;
        if (spec == null || spec.isBlank()) {
            pick = all.get(0);
        } else if (spec.trim().matches("\\d+")) {
            int i = Integer.parseInt(spec.trim());
            if (i >= all.size()) {
                throw new EngineUnavailableException("OpenCL device " + i + " does not exist; there are " + all.size()
                        + " (see relulab devices)");
            }
            pick = all.get(i);
        } else {
            String want = spec.trim().toLowerCase(Locale.ROOT);
            for (ClDevice d : all) {
                if ((d.name + " " + d.platformName).toLowerCase(Locale.ROOT).contains(want)) {
                    pick = d;
                    break;
                }
            }
            if (pick == null) {
                throw new EngineUnavailableException("no OpenCL device matches '" + spec + "'; found: " + names(all));
            }
        }
        if (gpuOnly && !pick.gpu) {
            throw new EngineUnavailableException("no OpenCL GPU (found only " + names(all) + ")");
        }
        return pick;
    }

    private static String names(List<ClDevice> all) {
        List<String> s = new ArrayList<>();
        for (ClDevice d : all) s.add(d.index + ": " + d.name);
        return String.join(", ", s);
    }

    private static ClDevice describe(long platform, String platformName, long device, MemoryStack stack) {
        long type = deviceLong(device, CL_DEVICE_TYPE, stack);
        PointerBuffer wg = stack.mallocPointer(1);
        ClCheck.check(clGetDeviceInfo(device, CL_DEVICE_MAX_WORK_GROUP_SIZE, wg, null), "clGetDeviceInfo",
                "CL_DEVICE_MAX_WORK_GROUP_SIZE");
        int[] cu = new int[1];
        ClCheck.check(clGetDeviceInfo(device, CL_DEVICE_MAX_COMPUTE_UNITS, cu, null), "clGetDeviceInfo",
                "CL_DEVICE_MAX_COMPUTE_UNITS");
        long fp = deviceLong(device, CL_DEVICE_SINGLE_FP_CONFIG, stack);
        return new ClDevice(-1, platform, device, deviceString(device, CL_DEVICE_NAME).trim(), platformName,
                deviceString(device, CL_DEVICE_VERSION).trim(), (type & CL_DEVICE_TYPE_GPU) != 0,
                deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE, stack), deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE,
                stack), cu[0], (int) Math.min(Integer.MAX_VALUE, wg.get(0)),
                (fp & CL12.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0,
                (" " + deviceString(device, CL_DEVICE_EXTENSIONS) + " ").contains(" cl_khr_fp64 "));
    }

    private static long deviceLong(long device, int param, MemoryStack stack) {
        java.nio.LongBuffer v = stack.mallocLong(1);
        ClCheck.check(clGetDeviceInfo(device, param, v, null), "clGetDeviceInfo", "param 0x" + Integer.toHexString(param));
        return v.get(0);
    }

    private static String deviceString(long device, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            ClCheck.check(clGetDeviceInfo(device, param, (ByteBuffer) null, size), "clGetDeviceInfo",
                    "param 0x" + Integer.toHexString(param));
            ByteBuffer buf = MemoryUtil.memAlloc((int) size.get(0));
            try {
                ClCheck.check(clGetDeviceInfo(device, param, buf, null), "clGetDeviceInfo",
                        "param 0x" + Integer.toHexString(param));
                return MemoryUtil.memUTF8(buf, Math.max(0, (int) size.get(0) - 1));
            } finally {
                MemoryUtil.memFree(buf);
            }
        }
    }

    static String platformString(long platform, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            ClCheck.check(clGetPlatformInfo(platform, param, (ByteBuffer) null, size), "clGetPlatformInfo",
                    "param 0x" + Integer.toHexString(param));
            ByteBuffer buf = MemoryUtil.memAlloc((int) size.get(0));
            try {
                ClCheck.check(clGetPlatformInfo(platform, param, buf, null), "clGetPlatformInfo",
                        "param 0x" + Integer.toHexString(param));
                return MemoryUtil.memUTF8(buf, Math.max(0, (int) size.get(0) - 1)).trim();
            } finally {
                MemoryUtil.memFree(buf);
            }
        }
    }
}
