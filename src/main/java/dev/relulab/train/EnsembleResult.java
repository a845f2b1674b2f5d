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
    /** Wall-clock seconds of the training (data, init, epochs, probes), without JVM start. */
    public double seconds;
    /** How the engine trained: {@link #OP_BY_OP} or the fused variant ({@code Engine.fusedPath}). */
    public String trainingPath = OP_BY_OP;

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
        deadEnd = new int[networks][hiddenLayers];
        revived = new int[networks][hiddenLayers];
    }

    /** Width of hidden layer h (1-based). */
    public int hiddenWidth(int h) {
        return widths[h];
    }
}
