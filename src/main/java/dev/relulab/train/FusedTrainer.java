package dev.relulab.train;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.EngineKind;

/**
 * Trains chunks with the engine's fused kernel: one launch per chunk does everything {@link ChunkTrainer} does
 * operation by operation, for function-target data on engines that offer it ({@link Engine#canTrainFused}).
 */
final class FusedTrainer implements AutoCloseable {
    /** System property; {@code -Drelulab.fused=false} keeps every engine on the op-by-op path (for comparisons). */
    static final String PROPERTY = "relulab.fused";

    private final Engine eng;
    private final TrainingConfig cfg;
    private final DataSource data;
    private final FusedNetwork net;
    private final Buffer lr, counts, stats;
    private ChunkBuffers single;

    FusedTrainer(Engine eng, TrainingConfig cfg, DataSource data, FusedNetwork net, int capacity) {
        this.eng = eng;
        this.cfg = cfg;
        this.data = data;
        this.net = net;
        lr = eng.floats(capacity);
        counts = eng.ints((long) capacity * net.countsPerNetwork());
        stats = eng.floats((long) capacity * FusedNetwork.STATS);
    }

    /** The fused description of this training when the engine can run it fused, else null. */
    static FusedNetwork plan(Engine eng, TrainingConfig cfg, DataSource data) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || !(data instanceof FunctionData)
                || cfg.testEveryEpoch) {
            return null; // the fused kernel tests once, at the end
        }
        FunctionData f = (FunctionData) data;
        FusedNetwork net = new FusedNetwork(cfg.arch, cfg.optimizer, cfg.seed, f.target, f.lo, f.hi, f.trainSize(),
                f.testSize(), cfg.batch, cfg.epochs, cfg.probeEveryEpoch, cfg.deadThreshold);
        return eng.canTrainFused(net) ? net : null;
    }

    /**
     * Engine bytes one network needs: its learning rate and results; on a device engine also its initial parameters
     * and (CPU devices) its training points, which the kernel plan allocates for the launch.
     */
    static long bytesPerNetwork(Engine eng, FusedNetwork net) {
        long launch = eng.kind() == EngineKind.CPU ? 0 : net.arch.parametersPerNetwork() + net.trainPoints;
        return 4L * (1 + net.countsPerNetwork() + FusedNetwork.STATS + launch);
    }

    void train(int netBase, int E, EnsembleResult out, Progress progress) {
        float[] rates = new float[E];
        for (int e = 0; e < E; e++) rates[e] = cfg.lr(netBase + e);
        eng.write(lr, rates, E);
        eng.trainFused(net, netBase, E, lr, counts, stats);
        int steps = ChunkTrainer.stepsPerEpoch(net.trainPoints, net.batch);
        progress.advance((long) cfg.epochs * steps * E);
        int H = cfg.arch.hiddenLayers(), stride = net.countsPerNetwork();
        int[] c = new int[E * stride];
        float[] s = new float[E * FusedNetwork.STATS];
        eng.readInts(counts, c, c.length);
        eng.read(stats, s, s.length);
        int[] dead = new int[E * H], revived = new int[E * H], death = new int[E * H], diverged = new int[E];
        float[] lossSum = new float[E], pred = new float[E * 4], target = new float[E * 4];
        for (int e = 0; e < E; e++) {
            for (int h = 0; h < H; h++) {
                out.deadStart[netBase - out.firstNetwork + e][h] = c[e * stride + h];
                dead[e * H + h] = c[e * stride + H + h];
                revived[e * H + h] = c[e * stride + 2 * H + h];
                death[e * H + h] = c[e * stride + net.deathOffset() + h];
            }
            diverged[e] = c[e * stride + 3 * H];
            if (diverged[e] == FusedNetwork.LOCAL_SHORT) {
                throw new IllegalStateException("trainFused: " + eng.fusedPath(net, E) + " had too little local"
                        + " memory for network " + (netBase + e) + " (FusedVariant.localFloats disagrees with the kernel)");
            }
            lossSum[e] = s[e * FusedNetwork.STATS];
            System.arraycopy(s, e * FusedNetwork.STATS + 1, pred, e * 4, 4);
            System.arraycopy(s, e * FusedNetwork.STATS + 5, target, e * 4, 4);
        }
        NetworkOutcomes.store(cfg, net.testPoints, steps, netBase, E, dead, revived, death, lossSum, diverged, pred,
                target, out);
        for (int e = 0; e < E; e++) if (diverged[e] == FusedNetwork.REDO) redo(netBase + e, out);
    }

    /** Trains one network op by op, over the fused result written for it. */
    private void redo(int network, EnsembleResult out) {
        if (single == null) single = new ChunkBuffers(eng, cfg.arch, 1, cfg.batch, cfg.optimizer.stateSlots());
        new ChunkTrainer(eng, cfg, data, single).train(network, 1, out, Progress.silent(1));
        out.trainedOpByOp.incrementAndGet();
    }

    @Override
    public void close() {
        if (single != null) single.close();
        lr.close();
        counts.close();
        stats.close();
    }
}
