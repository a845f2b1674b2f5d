package dev.relulab.engine.cuda;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT;

import dev.relulab.engine.EngineUnavailableException;
import java.nio.charset.StandardCharsets;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/** The CUDA device the engine runs on: its handle, name, compute capability, multiprocessors and memory. */
final class CudaDevice {
    /** System property choosing the device by ordinal; the default is device 0. */
    static final String DEVICE_PROPERTY = "relulab.cuda.device";

    final CUdevice handle;
    final int ordinal;
    final String name;
    final int major, minor, multiprocessors, threadsPerMultiprocessor;
    final long totalBytes;

    private CudaDevice(CUdevice handle, int ordinal) {
        this.handle = handle;
        this.ordinal = ordinal;
        byte[] buf = new byte[256];
        CudaCheck.check(JCudaDriver.cuDeviceGetName(buf, buf.length, handle), "cuDeviceGetName");
        int len = 0;
        while (len < buf.length && buf[len] != 0) len++;
        this.name = new String(buf, 0, len, StandardCharsets.UTF_8);
        this.major = attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        this.minor = attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        this.multiprocessors = attribute(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        this.threadsPerMultiprocessor = attribute(CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR);
        long[] total = new long[1];
        CudaCheck.check(JCudaDriver.cuDeviceTotalMem(total, handle), "cuDeviceTotalMem");
        this.totalBytes = total[0];
    }

    /** The device named by {@link #DEVICE_PROPERTY}, or device 0; the driver must be initialised. */
    static CudaDevice choose() throws EngineUnavailableException {
        String wanted = System.getProperty(DEVICE_PROPERTY, "0").trim();
        int ordinal;
        try {
            ordinal = Integer.parseInt(wanted);
        } catch (NumberFormatException e) {
            throw new EngineUnavailableException("-D" + DEVICE_PROPERTY + "=" + wanted + " is not a device number");
        }
        return choose(ordinal);
    }

    /** Device {@code ordinal}; the driver must be initialised. */
    static CudaDevice choose(int ordinal) throws EngineUnavailableException {
        int[] count = new int[1];
        CudaCheck.check(JCudaDriver.cuDeviceGetCount(count), "cuDeviceGetCount");
        if (ordinal < 0 || ordinal >= count[0]) {
            throw new EngineUnavailableException("CUDA device " + ordinal + " asked for, but there are " + count[0]);
        }
        CUdevice handle = new CUdevice();
        CudaCheck.check(JCudaDriver.cuDeviceGet(handle, ordinal), "cuDeviceGet " + ordinal);
        return new CudaDevice(handle, ordinal);
    }

    private int attribute(int attr) {
        int[] v = new int[1];
        CudaCheck.check(JCudaDriver.cuDeviceGetAttribute(v, attr, handle), "cuDeviceGetAttribute " + attr);
        return v[0];
    }

    @Override
    public String toString() {
        return name + " (sm_" + major + minor + ", " + multiprocessors + " SMs, " + (totalBytes >> 20) + " MiB)";
    }
}
