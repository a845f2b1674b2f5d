package dev.relulab.engine.cpu.fused;

import dev.relulab.engine.FusedNetwork;

/**
 * The minibatch steps of one block, epoch by epoch: each network's points in the epoch's order, then per step the
 * minibatch's tiles, one example at a time forward (once per minibatch in a dead block, which counts its lanes' steps
 * on the exact-skipping path), MSE loss and backward, the finiteness check (a lane with a non-finite loss or gradient
 * is left to the reference) and the update.
 */
final class LaneSteps {
    private final FusedNetwork net;
    private final LaneLayout lay;
    private final LaneForward forward;
    private final LaneBackward backward;
    private final float[] corrections;
    private final int steps, stride, redoSlot, skipSlot;
    private final LaneBlock b;
    private final boolean deadBlock;
    private final LanePermutation perm;
    private final LaneOptimizer opt;
    private final LaneTile xs, ys;
    private final float[] check;
    private final boolean[] ok;

    LaneSteps(FusedNetwork net, LaneLayout lay, LaneForward forward, LaneBackward backward, float[] corrections,
              LaneBlock b, boolean deadBlock) {
        this.net = net;
        this.lay = lay;
        this.forward = forward;
        this.backward = backward;
        this.corrections = corrections;
        this.b = b;
        this.deadBlock = deadBlock;
        steps = (net.trainPoints + net.batch - 1) / net.batch;
        stride = net.countsPerNetwork();
        redoSlot = 3 * lay.H;
        skipSlot = redoSlot + 1;
        perm = new LanePermutation(net.trainPoints);
        opt = new LaneOptimizer(net.optimizer, b.cap);
        xs = new LaneTile(net.batch, b.cap);
        ys = new LaneTile(net.batch, b.cap);
        check = new float[b.cap];
        ok = new boolean[b.cap];
    }

    /** One epoch of the block's lanes (networks netBase + lane index); lanes left to the reference are marked. */
    void epoch(int netBase, int epoch, int[] counts) {
        if (b.n == 0) return;
        for (int c = 0; c < b.n; c++) {
            // a dead block reads only the targets in epoch order (its forward takes a stored point)
            perm.order(net.seed, netBase + b.net[c], epoch, b.xTrain[c], b.yTrain[c], deadBlock ? null : b.xEpoch[c],
                    b.yEpoch[c]);
        }
        java.util.Arrays.fill(b.lossSum, 0, b.n, 0f);
        for (int s = 0; s < steps; s++) {
            int start = s * net.batch, B = Math.min(net.batch, net.trainPoints - start);
            step(start, B, corrections[epoch * steps + s], counts);
            if (b.n == 0) return;
        }
    }

    private void step(int start, int B, float correction, int[] counts) {
        int n = b.n;
        if (deadBlock) for (int c = 0; c < n; c++) counts[b.net[c] * stride + skipSlot]++;
        int lowest = deadBlock ? lowestLive() : 1;
        int firstParam = lay.wOff[lowest];
        for (int r = firstParam; r < lay.P; r++) java.util.Arrays.fill(b.g[r], 0, n, 0f);
        java.util.Arrays.fill(b.total, 0, n, 0.0);
        float scale = 1f / B;
        ys.gather(b.yEpoch, n, start, B);
        if (deadBlock) {
            // every training point gives the same activations above the dead layer: one forward serves them all
            float[] x = xs.rows[0];
            for (int c = 0; c < n; c++) x[c] = b.xTrain[c][0];
            forward.run(b, x, false);
        } else {
            xs.gather(b.xEpoch, n, start, B);
        }
        for (int k = 0; k < B; k++) {
            if (!deadBlock) forward.run(b, xs.rows[k], false);
            loss(ys.rows[k], scale);
            backward.run(b, lowest);
        }
        boolean all = true;
        java.util.Arrays.fill(check, 0, n, 0f);
        for (int r = firstParam; r < lay.P; r++) {
            float[] g = b.g[r];
            for (int c = 0; c < n; c++) check[c] = check[c] + (g[c] - g[c]); // NaN once any gradient is not finite
        }
        for (int c = 0; c < n; c++) {
            float mean = (float) (b.total[c] / B);
            b.lossSum[c] += mean;
            ok[c] = Float.isFinite(mean) && check[c] == 0f;
            all &= ok[c];
        }
        opt.step(b, firstParam, correction);
        if (!all) {
            for (int c = 0; c < n; c++) if (!ok[c]) counts[b.net[c] * stride + redoSlot] = FusedNetwork.REDO;
            b.retain(ok);
        }
    }

    /** The lowest layer whose gradients can be non-zero for some lane of this dead block. */
    private int lowestLive() {
        int min = Integer.MAX_VALUE;
        for (int c = 0; c < b.n; c++) min = Math.min(min, b.deadFrom[c]);
        return min + 1;
    }

    /** CpuEngine.loss for mse with one output: the batch total in double and dL/dout = 2 d / B. */
    private void loss(float[] y, float scale) {
        int n = b.n;
        float[] out = b.z[lay.uOff[lay.L]], dOut = b.dA[0];
        for (int c = 0; c < n; c++) {
            float d = out[c] - y[c];
            b.total[c] += (double) d * d;
            dOut[c] = 2f * d * scale;
        }
    }
}
