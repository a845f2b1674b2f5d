package dev.relulab.perf;

import dev.relulab.engine.Engine;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** Times of one engine operation over repeated runs: their median and minimum. */
public record Timing(double medianSeconds, double minSeconds, int repeats) {

    /**
     * Runs {@code op} {@code warmup} times untimed, then {@code repeats} times timed by the engine's own clock ({@link
     * Engine#timeSeconds}: device events on a GPU); {@code reset} runs before every run, outside the timed region
     * (for operations that work in place).
     */
    public static Timing measure(Engine engine, int warmup, int repeats, Runnable reset, Runnable op) {
        return repeat(warmup, 0, repeats, reset, op, engine::timeSeconds);
    }

    /**
     * As {@link #measure}, but in wall time between two {@link Engine#synchronize()} calls: for operations that do
     * host work of their own (whole sweeps), which device events would not see.
     */
    public static Timing measureWall(Engine engine, int warmup, int repeats, Runnable reset, Runnable op) {
        return measureWall(engine, warmup, 0, repeats, reset, op);
    }

    /**
     * As {@link #measureWall(Engine, int, int, Runnable, Runnable)} with the warm-up run until both {@code warmup}
     * runs and {@code warmupSeconds} have passed: a JIT that is still compiling steals a core from timed runs.
     */
    public static Timing measureWall(Engine engine, int warmup, double warmupSeconds, int repeats, Runnable reset,
                                     Runnable op) {
        return repeat(warmup, warmupSeconds, repeats, reset, op, run -> Engine.wallSeconds(engine, run));
    }

    private static Timing repeat(int warmup, double warmupSeconds, int repeats, Runnable reset, Runnable op,
                                 ToDoubleFunction<Runnable> clock) {
        if (warmup < 0) throw new IllegalArgumentException("warmup=" + warmup + " must be at least 0");
        if (repeats < 1) throw new IllegalArgumentException("repeats=" + repeats + " must be at least 1");
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int k = 0; k < warmup || System.nanoTime() < until; k++) {
            reset.run();
            op.run();
        }
        double[] seconds = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            reset.run();
            seconds[k] = clock.applyAsDouble(op);
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
