package dev.relulab.train;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.cpu.fused.FusedCpuTrainer;
import java.util.Locale;

/**
 * What a training will need on the host, computed before any work: the per-network results on the heap (twice when
 * resuming: the kept chunks beside the run's own), what the caller keeps per network, and on the CPU engine, whose
 * buffers live on the heap too, one chunk's buffers per worker. A plan that does not fit is refused in one line that
 * names the options, the estimate and the limit, rather than ending in an OutOfMemoryError.
 */
public final class Plan {
    /** Share of the heap a run may plan to use; the rest is the JVM's, the reports' and the figures'. */
    static final double HEAP_SHARE = 0.75;

    private Plan() {}

    /** Heap bytes of {@link EnsembleResult} per network: flags, losses, and three per-layer int rows. */
    public static long resultBytesPerNetwork(int hiddenLayers) {
        long row = align(16 + 4L * hiddenLayers) + 4;
        return 5 + 12 + 3 * row;
    }

    /**
     * Refuses {@code cfg} on {@code engine} when it does not fit the heap; {@code what} names the options that size
     * the run ("--networks 1000 --width 2 --depth 10"), {@code callerBytesPerNetwork} is what the experiment keeps
     * per network besides the trainer's results.
     */
    public static void check(String what, Engine engine, TrainingConfig cfg, long callerBytesPerNetwork,
                             boolean resuming) {
        check(what, engine, cfg, null, callerBytesPerNetwork, resuming);
    }

    /** As {@link #check(String, Engine, TrainingConfig, long, boolean)} for a training on {@code data}. */
    public static void check(String what, Engine engine, TrainingConfig cfg, DataSource data,
                             long callerBytesPerNetwork, boolean resuming) {
        long perNetwork = resultBytesPerNetwork(cfg.arch.hiddenLayers()) * (resuming ? 2 : 1) + callerBytesPerNetwork;
        long results = multiply(perNetwork, cfg.networks);
        long buffers = 0;
        FusedNetwork fused = data == null ? null : FusedTrainer.plan(engine, cfg, data);
        if (engine.kind() == EngineKind.CPU) {
            long one = fused != null ? FusedCpuTrainer.hostBytesPerNetwork(fused)
                    : ChunkBuffers.bytesPerNetwork(cfg.arch, cfg.batch, cfg.optimizer.stateSlots());
            int chunk = new EnsembleTrainer(engine).chunkSize(cfg, data);
            if (fused != null) chunk = FusedCpuTrainer.lanesAtOnce(chunk);
            int workers = Math.min(engine.parallelChunks(), (cfg.networks + chunk - 1) / chunk);
            long largest = 0;
            for (int l = 1; l <= cfg.arch.layers(); l++) {
                largest = Math.max(largest, multiply((long) cfg.arch.width(l) * cfg.arch.width(l - 1), chunk));
            }
            if (largest > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + ": a chunk's largest weight matrix has " + largest
                        + " floats, over the 2^31 - 1 a Java array holds");
            }
            buffers = multiply(multiply(one, chunk), workers);
        }
        long need = results + buffers, limit = heapLimit();
        if (need > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs about %s of heap (%s of per-network "
                    + "results, %s of CPU engine buffers), over the %s this JVM can plan for (75%% of -Xmx %s); shrink "
                    + "the options or raise -Xmx", what, size(need),
                    size(results), size(buffers), size(limit), size(Runtime.getRuntime().maxMemory())));
        }
    }

    /** Refuses a host allocation of {@code bytes} for {@code what} that would not fit the heap. */
    public static void checkHeap(String what, long bytes) {
        long limit = heapLimit();
        if (bytes > limit) {
            throw new IllegalArgumentException(what + " needs about " + size(bytes) + " of heap, over the "
                    + size(limit) + " this JVM can plan for (75% of -Xmx " + size(Runtime.getRuntime().maxMemory())
                    + "); shrink it or raise -Xmx");
        }
    }

    static long heapLimit() {
        Runtime rt = Runtime.getRuntime();
        return (long) (rt.maxMemory() * HEAP_SHARE) - (rt.totalMemory() - rt.freeMemory());
    }

    /** a * b, saturating at Long.MAX_VALUE (an estimate that large is refused, never wrapped). */
    public static long multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    /** Bytes in binary units, for messages. */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) return "more than 8 EiB";
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
