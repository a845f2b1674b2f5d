package dev.relulab.engine.opencl;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.SharedLibrary;

/**
 * Keeps the JVM's signal handlers in place around OpenCL drivers that compile in-process with LLVM (PoCL, and others):
 * LLVM installs one-shot handlers for SIGSEGV, SIGBUS, SIGILL and more, PoCL one for SIGFPE, and the JVM relies on
 * SIGSEGV for safepoints and null checks, so the process dies without an hs_err file some time later. The handlers
 * are saved before the first OpenCL call and put back after the driver has initialised and compiled every kernel;
 * LLVM keeps believing its handlers are installed and does not install them again. Linux only; elsewhere (or with
 * the JDK's libjsig preloaded, which chains handlers) this does nothing harmful.
 */
final class SignalHandlers {
    /** At least sizeof(struct sigaction) on every Linux ABI (152 bytes on x86-64). */
    private static final int SIGACTION_BYTES = 256;
    private static final int SIGNALS = 32;
    private static final System.Logger LOG = System.getLogger("dev.relulab.engine.opencl");

    private static long sigaction;
    private static ByteBuffer saved;

    private SignalHandlers() {}

    /** Records the current handlers of signals 1..31 (once per JVM, before OpenCL is touched). */
    static synchronized void save() {
        if (saved != null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return;
        try {
            SharedLibrary libc = Library.loadNative(SignalHandlers.class, "dev.relulab", "libc.so.6");
            sigaction = libc.getFunctionAddress("sigaction");
            if (sigaction == 0) return;
            ByteBuffer buf = MemoryUtil.memCalloc(SIGNALS * SIGACTION_BYTES);
            for (int sig = 1; sig < SIGNALS; sig++) {
                JNI.invokePPI(sig, 0L, MemoryUtil.memAddress(buf) + (long) sig * SIGACTION_BYTES, sigaction);
            }
            saved = buf;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot save signal handlers: " + e);
        }
    }

    /** Puts back the handlers {@link #save} recorded, undoing what the OpenCL driver installed since. */
    static synchronized void restore() {
        if (saved == null) return;
        for (int sig = 1; sig < SIGNALS; sig++) {
            if (sig == 9 || sig == 19) continue;
            JNI.invokePPI(sig, MemoryUtil.memAddress(saved) + (long) sig * SIGACTION_BYTES, 0L, sigaction);
        }
    }

    /** The handler address (sa_handler) installed now for {@code sig}, or 0 where unknown. */
    static synchronized long installed(int sig) {
        if (saved == null) return 0;
        ByteBuffer now = MemoryUtil.memCalloc(SIGACTION_BYTES);
        try {
            JNI.invokePPI(sig, 0L, MemoryUtil.memAddress(now), sigaction);
            return now.getLong(0);
        } finally {
            MemoryUtil.memFree(now);
        }
    }

    /** The handler address {@link #save} recorded for {@code sig}, or 0 where unknown. */
    static synchronized long recorded(int sig) {
        return saved == null ? 0 : saved.getLong(sig * SIGACTION_BYTES);
    }
}
