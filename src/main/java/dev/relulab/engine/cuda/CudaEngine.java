package dev.relulab.engine.cuda;

import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the CUDA engine: a {@link DeviceEngine} on one GPU ({@link CudaBackend}) with the kernels of the build's
 * fatbin and, where libcublas.so.12 loads, cuBLAS for the dense layers' products.
 */
public final class CudaEngine {
    private CudaEngine() {}

    /**
     * Opens the first CUDA device (or {@code -Drelulab.cuda.device=N}), warmed up (every kernel launched once, the fused
     * kernel's local memory reserved), or says in one line why it cannot.
     */
    public static Engine open() throws EngineUnavailableException {
        return open(-1);
    }

    /** Opens CUDA device {@code ordinal} (a Spark task's GPU address), or for -1 the device {@link #open()} picks. */
    public static Engine open(int ordinal) throws EngineUnavailableException {
        CudaDriver.init();
        KernelModule.image();
        CudaContext ctx;
        try {
            ctx = new CudaContext(ordinal < 0 ? CudaDevice.choose() : CudaDevice.choose(ordinal));
        } catch (CudaError e) {
            throw new EngineUnavailableException(e.getMessage(), e);
        }
        KernelModule module = null;
        DeviceEngine engine = null;
        try {
            module = new KernelModule();
            module.require(fixedKernels());
            CudaBackend backend = new CudaBackend(ctx, module);
            String[] why = new String[1];
            CublasGemm gemm = CublasGemm.open(ctx, why);
            backend.useGemm(gemm, gemm != null ? gemm.name() : "unavailable: " + why[0]);
            engine = new DeviceEngine(backend);
            engine.warmUp();
            return engine;
        } catch (EngineUnavailableException | RuntimeException e) {
            if (engine != null) {
                engine.close();
            } else {
                if (module != null) module.close();
                ctx.close();
            }
            if (e instanceof EngineUnavailableException) throw (EngineUnavailableException) e;
            throw new EngineUnavailableException("CUDA engine failed its first launches: " + e.getMessage(), e);
        }
    }

    /**
     * The GEMM library of a CUDA engine ("cuBLAS 12.6.1"), or "unavailable: " and why in one line; null for an engine
     * of another kind.
     */
    public static String gemmNote(Engine engine) {
        if (engine instanceof DeviceEngine && ((DeviceEngine) engine).device() instanceof CudaBackend) {
            return ((CudaBackend) ((DeviceEngine) engine).device()).gemmNote;
        }
        return null;
    }

    static List<String> fixedKernels() {
        List<String> names = new ArrayList<>();
        for (Kernel k : Kernel.values()) if (k.program.equals(Kernel.MAIN_PROGRAM)) names.add(k.symbol);
        return names;
    }
}
