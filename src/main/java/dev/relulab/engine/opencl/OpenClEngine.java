package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;

/**
 * Opens the OpenCL engine: a {@link DeviceEngine} on one OpenCL device ({@link OpenClBackend}), whose kernels are the
 * shared sources of native-kernels/, built by the driver when the engine opens.
 */
public final class OpenClEngine {
    private OpenClEngine() {}

    /**
     * Opens the OpenCL device named by {@code device} (an index or part of a name; null for the best: GPUs before
     * CPUs); with {@code gpuOnly} a CPU device is refused (for {@code auto}).
     */
    public static Engine open(String device, boolean gpuOnly) throws EngineUnavailableException {
        ClDevice d = ClDevices.choose(device, gpuOnly);
        try {
            OpenClBackend backend;
            try {
                backend = new OpenClBackend(d);
            } catch (OpenClException e) {
                throw new EngineUnavailableException("cannot open OpenCL device " + d + ": " + e.getMessage(), e);
            }
            DeviceEngine engine = new DeviceEngine(backend);
            try {
                engine.warmUp();
            } catch (RuntimeException e) {
                engine.close();
                throw new EngineUnavailableException("OpenCL device " + d + " failed its first launches: "
                        + e.getMessage(), e);
            }
            return engine;
        } finally {
            // the driver compiled in-process (LLVM) and may have replaced the JVM's signal handlers
            SignalHandlers.restore();
        }
    }

    /** The OpenCL device an engine opened here runs on, or null for another engine. */
    public static ClDevice deviceOf(Engine engine) {
        if (engine instanceof DeviceEngine && ((DeviceEngine) engine).device() instanceof OpenClBackend) {
            return ((OpenClBackend) ((DeviceEngine) engine).device()).device;
        }
        return null;
    }
}
