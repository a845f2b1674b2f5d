package dev.relulab.perf;

import dev.relulab.engine.Engine;
import java.util.Arrays;

/**
 * Wall-clock times of one engine operation over repeated runs, each run bracketed by {@link Engine#synchronize()} so
 * that asynchronous device engines are timed the same way as the CPU.
 */
public record Timing(double medianSeconds, double minSeconds, int repeats) {

    /**
     * Runs {@code op} {@code warmup} times untimed, then {@code repeats} times timed; {@code reset} runs before every
     * run, outside the timed region (for operations that work in place).
     */
    public static Timing measure(Engine engine, int warmup, int repeats, Runnable reset, Runnable op) {
        if (warmup < 0) throw new IllegalArgumentException("warmup=" + warmup + " must be at least 0");
        if (repeats < 1) throw new IllegalArgumentException("repeats=" + repeats + " must be at least 1");
        for (int k = 0; k < warmup; k++) {
            reset.run();
            op.run();
        }
        double[] seconds = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            reset.run();
            engine.synchronize();
            long t0 = System.nanoTime();
            op.run();
            engine.synchronize();
            seconds[k] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = repeats % 2 == 1 ? seconds[repeats / 2]
                : 0.5 * (seconds[repeats / 2 - 1] + seconds[repeats / 2]);
        return new Timing(median, seconds[0], repeats);
    }

    /** Elements per second at the median time. */
    public double elementsPerSecond(long elements) {
        return elements / medianSeconds;
    }

    /** Gigabytes (1e9 bytes) per second at the median time. */
    public double gigabytesPerSecond(long bytes) {
        return bytes / medianSeconds / 1e9;
    }
}
