package dev.relulab.engine.opencl;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.SharedLibrary;

/**
 * PoCL keeps compiled kernels in {@code $POCL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pocl}, else {@code
 * $HOME/.cache/pocl}, and offers no device at all when it cannot write there (a read-only HOME: "no OpenCL device").
 * Before the driver loads, {@link #ensure} points POCL_CACHE_DIR at a folder under java.io.tmpdir when the default is
 * not writable; {@link #problem} names the cause when nothing works.
 */
final class PoclCache {
    static final String VARIABLE = "POCL_CACHE_DIR";
    private static String note;

    private PoclCache() {}

    /** Sets POCL_CACHE_DIR in this process when it is unset and PoCL's default folder cannot be written. */
    static synchronized void ensure() {
        String fallback = fallback(System::getenv, System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name", "user"));
        if (fallback == null) return;
        try {
            Files.createDirectories(Path.of(fallback));
        } catch (java.io.IOException e) {
            note = "PoCL's kernel cache " + defaultFolder(System::getenv) + " is not writable and neither is " + fallback
                    + "; set " + VARIABLE + " to a writable folder";
            return;
        }
        if (setenv(VARIABLE, fallback)) {
            note = "PoCL's kernel cache " + defaultFolder(System::getenv) + " is not writable; using " + fallback;
        } else {
            note = "PoCL's kernel cache " + defaultFolder(System::getenv) + " is not writable; set " + VARIABLE;
        }
    }

    /** Why PoCL may offer no device here, or null when its cache folder was fine. */
    static synchronized String problem() {
        return note;
    }

    /**
     * The folder to use instead of PoCL's default, or null when POCL_CACHE_DIR is set or the default can be written
     * (or created).
     */
    static String fallback(Function<String, String> env, String tmpdir, String user) {
        if (env.apply(VARIABLE) != null && !env.apply(VARIABLE).isEmpty()) return null;
        Path folder = Path.of(defaultFolder(env));
        if (writable(folder)) return null;
        String safeUser = user.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
        return Path.of(tmpdir, "relulab-pocl-cache-" + safeUser).toString();
    }

    static String defaultFolder(Function<String, String> env) {
        String xdg = env.apply("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) return xdg + "/pocl";
        String home = env.apply("HOME");
        return (home == null || home.isEmpty() ? "/tmp" : home + "/.cache") + "/pocl";
    }

    /** The folder exists and is writable, or its nearest existing ancestor is a writable folder. */
    private static boolean writable(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p != null && Files.isDirectory(p) && Files.isWritable(p);
    }

    /** libc's setenv, which PoCL's getenv reads (Java cannot change its own process environment). */
    private static boolean setenv(String name, String value) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return false;
        try {
            SharedLibrary libc = Library.loadNative(PoclCache.class, "dev.relulab", "libc.so.6");
            long fn = libc.getFunctionAddress("setenv");
            if (fn == 0) return false;
            ByteBuffer n = MemoryUtil.memUTF8(name), v = MemoryUtil.memUTF8(value);
            try {
                return JNI.invokePPI(MemoryUtil.memAddress(n), MemoryUtil.memAddress(v), 1, fn) == 0;
            } finally {
                MemoryUtil.memFree(n);
                MemoryUtil.memFree(v);
            }
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
