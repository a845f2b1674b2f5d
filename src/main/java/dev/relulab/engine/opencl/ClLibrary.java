package dev.relulab.engine.opencl;

import dev.relulab.engine.EngineUnavailableException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.opencl.CL;
import org.lwjgl.system.Configuration;

/**
 * Loads the OpenCL ICD loader for LWJGL once per JVM. LWJGL asks for {@code libOpenCL.so}, which Debian's
 * ocl-icd-libopencl1 does not ship (only {@code libOpenCL.so.1}), so the library is located here first.
 */
final class ClLibrary {
    static final String INSTALL_HINT = "apt-get install ocl-icd-libopencl1 pocl-opencl-icd";
    private static final String[] NAMES = {"libOpenCL.so", "libOpenCL.so.1"};
    private static final String[] DIRS = {"/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib",
        "/usr/local/lib64", "/usr/lib/aarch64-linux-gnu", "/opt/rocm/lib", "/usr/local/cuda/lib64"};

    private static String failure;
    private static boolean loaded;

    private ClLibrary() {}

    /** Makes LWJGL's OpenCL bindings usable, or says in one line what to install. */
    static synchronized void load() throws EngineUnavailableException {
        if (loaded) return;
        if (failure == null) failure = tryLoad();
        if (failure != null) throw new EngineUnavailableException(failure);
        loaded = true;
    }

    private static String tryLoad() {
        String name = Configuration.OPENCL_LIBRARY_NAME.get();
        if (name == null) {
            name = locate();
            if (name == null) {
                return "no OpenCL runtime (libOpenCL.so or libOpenCL.so.1) found; install one: " + INSTALL_HINT;
            }
            Configuration.OPENCL_LIBRARY_NAME.set(name);
        }
        Configuration.OPENCL_EXPLICIT_INIT.set(true);
        try {
            SignalHandlers.save();
            PoclCache.ensure();
            CL.create();
            return null;
        } catch (IllegalStateException alreadyCreated) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "cannot load the OpenCL runtime " + name + " (" + e.getMessage() + "); install one: " + INSTALL_HINT;
        }
    }

    /** The first libOpenCL.so, else the first libOpenCL.so.1, on LD_LIBRARY_PATH or the usual directories. */
    static String locate() {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String d : ld.split(File.pathSeparator)) if (!d.isEmpty()) dirs.add(d);
        dirs.addAll(List.of(DIRS));
        for (String n : NAMES) {
            for (String d : dirs) {
                File f = new File(d, n);
                if (f.exists()) return f.getAbsolutePath();
            }
        }
        return null;
    }
}
