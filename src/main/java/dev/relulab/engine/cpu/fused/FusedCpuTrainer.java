package dev.relulab.engine.cpu.fused;

import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.HostInit;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;

/**
 * The CPU engine's {@code trainFused}: trains networks [netBase, netBase + E) of a function-target training in
 * groups of up to {@link #GROUP} lanes, with the results of {@code train.ChunkTrainer} on the CPU engine bit for bit.
 *
 * <p>After each probe a group is split in two blocks: networks with a ReLU layer that is dead on every training point
 * for good (born dead; or dead at an epoch's probe under sgd, whose zero gradients leave the layers below unchanged)
 * and the rest (exact skipping, {@link FusedNetwork#skips}; {@code -Drelulab.fused.skip=false} keeps every network in
 * the second block). For the first, every example of a minibatch gives the same activations above the dead layer, so the
 * forward runs once per minibatch, the backward stops at the layer above the dead one (the gradients below are +0),
 * and later probes are one example: the same floats as the full work, for a fraction of it.
 *
 * <p>Every float it computes equals the reference's as long as the values stay finite; where a network's loss,
 * gradients, alive bits or test statistics are not, its diverged slot in {@code counts} is set to {@link FusedNetwork#REDO} and
 * the caller trains it op by op.
 */
public final class FusedCpuTrainer {
    /** Networks per group: enough lanes for wide SIMD, few enough that a group's rows stay in the L2 cache. */
    static final int GROUP = Integer.getInteger("relulab.fused.group", 1024);
    private static final int TEST_TILE = 64;

    private final FusedNetwork net;
    private final LaneLayout lay;
    private final LaneForward forward;
    private final LaneBackward backward;
    private LaneProbe probe;
    private final LanePoints points = new LanePoints();
    private final float[] corrections;
    private final boolean skipping, deadStaysDead;
    private final int H, stride, deaths;

    private FusedCpuTrainer(FusedNetwork net) {
        this.net = net;
        lay = new LaneLayout(net.arch);
        forward = new LaneForward(lay, net.arch.hidden, net.arch.alpha);
        backward = new LaneBackward(lay);
        corrections = net.corrections();
        H = lay.H;
        stride = net.countsPerNetwork();
        deaths = net.deathOffset();
        skipping = net.skips();
        deadStaysDead = net.optimizer.kind == Optimizer.Kind.SGD;
    }

    /**
     * Heap bytes a network needs while its group trains: its points (training points in index and epoch order,
     * test points) and its rows in the two blocks of the group.
     */
    public static long hostBytesPerNetwork(FusedNetwork net) {
        LaneLayout lay = new LaneLayout(net.arch);
        long points = 4L * net.trainPoints + 2L * net.testPoints;
        long rows = 4L * lay.P + 3L * lay.units + 2L * lay.maxWidth + 3L * Math.max(1, lay.hiddenUnits()) + 8;
        return 4 * (points + 2 * rows) + 6 * 16;
    }

    /** Networks whose state is on the heap at once in a chunk of {@code chunk} networks (one group). */
    public static int lanesAtOnce(int chunk) {
        return Math.min(chunk, GROUP);
    }

    /** The most parameters per network the lanes hold: beyond it a group's rows outgrow the caches (op by op then). */
    static final long MAX_PARAMETERS = 1 << 16;

    /** Why the CPU fused trainer cannot train this network, or null when it can. */
    public static String unsupported(FusedNetwork net) {
        if (net.arch.parametersPerNetwork() > MAX_PARAMETERS) {
            return net.arch.parametersPerNetwork() + " parameters > " + MAX_PARAMETERS;
        }
        if (net.arch.loss != Loss.MSE) return "loss " + net.arch.loss + " (the fused trainer has mse only)";
        if (net.arch.inputs() != 1 || net.arch.outputs() != 1) return "widths " + net.arch + " (1 in, 1 out only)";
        if (!net.arch.biasInit.allowedForBiases()) return "bias initialiser " + net.arch.biasInit;
        if ((long) net.epochs * ((net.trainPoints + (long) net.batch - 1) / net.batch) > FusedNetwork.MAX_STEPS) {
            return "more than " + FusedNetwork.MAX_STEPS + " optimizer steps";
        }
        return null;
    }

