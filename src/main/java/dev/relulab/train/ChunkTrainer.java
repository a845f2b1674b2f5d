package dev.relulab.train;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Architecture;

/**
 * Trains one chunk of networks [netBase, netBase + E) from initialisation to the final tests, entirely through engine
 * operations: a probe at the start, the epochs (with a probe after each when asked), then the probe and test passes
 * whose reductions are the only data that leave the engine.
 */
final class ChunkTrainer {
    private final Engine eng;
    private final TrainingConfig cfg;
    private final Architecture arch;
    private final DataSource data;
    private final ChunkBuffers buf;
    private final int L, H;

    ChunkTrainer(Engine eng, TrainingConfig cfg, DataSource data, ChunkBuffers buf) {
        this.eng = eng;
        this.cfg = cfg;
        this.arch = cfg.arch;
        this.data = data;
        this.buf = buf;
        this.L = arch.layers();
        this.H = arch.hiddenLayers();
    }

    /** Steps of one epoch (the last minibatch may be short, as in Keras). */
    static int stepsPerEpoch(int trainSize, int batch) {
        return (trainSize + batch - 1) / batch;
    }

    void train(int netBase, int E, EnsembleResult out, Progress progress) {
        initialise(netBase, E);
        int[] dead = new int[E * Math.max(1, H)], revived = new int[E * Math.max(1, H)];
        int[] death = new int[E * Math.max(1, H)];
        java.util.Arrays.fill(death, -1);
        for (int l = 1; l <= H; l++) eng.fill(buf.everDead[l], 0, (long) E * arch.width(l));
        probe(netBase, E, dead, revived, death, 0);
        for (int e = 0; e < E; e++) {
            for (int h = 0; h < H; h++) out.deadStart[netBase - out.firstNetwork + e][h] = dead[e * H + h];
        }
        int t = 0, steps = stepsPerEpoch(data.trainSize(), cfg.batch);
        for (int epoch = 0; epoch < cfg.epochs; epoch++) {
            eng.fill(buf.lossSum, 0f, E);
            for (int s = 0; s < steps; s++) {
                int start = s * cfg.batch, B = Math.min(cfg.batch, data.trainSize() - start);
                data.trainBatch(eng, cfg.seed, netBase, E, epoch, start, B, buf.act[0], buf.y);
                forward(E, B, false);
                eng.loss(arch.loss, E, B, arch.outputs(), buf.act[L], buf.y, buf.dA[L], buf.lossLast, buf.lossSum,
                        buf.diverged);
                backward(E, B);
                update(E, cfg.optimizer.biasCorrection(++t));
            }
            progress.advance((long) steps * E);
            if (cfg.probeEveryEpoch && epoch + 1 < cfg.epochs) probe(netBase, E, dead, revived, death, epoch + 1);
            if (cfg.testEveryEpoch && epoch + 1 < cfg.epochs) test(netBase, E);
        }
        probe(netBase, E, dead, revived, death, cfg.epochs);
        test(netBase, E);
        collect(netBase, E, dead, revived, death, steps, out);
    }

    private void initialise(int netBase, int E) {
        for (int l = 1; l <= L; l++) {
            int nIn = arch.width(l - 1), nOut = arch.width(l);
            eng.initBiases(arch.biasInit, cfg.seed, netBase, E, l, nOut, buf.b[l]);
            eng.initWeights(arch.weightInit(l), cfg.seed, netBase, E, l, nIn, nOut, buf.w[l], buf.b[l]);
            if (buf.slope[l] != null) eng.fill(buf.slope[l], arch.alpha, (long) E * nOut);
            for (Buffer s : new Buffer[] {buf.wS1[l], buf.wS2[l]}) if (s != null) eng.fill(s, 0f, (long) E * nOut * nIn);
            for (Buffer s : new Buffer[] {buf.bS1[l], buf.bS2[l], buf.slopeS1[l], buf.slopeS2[l]}) {
                if (s != null) eng.fill(s, 0f, (long) E * nOut);
            }
        }
        float[] lr = new float[E];
        for (int e = 0; e < E; e++) lr[e] = cfg.lr(netBase + e);
        eng.write(buf.lr, lr, E);
        eng.fill(buf.diverged, 0, E);
    }

    private void forward(int E, int B, boolean markAlive) {
        for (int l = 1; l <= L; l++) {
            eng.denseForward(E, B, arch.width(l - 1), arch.width(l), buf.act[l - 1], buf.w[l], buf.b[l],
                    arch.activation(l), arch.alpha, buf.slope[l], buf.z[l], buf.act[l],
                    markAlive && l <= H ? buf.alive[l] : null);
        }
    }

