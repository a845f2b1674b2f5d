package dev.relulab.engine.opencl;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;

/** The OpenCL engine (LWJGL 3, kernels compiled by the driver at run time). Not implemented yet. */
public final class OpenClEngine {
    private OpenClEngine() {}

    /**
     * Opens the OpenCL device named by {@code device} (an index or part of a name; null for the best: GPUs before
     * CPUs); with {@code gpuOnly} a CPU device is refused (for {@code auto}).
     */
    public static Engine open(String device, boolean gpuOnly) throws EngineUnavailableException {
        throw new EngineUnavailableException("the OpenCL engine is not built into this version");
    }
}