    /**
     * Trains networks [netBase, netBase + E) at rates {@code lr[e]}; writes {@code counts [E][4H + 2]} and {@code stats
     * [E][9]} as {@code Engine.trainFused} does, with {@link FusedNetwork#REDO} in the diverged slot of networks left to
     * the caller and, at 3H + 1, the minibatch steps each network trained in the dead block (exact skipping).
     */
    public static void train(FusedNetwork net, int netBase, int E, float[] lr, int[] counts, float[] stats) {
        train(net, netBase, E, lr, counts, stats, GROUP);
    }

    /** As {@link #train(FusedNetwork, int, int, float[], int[], float[])}, in groups of {@code group} lanes. */
    static void train(FusedNetwork net, int netBase, int E, float[] lr, int[] counts, float[] stats, int group) {
        FusedCpuTrainer t = new FusedCpuTrainer(net);
        for (int first = 0; first < E; first += group) {
            t.group(netBase, first, Math.min(group, E - first), lr, counts, stats);
        }
    }

    private void group(int netBase, int first, int m, float[] lr, int[] counts, float[] stats) {
        LaneBlock alive = new LaneBlock(lay, m), dead = new LaneBlock(lay, m);
        probe = new LaneProbe(lay, forward, net.arch.hidden, net.deadThreshold, m);
        alive.n = m;
        for (int c = 0; c < m; c++) {
            alive.net[c] = first + c;
            alive.rate[c] = lr[first + c];
            initialise(alive, c, netBase + first + c);
        }
        Results res = new Results(m);
        probe.full(alive, net.trainPoints, res.dead, res.revived, res.ok);
        for (int c = 0; c < m; c++) {
            for (int h = 0; h < H; h++) counts[alive.net[c] * stride + h] = res.dead[c][h];
            counts[alive.net[c] * stride + 3 * H + 1] = 0;
            for (int h = 0; h < H; h++) counts[alive.net[c] * stride + deaths + h] = -1;
        }
        sort(alive, res, skipping ? dead : null, counts, 0);
        LaneSteps a = new LaneSteps(net, lay, forward, backward, corrections, alive, false);
        LaneSteps d = new LaneSteps(net, lay, forward, backward, corrections, dead, true);
        for (int epoch = 0; epoch < net.epochs; epoch++) {
            d.epoch(netBase, epoch, counts); // the larger block first: C2 profiles the shared loops on it
            a.epoch(netBase, epoch, counts);
            if (net.probeEveryEpoch && epoch + 1 < net.epochs) {
                probe.constantAbove(dead, res.dead, res.revived, res.ok);
                sort(dead, res, null, counts, epoch + 1);
                probe.full(alive, net.trainPoints, res.dead, res.revived, res.ok);
                sort(alive, res, skipping && deadStaysDead ? dead : null, counts, epoch + 1);
            }
        }
        finish(alive, false, counts, stats, res);
        finish(dead, true, counts, stats, res);
    }

    private void initialise(LaneBlock b, int c, int network) {
        int L = lay.L;
        float[] w = new float[lay.maxWidth * lay.maxWidth], bias = new float[lay.maxWidth];
        for (int l = 1; l <= L; l++) {
            int nIn = lay.width[l - 1], nOut = lay.width[l];
            HostInit.biases(net.arch.biasInit, net.seed, network, 1, l, nOut, bias);
            HostInit.weights(net.arch.weightInit(l), net.seed, network, 1, l, nIn, nOut, w, bias);
            for (int k = 0; k < nIn * nOut; k++) b.p[lay.wOff[l] + k][c] = w[k];
            for (int j = 0; j < nOut; j++) b.p[lay.bOff[l] + j][c] = bias[j];
            if (lay.sOff[l] >= 0) for (int j = 0; j < nOut; j++) b.p[lay.sOff[l] + j][c] = net.arch.alpha;
        }
        b.xTrain[c] = new float[net.trainPoints];
        b.yTrain[c] = new float[net.trainPoints];
        b.xTest[c] = new float[net.testPoints];
        b.yTest[c] = new float[net.testPoints];
        b.xEpoch[c] = new float[net.trainPoints];
        b.yEpoch[c] = new float[net.trainPoints];
        points.draw(net.target, net.lo, net.hi, net.seed, network, Purpose.TRAIN_POINTS, net.trainPoints,
                b.xTrain[c], b.yTrain[c]);
        points.draw(net.target, net.lo, net.hi, net.seed, network, Purpose.TEST_POINTS, net.testPoints,
                b.xTest[c], b.yTest[c]);
    }

