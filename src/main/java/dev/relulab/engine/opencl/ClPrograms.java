package dev.relulab.engine.opencl;

import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.Kernel;
import dev.relulab.engine.KernelId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The programs of one OpenCL engine: the main program, built when the engine opens with every fixed kernel created
 * (so that a stale source fails at once), and one program per compile-time configuration of a kernel family, built
 * the first time a launch names it and kept for the engine's life.
 */
final class ClPrograms implements AutoCloseable {
    private final long context;
    private final ClDevice device;
    private final ClProgram main;
    private final Map<String, ClProgram> variants = new LinkedHashMap<>();

    ClPrograms(long context, ClDevice device) throws EngineUnavailableException {
        this.context = context;
        this.device = device;
        this.main = new ClProgram(context, device, Kernel.MAIN_PROGRAM, "");
        try {
            for (Kernel k : Kernel.values()) {
                if (k.program.equals(Kernel.MAIN_PROGRAM) && (!k.fp64 || device.fp64)) main.kernel(k.symbol);
            }
        } catch (RuntimeException e) {
            main.release();
            throw e;
        }
    }

    /** The kernel object a launch names, building its program first where it is a new configuration. */
    long kernel(KernelId id) {
        if (id.inMainProgram()) return main.kernel(id.symbol());
        String key = id.program() + " " + id.options();
        ClProgram p = variants.get(key);
        if (p == null) {
            try {
                p = new ClProgram(context, device, id.program(), id.options());
            } catch (EngineUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                SignalHandlers.restore(); // the driver compiled in-process (LLVM) and may have replaced them
            }
            variants.put(key, p);
        }
        return p.kernel(id.symbol());
    }

    /** Programs built so far, the main one included. */
    int built() {
        return 1 + variants.size();
    }

    /** Releases every program; returns the first error's description, or null. */
    String release() {
        String first = null;
        for (ClProgram p : variants.values()) {
            String err = p.release();
            if (first == null) first = err;
        }
        variants.clear();
        String err = main.release();
        return first != null ? first : err;
    }

    @Override
    public void close() {
        release();
    }
}
