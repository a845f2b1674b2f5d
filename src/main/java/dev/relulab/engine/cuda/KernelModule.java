package dev.relulab.engine.cuda;

import dev.relulab.engine.EngineUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/** The kernels of the build's fatbin, loaded with cuModuleLoadData; functions are looked up once by name. */
final class KernelModule implements AutoCloseable {
    /** Where the build puts the fatbin (native-kernels/build-cuda.sh). */
    static final String RESOURCE = "/kernels/relulab.fatbin";

    private final CUmodule module = new CUmodule();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private boolean loaded;

    /** Loads the fatbin into the current context. */
    KernelModule() throws EngineUnavailableException {
        byte[] image = image();
        int rc = JCudaDriver.cuModuleLoadData(module, image);
        if (rc == CUresult.CUDA_ERROR_NO_BINARY_FOR_GPU || rc == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
            throw new EngineUnavailableException("cuModuleLoadData " + RESOURCE + ": " + CudaCheck.name(rc)
                    + " (the kernels need sm_75 or newer and an NVIDIA driver that supports CUDA 13)");
        }
        CudaCheck.check(rc, "cuModuleLoadData " + RESOURCE);
        loaded = true;
    }

    /** The fatbin's bytes, or why there are none. */
    static byte[] image() throws EngineUnavailableException {
        try (InputStream in = KernelModule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new EngineUnavailableException("kernels not built: nvcc was not on the PATH at build time");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Looks up every kernel in {@code names} now, so that a fatbin missing one fails when the engine opens. */
    void require(Iterable<String> names) throws EngineUnavailableException {
        for (String name : names) {
            try {
                function(name);
            } catch (CudaError e) {
                throw new EngineUnavailableException(e.getMessage() + " (the fatbin is older than this engine; rebuild)");
            }
        }
    }

    /** The kernel named {@code name}; a name missing from the fatbin is reported with the call that looked for it. */
    synchronized CUfunction function(String name) {
        CUfunction f = functions.get(name);
        if (f == null) {
            f = new CUfunction();
            int rc = JCudaDriver.cuModuleGetFunction(f, module, name);
            if (rc == CUresult.CUDA_ERROR_NOT_FOUND) {
                throw new CudaError("cuModuleGetFunction " + name + ": CUDA_ERROR_NOT_FOUND (not in the fatbin: a"
                        + " kernel variant must be instantiated in native-kernels/cuda/*.cu)", rc);
            }
            CudaCheck.check(rc, "cuModuleGetFunction", name, null);
            functions.put(name, f);
        }
        return f;
    }

    @Override
    public void close() {
        if (!loaded) return;
        loaded = false;
        CudaContext.logFailure(JCudaDriver.cuModuleUnload(module), "cuModuleUnload");
    }
}
