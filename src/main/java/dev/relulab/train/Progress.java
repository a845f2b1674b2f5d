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
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final PrintStream out;
    private final Thread painter;
    private volatile boolean drawn;

    private Progress(String label, long total, PrintStream out) {
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
        boolean tty = System.console() != null;
        return new Progress(label, total, tty || force ? System.err : null);
    }

    /** One that never draws. */
    public static Progress silent(long total) {
        return new Progress("", total, null);
    }

    public void advance(long steps) {
        done.addAndGet(steps);
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
