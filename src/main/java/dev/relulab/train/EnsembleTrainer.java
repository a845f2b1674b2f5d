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
    /** With a checkpoint, chunks hold at most this many networks or 1/16 of a worker's share, whichever is more. */
    static final int CHECKPOINT_CHUNK = 1024;

    private final Engine engine;
    private final boolean fusedAllowed;
    private Checkpoint checkpoint;

    public EnsembleTrainer(Engine engine) {
        this(engine, true);
    }

    private EnsembleTrainer(Engine engine, boolean fusedAllowed) {
        this.engine = engine;
        this.fusedAllowed = fusedAllowed;
    }

    /** A trainer on the same engine that always takes the op-by-op path: the reference the fused paths must match. */
    public EnsembleTrainer opByOp() {
        EnsembleTrainer t = new EnsembleTrainer(engine, false);
        t.checkpoint = checkpoint;
        return t;
    }

    /** This trainer, keeping each finished chunk in {@code c} and skipping the chunks {@code c} already holds. */
    public EnsembleTrainer checkpointing(Checkpoint c) {
        this.checkpoint = c;
        return this;
    }

    /** Networks per chunk of this training on this engine (fused or op by op, as {@link #train} will run it). */
    public int chunkSize(TrainingConfig cfg, DataSource data) {
        FusedNetwork fused = plan(cfg, data);
        long bytes = fused != null ? FusedTrainer.bytesPerNetwork(engine, fused)
                : ChunkBuffers.bytesPerNetwork(cfg.arch, cfg.batch, cfg.optimizer.stateSlots());
        int fit = engine.maxChunkNetworks(bytes);
        if (checkpoint != null) {
            fit = Math.min(fit, Math.max(CHECKPOINT_CHUNK, (int) Math.min(Integer.MAX_VALUE,
                    ((long) cfg.networks + 16L * engine.parallelChunks() - 1) / (16L * engine.parallelChunks()))));
        }
        return balanced(cfg.networks, fit, engine.parallelChunks());
    }

    /**
     * Chunks of at most {@code fit} networks, as many as a multiple of the workers and all of one size (give or take
     * one network), so that no worker waits on another's last chunk.
     */
    static int balanced(int networks, int fit, int workers) {
        long chunks = ((long) networks + Math.max(1, fit) - 1) / Math.max(1, fit);
        chunks = (chunks + workers - 1) / workers * workers;
        return (int) Math.max(1, (networks + chunks - 1) / chunks);
    }

    /** True when this training runs in the engine's fused kernel (one launch per chunk) rather than op by op. */
    public boolean usesFused(TrainingConfig cfg, DataSource data) {
        return plan(cfg, data) != null;
    }

    private FusedNetwork plan(TrainingConfig cfg, DataSource data) {
        return fusedAllowed ? FusedTrainer.plan(engine, cfg, data) : null;
    }

    /** How this training runs here, in one line: the engine's fused path, or {@link EnsembleResult#OP_BY_OP}. */
    public String trainingPath(TrainingConfig cfg, DataSource data) {
        FusedNetwork fused = plan(cfg, data);
        return fused == null ? EnsembleResult.OP_BY_OP : engine.fusedPath(fused, chunkSize(cfg, data));
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
        out.epochs = cfg.epochs;
        FusedNetwork fused = plan(cfg, data);
        int chunk = chunkSize(cfg, data);
        if (fused != null) out.trainingPath = engine.fusedPath(fused, chunk);
        int chunks = (cfg.networks + chunk - 1) / chunk;
        int workers = Math.min(engine.parallelChunks(), chunks);
        AtomicInteger next = new AtomicInteger();
        long stepsPerNetwork = totalSteps(cfg, data) / cfg.networks;
        Runnable worker = fused != null
                ? () -> {
                    try (FusedTrainer trainer = new FusedTrainer(engine, cfg, data, fused, chunk)) {
                        chunks(next, chunks, chunk, cfg, out, progress, stepsPerNetwork,
                                (first, n) -> trainer.train(first, n, out, progress));
                    }
                }
                : () -> {
                    try (ChunkBuffers buf = new ChunkBuffers(engine, cfg.arch, chunk, cfg.batch,
                            cfg.optimizer.stateSlots())) {
                        ChunkTrainer trainer = new ChunkTrainer(engine, cfg, data, buf);
                        chunks(next, chunks, chunk, cfg, out, progress, stepsPerNetwork,
                                (first, n) -> trainer.train(first, n, out, progress));
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

    private interface ChunkRun {
        void train(int first, int count);
    }

    /** A worker's loop: takes chunks in turn, skipping those the checkpoint holds and keeping those it trains. */
    private void chunks(AtomicInteger next, int chunks, int chunk, TrainingConfig cfg, EnsembleResult out,
                        Progress progress, long stepsPerNetwork, ChunkRun run) {
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            int first = cfg.firstNetwork + c * chunk, n = Math.min(chunk, cfg.networks - c * chunk);
            if (checkpoint != null && checkpoint.restore(first, n, out)) {
                progress.advance(stepsPerNetwork * n);
                continue;
            }
            run.train(first, n);
            if (checkpoint != null) checkpoint.save(first, n, out);
        }
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
