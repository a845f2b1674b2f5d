package dev.relulab.engine.cuda;

import dev.relulab.engine.EngineUnavailableException;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * Loads JCuda's native library and initialises the CUDA driver once per process; every way this can fail on a
 * machine without CUDA becomes a one-line {@link EngineUnavailableException}.
 */
final class CudaDriver {
    private static String failure;
    private static boolean ready;

    private CudaDriver() {}

    static synchronized void init() throws EngineUnavailableException {
        if (ready) return;
        if (failure == null) failure = tryInit();
        if (failure != null) throw new EngineUnavailableException(failure);
        ready = true;
    }

    /** Null on success, else why CUDA cannot be used here. */
    private static String tryInit() {
        int rc;
        try {
            JCudaDriver.setExceptionsEnabled(false);
            rc = JCudaDriver.cuInit(0);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return "no CUDA driver (libcuda.so.1) found";
        } catch (RuntimeException e) {
            // JCuda's LibUtils reports a native library it cannot load as a plain RuntimeException
            return "no CUDA driver (libcuda.so.1) found";
        }
        if (rc == CUresult.CUDA_ERROR_NO_DEVICE) return "no CUDA device";
        if (rc != CUresult.CUDA_SUCCESS) return "cuInit: " + CudaCheck.name(rc);
        int[] count = new int[1];
        rc = JCudaDriver.cuDeviceGetCount(count);
        if (rc != CUresult.CUDA_SUCCESS) return "cuDeviceGetCount: " + CudaCheck.name(rc);
        if (count[0] == 0) return "no CUDA device";
        return null;
    }

    /** The driver's CUDA version as major.minor (12080 is 12.8). */
    static String driverVersion() {
        int[] v = new int[1];
        CudaCheck.check(JCudaDriver.cuDriverGetVersion(v), "cuDriverGetVersion");
        return v[0] / 1000 + "." + v[0] % 1000 / 10;
    }
}
