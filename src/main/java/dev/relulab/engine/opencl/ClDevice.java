package dev.relulab.engine.opencl;

/** One OpenCL device as discovery found it: its handles, names and the limits the engine sizes chunks by. */
public final class ClDevice {
    /** Position in {@link ClDevices#list()} (GPUs first), the index that selects this device. */
    public final int index;
    final long platform, id;
    public final String name, platformName, version;
    public final boolean gpu;
    public final long globalMemBytes, maxAllocBytes;
    public final int computeUnits, maxWorkGroup;
    /** Whether the device offers correctly rounded float division and sqrt (CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT). */
    public final boolean exactDivSqrt;
    /** Whether the device has double precision (cl_khr_fp64), which the init kernels need. */
    public final boolean fp64;

    ClDevice(int index, long platform, long id, String name, String platformName, String version, boolean gpu,
             long globalMemBytes, long maxAllocBytes, int computeUnits, int maxWorkGroup, boolean exactDivSqrt, boolean fp64) {
        this.index = index;
        this.platform = platform;
        this.id = id;
        this.name = name;
        this.platformName = platformName;
        this.version = version;
        this.gpu = gpu;
        this.globalMemBytes = globalMemBytes;
        this.maxAllocBytes = maxAllocBytes;
        this.computeUnits = computeUnits;
        this.maxWorkGroup = maxWorkGroup;
        this.exactDivSqrt = exactDivSqrt;
        this.fp64 = fp64;
    }

    ClDevice withIndex(int i) {
        return new ClDevice(i, platform, id, name, platformName, version, gpu, globalMemBytes, maxAllocBytes,
                computeUnits, maxWorkGroup, exactDivSqrt, fp64);
    }

    /** One line: index, kind, name, platform, version and memory. */
    public String describe() {
        return String.format("%d: %s %s (%s, %s, %d compute units, %d MiB)", index, gpu ? "GPU" : "CPU", name,
                platformName, version, computeUnits, globalMemBytes >> 20);
    }

    @Override
    public String toString() {
        return name + " (" + platformName + ")";
    }
}
