package dev.relulab.train;

/**
 * Per-network outcomes of an ensemble, indexed by network; per-layer arrays are [network][hidden layer]. Flags follow
 * DESIGN.md: born dead = structurally collapsed at initialisation; structural = a hidden layer entirely dead on the
 * probe set; functional = prediction std under the tolerance times the targets' std; exact = every test prediction
 * equal. A diverged network (NaN or infinite loss) counts as collapsed in none of the three.
 */
public final class EnsembleResult {
    /** Networks held, and the global id of index 0 (non-zero for a shard of a larger ensemble). */
    public final int networks, firstNetwork;
    public final int hiddenLayers;
    public final int[] widths;
    public final boolean[] bornDead, structural, functional, exact, diverged;
    public final float[] finalLoss, predictionStd, targetStd;
    public final int[][] deadStart, deadEnd, revived;
    /**
     * Per network and hidden layer, the probe epoch at which the layer was first entirely dead on the probe set: 0 at
     * initialisation (born dead), k at the probe after epoch k, -1 when it never was. Without probes after every epoch
     * only 0 and the last epoch can occur.
     */
    public final int[][] deathEpoch;
    /** Epochs the networks trained for: the last probe epoch a death epoch can name. */
    public int epochs;
    /** Wall-clock seconds of the training (data, init, epochs, probes), without JVM start. */
    public double seconds;
    /** How the engine trained: {@link #OP_BY_OP}, or the engine's fused path ({@code Engine.fusedPath}). */
    public String trainingPath = OP_BY_OP;
    /** Networks the fused path handed back to the op-by-op trainer (a value stopped being finite there). */
    public final java.util.concurrent.atomic.AtomicInteger trainedOpByOp = new java.util.concurrent.atomic.AtomicInteger();

    /** Training paths, for reports. */
    public static final String OP_BY_OP = "op by op";

    /** Empty outcomes for networks with global ids [firstNetwork, firstNetwork + networks) of widths {@code widths}. */
    public EnsembleResult(int firstNetwork, int networks, int[] widths) {
        this.networks = networks;
        this.firstNetwork = firstNetwork;
        this.widths = widths.clone();
        this.hiddenLayers = widths.length - 2;
        bornDead = new boolean[networks];
        structural = new boolean[networks];
        functional = new boolean[networks];
        exact = new boolean[networks];
        diverged = new boolean[networks];
        finalLoss = new float[networks];
        predictionStd = new float[networks];
        targetStd = new float[networks];
        deadStart = new int[networks][hiddenLayers];
        deathEpoch = new int[networks][hiddenLayers];
        for (int[] row : deathEpoch) java.util.Arrays.fill(row, -1);
        deadEnd = new int[networks][hiddenLayers];
        revived = new int[networks][hiddenLayers];
    }

    /** Copies networks [first, first + count) (global ids) from {@code src}, an ensemble of the same widths. */
    public void copy(EnsembleResult src, int first, int count) {
        int d = first - firstNetwork, s = first - src.firstNetwork;
        for (int k = 0; k < count; k++) {
            bornDead[d + k] = src.bornDead[s + k];
            structural[d + k] = src.structural[s + k];
            functional[d + k] = src.functional[s + k];
            exact[d + k] = src.exact[s + k];
            diverged[d + k] = src.diverged[s + k];
            finalLoss[d + k] = src.finalLoss[s + k];
            predictionStd[d + k] = src.predictionStd[s + k];
            targetStd[d + k] = src.targetStd[s + k];
            deadStart[d + k] = src.deadStart[s + k].clone();
            deadEnd[d + k] = src.deadEnd[s + k].clone();
            revived[d + k] = src.revived[s + k].clone();
            deathEpoch[d + k] = src.deathEpoch[s + k].clone();
        }
    }

    /** Width of hidden layer h (1-based). */
    public int hiddenWidth(int h) {
        return widths[h];
    }

    /** The probe epoch of network e's structural collapse: the first at which some hidden layer was entirely dead. */
    public int collapseEpoch(int e) {
        int first = -1;
        for (int t : deathEpoch[e]) if (t >= 0 && (first < 0 || t < first)) first = t;
        return first;
    }
}
