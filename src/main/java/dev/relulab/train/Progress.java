package dev.relulab.train;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on standard error for runs longer than a second: steps done of the total, rate and time left.
 * Silent when standard error is not a terminal (unless forced), so logs and CI stay clean.
 */
public final class Progress implements AutoCloseable {
    private static final long FIRST_DRAW_NANOS = 1_000_000_000L, REDRAW_MILLIS = 200;

    private final String label;
    private final long total;
    /** A weighted view's parent (it counts there, {@code weight} units a step), or null. */
    private final Progress parent;
    private final long weight;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final PrintStream out;
    private final Thread painter;
    private volatile boolean drawn;

    private Progress(String label, long total, PrintStream out) {
        this(label, total, out, null, 1);
    }

    private Progress(String label, long total, PrintStream out, Progress parent, long weight) {
        this.parent = parent;
        this.weight = weight;
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        if (out == null) {
            painter = null;
            return;
        }
        painter = new Thread(this::paintLoop, "relulab-progress");
        painter.setDaemon(true);
        painter.start();
    }

    /** A bar on stderr when it is a terminal (or {@code force}); otherwise one that only counts. */
    public static Progress start(String label, long total, boolean force) {
        return new Progress(label, total, force || stderrIsTerminal() ? System.err : null);
    }

    /**
     * True when standard error is a terminal, whatever standard output is: on Linux, file descriptor 2 links to a
     * tty or pts device; elsewhere Java's console test (which needs stdin and stdout on the terminal) is the guess.
     */
    public static boolean stderrIsTerminal() {
        java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
        try {
            String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** A view that counts each step as {@code weight} of this bar's units (a grid cell's share of the work). */
    public Progress weighted(long weight) {
        return new Progress(label, total, null, this, weight);
    }

    /** One that never draws. */
    public static Progress silent(long total) {
        return new Progress("", total, null);
    }

    public void advance(long steps) {
        if (parent != null) {
            parent.advance(steps * weight);
        } else {
            done.addAndGet(steps);
        }
    }

    public long done() {
        return done.get();
    }

    private void paintLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REDRAW_MILLIS);
                if (System.nanoTime() - startNanos >= FIRST_DRAW_NANOS) draw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        long d = Math.min(done.get(), total);
        double frac = (double) d / total, secs = (System.nanoTime() - startNanos) / 1e9;
        int width = 30, fill = (int) (frac * width);
        // time left at the rate measured so far (grid cells weigh their steps by their cost, so the rate holds)
        String eta = d == 0 ? "?" : String.format("%.0fs", secs / frac - secs);
        out.printf("\r%s [%s%s] %5.1f%%  %.1fs elapsed, %s left ", label, "#".repeat(fill), ".".repeat(width - fill),
                100 * frac, secs, eta);
        out.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (painter == null) return;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            draw();
            out.println();
        }
    }
}
