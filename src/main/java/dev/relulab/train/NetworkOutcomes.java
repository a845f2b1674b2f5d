package dev.relulab.train;

/**
 * Turns one chunk's raw results (dead counts, loss sums, divergence flags, output statistics) into the per-network
 * flags of {@link EnsembleResult}; shared by the op-by-op and the fused trainers so both report alike.
 */
final class NetworkOutcomes {
    private NetworkOutcomes() {}

    /**
     * Stores networks [netBase, netBase + E) into {@code out}, whose {@code deadStart} must already be set; arrays are
     * per chunk network: {@code dead, revived, death [E][H]} (death: the probe epoch each layer was first entirely dead
     * at, -1 never), {@code lossSum, diverged [E]}, {@code pred, target [E][n][4]}.
     */
    static void store(TrainingConfig cfg, int testSize, int steps, int netBase, int E, int[] dead, int[] revived,
                      int[] death, float[] lossSum, int[] diverged, float[] pred, float[] target, EnsembleResult out) {
        int H = cfg.arch.hiddenLayers(), n = cfg.arch.outputs();
        for (int e = 0; e < E; e++) {
            int net = netBase - out.firstNetwork + e;
            boolean structural = false, born = false, equal = true;
            for (int h = 0; h < H; h++) {
                out.deathEpoch[net][h] = death[e * H + h];
                out.deadEnd[net][h] = dead[e * H + h];
                out.revived[net][h] = revived[e * H + h];
                int width = cfg.arch.width(h + 1);
                structural |= out.deadEnd[net][h] == width;
                born |= out.deadStart[net][h] == width;
            }
            double predStd = 0, targetStd = 0;
            for (int c = 0; c < n; c++) {
                int o = (e * n + c) * 4;
                equal &= pred[o + 1] != 0f;
                predStd = Math.max(predStd, std(pred, o, testSize));
                targetStd = Math.max(targetStd, std(target, o, testSize));
            }
            boolean div = diverged[e] != 0;
            out.diverged[net] = div;
            out.finalLoss[net] = cfg.epochs == 0 ? Float.NaN : lossSum[e] / steps;
            out.bornDead[net] = born;
            out.structural[net] = structural && !div;
            out.exact[net] = equal && !div;
            out.functional[net] = !div && predStd <= cfg.functionalTolerance * targetStd;
            out.predictionStd[net] = (float) predStd;
            out.targetStd[net] = (float) targetStd;
        }
    }

    private static double std(float[] st, int o, int count) {
        double mean = st[o + 2] / (double) count;
        return Math.sqrt(Math.max(0, st[o + 3] / (double) count - mean * mean));
    }
}