    /**
     * After the probe of {@code epoch} (0 before training) on {@code b}: the death epochs of layers entirely dead for the
     * first time; lanes whose bits were not 0/1 are left to the reference; with {@code deadTo}, lanes with a hidden
     * layer dead on every training point move there, dead from their highest such layer.
     */
    private void sort(LaneBlock b, Results res, LaneBlock deadTo, int[] counts, int epoch) {
        boolean[] keep = res.ok;
        boolean drop = false;
        recordDeaths(b, res, counts, epoch);
        for (int c = 0; c < b.n; c++) {
            if (!keep[c]) {
                counts[b.net[c] * stride + 3 * H] = FusedNetwork.REDO;
                drop = true;
                continue;
            }
            if (deadTo == null) continue;
            int top = 0;
            for (int h = 1; h <= H; h++) if (res.dead[c][h - 1] == lay.width[h]) top = h;
            if (top > 0) {
                b.deadFrom[c] = top;
                deadTo.take(b, c);
                keep[c] = false;
                drop = true;
            }
        }
        if (drop) b.retain(keep);
    }

    /** counts' death epoch of each hidden layer that this probe found entirely dead for the first time. */
    private void recordDeaths(LaneBlock b, Results res, int[] counts, int epoch) {
        for (int c = 0; c < b.n; c++) {
            int o = b.net[c] * stride + deaths;
            for (int h = 0; h < H; h++) {
                if (counts[o + h] < 0 && res.dead[c][h] == lay.width[h + 1]) counts[o + h] = epoch;
            }
        }
    }

    /** The final probe and the test pass of a block, and its results. */
    private void finish(LaneBlock b, boolean deadBlock, int[] counts, float[] stats, Results res) {
        if (b.n == 0) return;
        if (deadBlock) probe.constantAbove(b, res.dead, res.revived, res.ok);
        else probe.full(b, net.trainPoints, res.dead, res.revived, res.ok);
        recordDeaths(b, res, counts, net.epochs);
        LaneStats pred = new LaneStats(b.n), target = new LaneStats(b.n);
        LaneTile xs = new LaneTile(TEST_TILE, b.n), ys = new LaneTile(TEST_TILE, b.n);
        float[] out = b.z[lay.uOff[lay.L]];
        for (int from = 0; from < net.testPoints; from += TEST_TILE) {
            int count = Math.min(TEST_TILE, net.testPoints - from);
            xs.gather(b.xTest, b.n, from, count);
            ys.gather(b.yTest, b.n, from, count);
            for (int k = 0; k < count; k++) {
                forward.run(b, xs.rows[k], false);
                if (from + k == 0) {
                    pred.start(b.n, out);
                    target.start(b.n, ys.rows[0]);
                }
                pred.add(b.n, out);
                target.add(b.n, ys.rows[k]);
            }
        }
        for (int c = 0; c < b.n; c++) {
            int e = b.net[c], o = e * stride, s = e * FusedNetwork.STATS;
            if (!res.ok[c] || !pred.finite(c) || !target.finite(c)) {
                counts[o + 3 * H] = FusedNetwork.REDO;
                continue;
            }
            for (int h = 0; h < H; h++) {
                counts[o + H + h] = res.dead[c][h];
                counts[o + 2 * H + h] = res.revived[c][h];
            }
            counts[o + 3 * H] = 0;
            stats[s] = b.lossSum[c];
            pred.write(c, stats, s + 1);
            target.write(c, stats, s + 5);
        }
    }

    /** Per-lane probe results of a group, reused by every probe. */
    private final class Results {
        final int[][] dead, revived;
        final boolean[] ok;

        Results(int m) {
            dead = new int[m][H];
            revived = new int[m][H];
            ok = new boolean[m];
        }
    }
}
