package dev.relulab.engine;

import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.engine.cuda.CudaEngine;
import dev.relulab.engine.opencl.OpenClEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds engines: opens the one asked for, or for {@code auto} tries CUDA, then an OpenCL GPU, then the CPU, and
 * reports through {@code log} which it picked and why the others were skipped.
 */
public final class Engines {
    private Engines() {}

    /** Options for opening engines: CPU threads (0 = all cores) and the OpenCL device (null = the best). */
    public static final class Options {
        public int cpuThreads;
        public String openclDevice;
    }

    public static Engine open(EngineKind kind, Options options, Consumer<String> log) throws EngineUnavailableException {
        switch (kind) {
            case CPU: return cpu(options);
            case CUDA: return cuda(log);
            case OPENCL: return OpenClEngine.open(options.openclDevice, false);
            case AUTO: return auto(options, log);
            default: throw new AssertionError(kind);
        }
    }

    /** CUDA, and one line on whether cuBLAS serves the dense layers' products. */
    private static Engine cuda(Consumer<String> log) throws EngineUnavailableException {
        Engine e = CudaEngine.open();
        log.accept("cuda: GEMM " + CudaEngine.gemmNote(e));
        return e;
    }

    private static Engine cpu(Options options) {
        return options.cpuThreads > 0 ? new CpuEngine(options.cpuThreads) : new CpuEngine();
    }

    private static Engine auto(Options options, Consumer<String> log) {
        List<String> skipped = new ArrayList<>();
        try {
            Engine e = cuda(log);
            log.accept("engine auto: picked cuda (" + e.deviceName() + ")");
            return e;
        } catch (EngineUnavailableException | LinkageError ex) {
            skipped.add("cuda: " + firstLine(ex));
        }
        try {
            Engine e = OpenClEngine.open(options.openclDevice, true);
            log.accept("engine auto: picked opencl (" + e.deviceName() + "); skipped " + String.join("; ", skipped));
            return e;
        } catch (EngineUnavailableException | LinkageError ex) {
            skipped.add("opencl: " + firstLine(ex));
        }
        Engine e = cpu(options);
        log.accept("engine auto: picked cpu (" + e.deviceName() + "); skipped " + String.join("; ", skipped));
        return e;
    }

    /** A reason's first line (an OpenCL build log follows it), so that auto's report stays one line. */
    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
