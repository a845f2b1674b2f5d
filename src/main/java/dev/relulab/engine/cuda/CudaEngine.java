package dev.relulab.engine.cuda;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;

/** The CUDA engine (JCuda driver API, kernels from the build's fatbin). Not implemented yet. */
public final class CudaEngine {
    private CudaEngine() {}

    /** Opens the first CUDA device, or says in one line why it cannot. */
    public static Engine open() throws EngineUnavailableException {
        throw new EngineUnavailableException("the CUDA engine is not built into this version");
    }
}
