package dev.relulab.engine.cpu.fused;

import dev.relulab.nn.Activation;

/**
 * The probe of {@code ChunkTrainer.probe} for a block: dead units of every hidden layer on the training points in
 * stored order (alive bits, or the ReDo rule for tau > 0), units revived since they were last dead, and the
 * ever-dead bits. Lanes that are dead for good get the short form: only the layers above their dead layer can
 * change, and those see a constant input, so one example decides them.
 */
final class LaneProbe {
    private static final int TILE = 64;
    private final LaneLayout lay;
    private final LaneForward forward;
    private final boolean relu;
    private final float tau;
    private final LaneTile tile;

    LaneProbe(LaneLayout lay, LaneForward forward, Activation act, float tau, int cap) {
        this.lay = lay;
        this.forward = forward;
        this.relu = act == Activation.RELU;
        this.tau = tau;
        tile = new LaneTile(TILE, cap);
    }

    /**
     * Probes every lane on all {@code nPoints} training points; writes dead and revived counts per lane into
     * {@code dead[c][h]} and {@code revived[c][h]}; returns false in {@code ok[c]} for a lane whose bits came out
     * neither 0 nor 1 (a NaN pre-activation: the reference must decide it).
     */
    void full(LaneBlock b, int nPoints, int[][] dead, int[][] revived, boolean[] ok) {
        int n = b.n, hu = lay.hiddenUnits();
        boolean sums = relu || tau > 0;
        float[][] acc = sums ? b.sums : b.alive;
        for (int u = 0; u < hu; u++) java.util.Arrays.fill(acc[u], 0, n, 0f);
        for (int from = 0; from < nPoints; from += TILE) {
            int count = Math.min(TILE, nPoints - from);
            tile.gather(b.xTrain, n, from, count);
            for (int k = 0; k < count; k++) {
                float[] x = tile.rows[k];
                if (relu) {
                    forward.probeRelu(b, x, b.sums);
                } else {
                    forward.run(b, x, tau == 0);
                    if (tau > 0) {
                        for (int u = 0; u < hu; u++) LaneLoops.addAbs(n, b.sums[u], b.a[lay.uOff[1] + u]);
                    }
                }
            }
        }
        if (tau > 0) dormant(b);
        else if (relu) aliveFromSums(b);
        count(b, dead, revived, ok);
    }

    /**
     * Probes lanes that are dead for good from layer {@code deadFrom[c]}: the bits of layers up to it are those of the
     * last probe, the layers above take theirs from one training point (their input is the constant 0 vector).
     */
    void constantAbove(LaneBlock b, int[][] dead, int[][] revived, boolean[] ok) {
        int n = b.n;
        float[] x = tile.rows[0];
        for (int c = 0; c < n; c++) x[c] = b.xTrain[c][0];
        forward.run(b, x, false);
        for (int c = 0; c < n; c++) {
            for (int l = b.deadFrom[c] + 1; l <= lay.H; l++) {
                for (int j = 0; j < lay.width[l]; j++) {
                    b.alive[lay.hiddenUnit(l, j)][c] = LaneLoops.aliveBit(b.f[lay.uOff[l] + j][c]);
                }
            }
        }
        count(b, dead, revived, ok);
    }

    /** ReLU: a unit was alive on some point exactly when its sum of activations is positive (NaN stays NaN). */
    private void aliveFromSums(LaneBlock b) {
        for (int u = 0; u < lay.hiddenUnits(); u++) {
            float[] s = b.sums[u], bits = b.alive[u];
            for (int c = 0; c < b.n; c++) bits[c] = s[c] > 0f ? 1f : s[c] == 0f ? 0f : Float.NaN;
        }
    }

    /** ReDo: a unit is alive when its sum of |a| exceeds tau times the layer's mean sum (CpuEngine.dormantMask). */
    private void dormant(LaneBlock b) {
        for (int l = 1; l <= lay.H; l++) {
            int w = lay.width[l], base = lay.hiddenUnit(l, 0);
            for (int c = 0; c < b.n; c++) {
                float mean = 0f;
                for (int j = 0; j < w; j++) mean += b.sums[base + j][c];
                mean /= w;
                for (int j = 0; j < w; j++) b.alive[base + j][c] = b.sums[base + j][c] > tau * mean ? 1f : 0f;
            }
        }
    }

    /** CpuEngine.reduceDead with ever-dead bookkeeping, per lane and hidden layer. */
    private void count(LaneBlock b, int[][] dead, int[][] revived, boolean[] ok) {
        for (int c = 0; c < b.n; c++) {
            ok[c] = true;
            for (int l = 1; l <= lay.H; l++) {
                int w = lay.width[l], base = lay.hiddenUnit(l, 0), d = 0, back = 0;
                for (int j = 0; j < w; j++) {
                    float bit = b.alive[base + j][c];
                    if (bit != 0f && bit != 1f) ok[c] = false;
                    boolean isDead = bit == 0f;
                    if (isDead) d++;
                    if (!isDead && b.everDead[base + j][c] != 0f) back++;
                    if (isDead) b.everDead[base + j][c] = 1f;
                }
                dead[c][l - 1] = d;
                revived[c][l - 1] = back;
            }
        }
    }
}
