package dev.relulab.engine.cpu.fused;

/**
 * The state of up to {@code cap} networks in structure-of-arrays form: one row of {@code cap} floats per parameter,
 * gradient, optimizer state and unit value, so that every loop of the trainer runs over the networks (lanes)
 * innermost. Lanes [0, n) are in use; a lane carries its chunk-local network index, and lanes can be moved
 * between blocks whole (the trainer regroups networks by what work they still need).
 */
final class LaneBlock {
    final LaneLayout lay;
    final int cap;
    int n;
    /** Chunk-local network index of each lane. */
    final int[] net;
    /** Parameters, this step's gradients, optimizer state (momentum v; Adam m and v): [P][cap]. */
    final float[][] p, g, s1, s2;
    /** One example's pre-activation z, activation derivative f and activation a of every unit: [units][cap]. */
    final float[][] z, f, a;
    /** dL/da of the units of the layer being differentiated and of the one below it: [maxWidth][cap]. */
    float[][] dA, dBelow;
    /** Alive bits of the hidden units at the last probe (0 or 1), ever-dead bits, ReDo sums: [hiddenUnits][cap]. */
    final float[][] alive, everDead, sums;
    /** Per lane: learning rate, the epoch's loss sum, the step's loss total (double, as the CPU engine sums). */
    final float[] rate, lossSum;
    final double[] total;
    /** Per lane: the highest hidden layer that is dead on every training point for good (0: none). */
    final int[] deadFrom;
    /** Per lane: x and f(x) of the training and test points, in index order; the training points in epoch order. */
    final float[][] xTrain, yTrain, xTest, yTest, xEpoch, yEpoch;

    LaneBlock(LaneLayout lay, int cap) {
        this.lay = lay;
        this.cap = cap;
        net = new int[cap];
        p = rows(lay.P, cap);
        g = rows(lay.P, cap);
        s1 = rows(lay.P, cap);
        s2 = rows(lay.P, cap);
        z = rows(lay.units, cap);
        f = rows(lay.units, cap);
        a = rows(lay.units, cap);
        dA = rows(lay.maxWidth, cap);
        dBelow = rows(lay.maxWidth, cap);
        int hu = Math.max(1, lay.hiddenUnits());
        alive = rows(hu, cap);
        everDead = rows(hu, cap);
        sums = rows(hu, cap);
        rate = new float[cap];
        lossSum = new float[cap];
        total = new double[cap];
        deadFrom = new int[cap];
        xTrain = new float[cap][];
        yTrain = new float[cap][];
        xTest = new float[cap][];
        yTest = new float[cap][];
        xEpoch = new float[cap][];
        yEpoch = new float[cap][];
    }

    private static float[][] rows(int count, int cap) {
        float[][] r = new float[count][];
        for (int i = 0; i < count; i++) r[i] = new float[cap];
        return r;
    }

    /** Swaps the roles of the two dA row sets (the layer below becomes the current one). */
    void descend() {
        float[][] t = dA;
        dA = dBelow;
        dBelow = t;
    }

    /** Appends lane {@code c} of {@code from} to this block (the state that outlives a step). */
    void take(LaneBlock from, int c) {
        int d = n++;
        net[d] = from.net[c];
        copy(from.p, p, c, d);
        copy(from.s1, s1, c, d);
        copy(from.s2, s2, c, d);
        copy(from.alive, alive, c, d);
        copy(from.everDead, everDead, c, d);
        rate[d] = from.rate[c];
        lossSum[d] = from.lossSum[c];
        deadFrom[d] = from.deadFrom[c];
        xTrain[d] = from.xTrain[c];
        yTrain[d] = from.yTrain[c];
        xTest[d] = from.xTest[c];
        yTest[d] = from.yTest[c];
        xEpoch[d] = from.xEpoch[c];
        yEpoch[d] = from.yEpoch[c];
    }

    /** Keeps the lanes whose {@code keep} flag is set, in order, and drops the others. */
    void retain(boolean[] keep) {
        int d = 0;
        for (int c = 0; c < n; c++) {
            if (!keep[c]) continue;
            if (d != c) {
                net[d] = net[c];
                copy(p, p, c, d);
                copy(s1, s1, c, d);
                copy(s2, s2, c, d);
                copy(alive, alive, c, d);
                copy(everDead, everDead, c, d);
                rate[d] = rate[c];
                lossSum[d] = lossSum[c];
                deadFrom[d] = deadFrom[c];
                xTrain[d] = xTrain[c];
                yTrain[d] = yTrain[c];
                xTest[d] = xTest[c];
                yTest[d] = yTest[c];
                xEpoch[d] = xEpoch[c];
                yEpoch[d] = yEpoch[c];
            }
            d++;
        }
        n = d;
    }

    private static void copy(float[][] src, float[][] dst, int c, int d) {
        for (int r = 0; r < src.length; r++) dst[r][d] = src[r][c];
    }
}
