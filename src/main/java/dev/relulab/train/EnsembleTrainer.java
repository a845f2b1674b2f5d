package dev.relulab.train;

import dev.relulab.engine.Engine;
import dev.relulab.engine.FusedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains an ensemble on one engine: cuts it into chunks that fit the engine's memory, runs
 * {@link Engine#parallelChunks()} workers that each reuse one set of chunk buffers, and gathers the per-network
 * results. Networks are independent, so the result does not depend on the chunking or the number of workers.
 */
public final class EnsembleTrainer {
    private final Engine engine;

    public EnsembleTrainer(Engine engine) {
        this.engine = engine;
    }

    /** Networks per chunk for this configuration on this engine. */
    public int chunkSize(TrainingConfig cfg) {
        long bytes = ChunkBuffers.bytesPerNetwork(cfg.arch, cfg.batch, cfg.optimizer.stateSlots());
        int fit = engine.maxChunkNetworks(bytes);
        int balanced = (cfg.networks + engine.parallelChunks() - 1) / engine.parallelChunks();
        return Math.max(1, Math.min(fit, balanced));
    }

    /** True when this training runs in the engine's fused kernel (one launch per chunk) rather than op by op. */
    public boolean usesFused(TrainingConfig cfg, DataSource data) {
        return FusedTrainer.plan(engine, cfg, data) != null;
    }

    /** How this training runs here, in one line: the fused variant and its lanes, or {@link EnsembleResult#OP_BY_OP}. */
    public String trainingPath(TrainingConfig cfg, DataSource data) {
        FusedNetwork fused = FusedTrainer.plan(engine, cfg, data);
        return fused == null ? EnsembleResult.OP_BY_OP : engine.fusedPath(fused, fusedChunkSize(cfg, fused));
    }

    private int fusedChunkSize(TrainingConfig cfg, FusedNetwork fused) {
        int fit = engine.maxChunkNetworks(FusedTrainer.bytesPerNetwork(fused));
        int balanced = (cfg.networks + engine.parallelChunks() - 1) / engine.parallelChunks();
        return Math.max(1, Math.min(fit, balanced));
    }

    /** Total progress steps of a run: network-steps of training. */
    public static long totalSteps(TrainingConfig cfg, DataSource data) {
        return (long) cfg.networks * cfg.epochs * ChunkTrainer.stepsPerEpoch(data.trainSize(), cfg.batch);
    }

    public EnsembleResult train(TrainingConfig cfg, DataSource data, Progress progress) {
        checkShapes(cfg, data);
        long t0 = System.nanoTime();
        data.prepare(engine);
        EnsembleResult out = new EnsembleResult(cfg.firstNetwork, cfg.networks, cfg.arch.widths());
        FusedNetwork fused = FusedTrainer.plan(engine, cfg, data);
        int chunk = fused == null ? chunkSize(cfg) : fusedChunkSize(cfg, fused);
        if (fused != null) out.trainingPath = engine.fusedPath(fused, chunk);
        int chunks = (cfg.networks + chunk - 1) / chunk;
        int workers = Math.min(engine.parallelChunks(), chunks);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = fused != null
                ? () -> {
                    try (FusedTrainer trainer = new FusedTrainer(engine, cfg, fused, chunk)) {
                        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                            int start = c * chunk;
                            trainer.train(cfg.firstNetwork + start, Math.min(chunk, cfg.networks - start), out,
                                    progress);
                        }
                    }
                }
                : () -> {
                    try (ChunkBuffers buf = new ChunkBuffers(engine, cfg.arch, chunk, cfg.batch,
                            cfg.optimizer.stateSlots())) {
                        ChunkTrainer trainer = new ChunkTrainer(engine, cfg, data, buf);
                        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                            int start = c * chunk;
                            trainer.train(cfg.firstNetwork + start, Math.min(chunk, cfg.networks - start), out,
                                    progress);
                        }
                    }
                };
        try {
            if (workers == 1) {
                worker.run();
            } else {
                runParallel(worker, workers);
            }
        } finally {
            data.release();
        }
        out.seconds = (System.nanoTime() - t0) / 1e9;
        return out;
    }

    private static void runParallel(Runnable worker, int workers) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "relulab-chunk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < workers; k++) futures.add(pool.submit(worker));
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkShapes(TrainingConfig cfg, DataSource data) {
        if (data.inputs() != cfg.arch.inputs() || data.outputs() != cfg.arch.outputs()) {
            throw new IllegalArgumentException("data has " + data.inputs() + " inputs and " + data.outputs()
                    + " outputs, the architecture " + cfg.arch.inputs() + " and " + cfg.arch.outputs());
        }
    }
}