    private void backward(int E, int B) {
        for (int l = L; l >= 1; l--) {
            eng.denseBackward(E, B, arch.width(l - 1), arch.width(l), buf.act[l - 1], buf.w[l], buf.z[l],
                    arch.activation(l), arch.alpha, buf.slope[l], buf.dA[l], buf.dW[l], buf.db[l], buf.dSlope[l],
                    l > 1 ? buf.dA[l - 1] : null);
        }
    }

    private void update(int E, float correction) {
        for (int l = 1; l <= L; l++) {
            long nOut = arch.width(l), nIn = arch.width(l - 1);
            eng.optimizerStep(cfg.optimizer, E, nOut * nIn, buf.w[l], buf.dW[l], buf.wS1[l], buf.wS2[l], buf.lr,
                    correction, buf.diverged);
            eng.optimizerStep(cfg.optimizer, E, nOut, buf.b[l], buf.db[l], buf.bS1[l], buf.bS2[l], buf.lr,
                    correction, buf.diverged);
            if (buf.slope[l] != null) {
                eng.optimizerStep(cfg.optimizer, E, nOut, buf.slope[l], buf.dSlope[l], buf.slopeS1[l],
                        buf.slopeS2[l], buf.lr, correction, buf.diverged);
            }
        }
    }

    /**
     * Dead units of every hidden layer on the probe set; updates ever-dead bits and the revived counts, and the death
     * epoch of each layer entirely dead for the first time (this probe's {@code epoch}: 0 before training).
     */
    private void probe(int netBase, int E, int[] dead, int[] revived, int[] death, int epoch) {
        boolean redo = cfg.deadThreshold > 0;
        for (int l = 1; l <= H; l++) {
            eng.fill(redo ? buf.absSums[l] : buf.alive[l], 0, (long) E * arch.width(l));
        }
        for (int start = 0; start < data.probeSize(); start += cfg.batch) {
            int B = Math.min(cfg.batch, data.probeSize() - start);
            data.probeBatch(eng, cfg.seed, netBase, E, start, B, buf.act[0], buf.y);
            forward(E, B, !redo);
            if (redo) {
                for (int l = 1; l <= H; l++) eng.absSum(E, B, arch.width(l), buf.act[l], buf.absSums[l]);
            }
        }
        for (int l = 1; l <= H; l++) {
            if (redo) eng.dormantMask(E, arch.width(l), buf.absSums[l], cfg.deadThreshold, buf.alive[l]);
            eng.reduceDead(E, arch.width(l), buf.alive[l], buf.everDead[l], buf.dead, buf.revived, H, l - 1);
        }
        if (H > 0) {
            eng.readInts(buf.dead, dead, E * H);
            eng.readInts(buf.revived, revived, E * H);
        }
        for (int e = 0; e < E; e++) {
            for (int h = 0; h < H; h++) {
                int k = e * H + h;
                if (death[k] < 0 && dead[k] == arch.width(h + 1)) death[k] = epoch;
            }
        }
    }

    /** Prediction and target statistics on the test set, for the functional and exact collapse tests. */
    private void test(int netBase, int E) {
        for (int start = 0; start < data.testSize(); start += cfg.batch) {
            int B = Math.min(cfg.batch, data.testSize() - start);
            data.testBatch(eng, cfg.seed, netBase, E, start, B, buf.act[0], buf.y);
            forward(E, B, false);
            eng.outputStats(E, B, arch.outputs(), buf.act[L], buf.predStats, start == 0);
            eng.outputStats(E, B, arch.outputs(), buf.y, buf.targetStats, start == 0);
        }
    }

    private void collect(int netBase, int E, int[] dead, int[] revived, int[] death, int steps, EnsembleResult out) {
        int n = arch.outputs();
        float[] lossSum = new float[E], pred = new float[E * n * 4], target = new float[E * n * 4];
        int[] diverged = new int[E];
        eng.read(buf.lossSum, lossSum, E);
        eng.readInts(buf.diverged, diverged, E);
        eng.read(buf.predStats, pred, pred.length);
        eng.read(buf.targetStats, target, target.length);
        NetworkOutcomes.store(cfg, data.testSize(), steps, netBase, E, dead, revived, death, lossSum, diverged, pred,
                target, out);
    }
}
