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

/** The kernels of one of the build's fatbins, loaded with cuModuleLoadData; functions are looked up once by name. */
final class KernelModule implements AutoCloseable {
    /** Where the build puts the main fatbin (native-kernels/build-cuda.sh); the fused variants are in fused-K.fatbin. */
    static final String RESOURCE = "/kernels/relulab.fatbin";

    private final CUmodule module = new CUmodule();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private boolean loaded;

    /** Loads the main fatbin into the current context. */
    KernelModule() throws EngineUnavailableException {
        this(RESOURCE);
    }

    /** Loads the fatbin at class-path {@code resource} into the current context. */
    KernelModule(String resource) throws EngineUnavailableException {
        byte[] image = image(resource);
        int rc = JCudaDriver.cuModuleLoadData(module, image);
        if (rc == CUresult.CUDA_ERROR_NO_BINARY_FOR_GPU || rc == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
            throw new EngineUnavailableException("cuModuleLoadData " + resource + ": " + CudaCheck.name(rc)
                    + " (the kernels need sm_75 or newer and an NVIDIA driver that supports CUDA 13)");
        }
        CudaCheck.check(rc, "cuModuleLoadData " + resource);
        loaded = true;
    }

    /** The main fatbin's bytes, or why there are none. */
    static byte[] image() throws EngineUnavailableException {
        return image(RESOURCE);
    }

    /** True when the class path has {@code resource}. */
    static boolean exists(String resource) {
        return KernelModule.class.getResource(resource) != null;
    }

    private static byte[] image(String resource) throws EngineUnavailableException {
        try (InputStream in = KernelModule.class.getResourceAsStream(resource)) {
            if (in == null) throw new EngineUnavailableException("kernels not built: nvcc was not on the PATH at build time");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** True when this module has kernel {@code name}. */
    synchronized boolean has(String name) {
        if (functions.containsKey(name)) return true;
        CUfunction f = new CUfunction();
        if (JCudaDriver.cuModuleGetFunction(f, module, name) != CUresult.CUDA_SUCCESS) return false;
        functions.put(name, f);
        return true;
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
