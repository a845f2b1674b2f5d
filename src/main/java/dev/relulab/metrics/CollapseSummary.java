package dev.relulab.metrics;

import dev.relulab.train.EnsembleResult;

/** The ensemble-level figures of a collapse run: fractions with Wilson intervals and mean dead units per layer. */
public final class CollapseSummary {
    public final int networks;
    public final Proportion bornDead, structural, functional, exact, diverged;
    /** Mean over networks, per hidden layer: units dead at the start, at the end, and revived. */
    public final double[] deadStart, deadEnd, revived;
    public final double meanFinalLoss;
    /**
     * Per probe epoch k = 0..epochs, the networks structurally collapsed by then (some hidden layer entirely dead at
     * a probe up to k; {@link EnsembleResult#collapseEpoch}), as a fraction with its Wilson interval.
     */
    public final Proportion[] collapsedBy;

    public CollapseSummary(EnsembleResult r) {
        networks = r.networks;
        bornDead = Proportion.of(r.bornDead);
        structural = Proportion.of(r.structural);
        functional = Proportion.of(r.functional);
        exact = Proportion.of(r.exact);
        diverged = Proportion.of(r.diverged);
        deadStart = meanPerLayer(r.deadStart, r.hiddenLayers);
        deadEnd = meanPerLayer(r.deadEnd, r.hiddenLayers);
        revived = meanPerLayer(r.revived, r.hiddenLayers);
        double sum = 0;
        int n = 0;
        for (int e = 0; e < r.networks; e++) {
            if (!r.diverged[e] && Float.isFinite(r.finalLoss[e])) {
                sum += r.finalLoss[e];
                n++;
            }
        }
        meanFinalLoss = n == 0 ? Double.NaN : sum / n;
        collapsedBy = new Proportion[Math.max(0, r.epochs) + 1];
        for (int k = 0; k < collapsedBy.length; k++) {
            long by = 0;
            for (int e = 0; e < r.networks; e++) if (r.collapseEpoch(e) >= 0 && r.collapseEpoch(e) <= k) by++;
            collapsedBy[k] = new Proportion(by, r.networks);
        }
    }

    private static double[] meanPerLayer(int[][] perNet, int layers) {
        double[] mean = new double[layers];
        for (int[] row : perNet) {
            for (int h = 0; h < layers; h++) mean[h] += row[h];
        }
        for (int h = 0; h < layers; h++) mean[h] /= Math.max(1, perNet.length);
        return mean;
    }
}
