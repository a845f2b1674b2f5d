package dev.relulab.experiments;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.ForwardingEngine;
import dev.relulab.engine.EngineKind;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine that passes every call to another one and records, per network, what the trainer's passes compute but
 * does not return: the dead-unit counts of every probe (so, with probeEveryEpoch, a count per epoch), the hidden
 * activations of the latest probe or their mean and variance per layer at every probe (when asked), and test-set
 * accuracy and loss (split between two parts of the test set when asked). It recognises the passes from the
 * calls the trainer makes (gatherRows starts a batch; a probe forwards with alive masks and ends with reduceDead of
 * the last hidden layer; the test pass calls outputStats for predictions then targets, with first set on a pass's
 * first batch), so it reads back only small experiments' data and must not be used where speed matters.
 */
public final class ProbeRecorder extends ForwardingEngine {
    private final Loss loss;
    private final boolean keepActivations;
    private final List<List<int[]>> deadPerProbe = new ArrayList<>();
    private final float[][][] activations;
    /** Per network and test pass in order: {rows, correct, loss sum}, then the same for the rows past the split. */
    private final List<List<double[]>> testPasses = new ArrayList<>();
    /** Rows of the test set from which a pass's rows count as its second part (0: one part). */
    private int splitRow;
    /** Per network, per probe, per hidden layer: {mean, variance} of the activations, when kept. */
    private List<List<double[][]>> moments;
    private final ThreadLocal<ChunkState> state = ThreadLocal.withInitial(ChunkState::new);

    private record Rows(float[] values, int B, int n) {}

    private static final class ChunkState {
        int netBase, E, B, hiddenLayer, statsCall;
        int passRow;
        double[][][] sums;
        boolean inProbe;
        List<List<Rows>> probeRows;
        float[] predictions;
    }

    /** Records for {@code networks} networks trained with {@code loss}; activations only if {@code keepActivations}. */
    public ProbeRecorder(Engine delegate, int networks, Loss loss, boolean keepActivations) {
        super(delegate);
        this.loss = loss;
        this.keepActivations = keepActivations;
        for (int i = 0; i < networks; i++) deadPerProbe.add(new ArrayList<>());
        activations = new float[networks][][];
        for (int i = 0; i < networks; i++) testPasses.add(new ArrayList<>());
    }

    /**
     * Counts a test pass's rows from {@code row} on as a second part (a test set that is the real test rows followed
     * by training rows gives test and training accuracy in one pass); see {@link #secondPartAccuracyPerPass}.
     */
    public ProbeRecorder splittingTestPassAt(int row) {
        if (row < 1) throw new IllegalArgumentException("split row " + row + " must be at least 1");
        splitRow = row;
        return this;
    }

    /** Keeps, at every probe, the mean and variance of each hidden layer's activations over probe rows and units. */
    public ProbeRecorder keepingMoments() {
        moments = new ArrayList<>();
        for (int i = 0; i < deadPerProbe.size(); i++) moments.add(new ArrayList<>());
        return this;
    }

    /** Network {@code net}'s moments: [probe][hidden layer] = {mean, variance}, probe 0 at initialisation. */
    public List<double[][]> momentsPerProbe(int net) {
        if (moments == null) throw new IllegalStateException("moments were not kept (keepingMoments)");
        return moments.get(net);
    }

    /** Accuracy of network {@code net} on the rows past the split, in every test pass ({@link #splittingTestPassAt}). */
    public double[] secondPartAccuracyPerPass(int net) {
        return testPasses.get(net).stream().mapToDouble(p -> p[3] == 0 ? Double.NaN : p[4] / p[3]).toArray();
    }

    /** Dead units per hidden layer of network {@code net} at each probe: 0 at initialisation, then in order. */
    public List<int[]> deadPerProbe(int net) {
        return deadPerProbe.get(net);
    }

    /** The latest probe's activations of network {@code net}: [hidden layer][row * width + unit]. */
    public float[][] activations(int net) {
        return activations[net];
    }

    /** Accuracy of network {@code net} on the test set in the last test pass (NaN when there was none). */
    public double testAccuracy(int net) {
        List<double[]> passes = testPasses.get(net);
        return passes.isEmpty() ? Double.NaN : accuracy(passes.get(passes.size() - 1));
    }

    /** Mean loss of network {@code net} on the test set in the last test pass (NaN when there was none). */
    public double testLoss(int net) {
        List<double[]> passes = testPasses.get(net);
        if (passes.isEmpty()) return Double.NaN;
        double[] p = passes.get(passes.size() - 1);
        return p[2] / p[0];
    }

    /** Test accuracy of network {@code net} in every test pass, in order (with testEveryEpoch: one per epoch). */
    public double[] testAccuracyPerPass(int net) {
        return testPasses.get(net).stream().mapToDouble(ProbeRecorder::accuracy).toArray();
    }

    private static double accuracy(double[] pass) {
        return pass[0] == 0 ? Double.NaN : pass[1] / pass[0];
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int dd, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.gatherRows(data, labels, rowBase, nRows, dd, k, seed, netBase, E, start, B, epoch, x, y);
        ChunkState s = chunk(netBase, E);
        s.B = B;
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch, x, y);
        ChunkState s = chunk(netBase, E);
        s.B = B;
    }

    /** The calling thread's state, reset for a batch of networks [netBase, netBase + E). */
    private ChunkState chunk(int netBase, int E) {
        if (netBase < 0 || netBase + E > testPasses.size()) {
            throw new IllegalStateException("ProbeRecorder records networks [0, " + testPasses.size() + "); got ["
                    + netBase + ", " + (netBase + E) + ") (a sharded training is not supported)");
        }
        ChunkState s = state.get();
        s.netBase = netBase;
        s.E = E;
        s.hiddenLayer = 0;
        s.statsCall = 0;
        return s;
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        inner.denseForward(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
        if (alive == null || !keepActivations && moments == null) return;
        ChunkState s = state.get();
        if (moments != null) {
            addMoments(s, a, E, B, nOut);
            return;
        }
        if (!s.inProbe) {
            s.inProbe = true;
            s.probeRows = new ArrayList<>();
        }
        int layer = s.hiddenLayer++;
        while (s.probeRows.size() <= layer) s.probeRows.add(new ArrayList<>());
        float[] v = new float[E * B * nOut];
        inner.read(a, v, v.length);
        s.probeRows.get(layer).add(new Rows(v, B, nOut));
    }

    @Override
    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        inner.reduceDead(E, n, alive, everDead, dead, revived, layers, layer);
        if (layer != layers - 1) return;
        ChunkState s = state.get();
        int[] counts = new int[E * layers];
        inner.readInts(dead, counts, counts.length);
        for (int e = 0; e < E; e++) {
            int[] perLayer = new int[layers];
            System.arraycopy(counts, e * layers, perLayer, 0, layers);
            deadPerProbe.get(s.netBase + e).add(perLayer);
        }
        if (keepActivations && s.inProbe) keepProbe(s, E);
        if (moments != null && s.sums != null) keepMoments(s, E);
        s.inProbe = false;
    }

    /** Adds a probe batch of one hidden layer to the chunk's running sums (layers counted in call order). */
    private void addMoments(ChunkState s, Buffer a, int E, int B, int n) {
        if (s.sums == null) s.sums = new double[E][][];
        int layer = s.hiddenLayer++;
        float[] v = new float[E * B * n];
        inner.read(a, v, v.length);
        for (int e = 0; e < E; e++) {
            if (s.sums[e] == null) s.sums[e] = new double[0][];
            if (s.sums[e].length <= layer) s.sums[e] = java.util.Arrays.copyOf(s.sums[e], layer + 1);
            if (s.sums[e][layer] == null) s.sums[e][layer] = new double[3];
            double[] sum = s.sums[e][layer];
            for (int i = e * B * n; i < (e + 1) * B * n; i++) {
                sum[0]++;
                sum[1] += v[i];
                sum[2] += (double) v[i] * v[i];
            }
        }
    }

    private void keepMoments(ChunkState s, int E) {
        for (int e = 0; e < E; e++) {
            double[][] m = new double[s.sums[e].length][];
            for (int l = 0; l < m.length; l++) {
                double[] sum = s.sums[e][l];
                double mean = sum[1] / sum[0];
                m[l] = new double[] {mean, Math.max(0, sum[2] / sum[0] - mean * mean)};
            }
            moments.get(s.netBase + e).add(m);
        }
        s.sums = null;
    }

    private void keepProbe(ChunkState s, int E) {
        int layers = s.probeRows.size();
        for (int e = 0; e < E; e++) {
            float[][] perLayer = new float[layers][];
            for (int l = 0; l < layers; l++) {
                List<Rows> parts = s.probeRows.get(l);
                int total = 0;
                for (Rows r : parts) total += r.B * r.n;
                float[] out = new float[total];
                int at = 0;
                for (Rows r : parts) {
                    System.arraycopy(r.values, e * r.B * r.n, out, at, r.B * r.n);
                    at += r.B * r.n;
                }
                perLayer[l] = out;
            }
            activations[s.netBase + e] = perLayer;
        }
    }

    @Override
    public void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        inner.outputStats(E, B, n, v, stats, first);
        ChunkState s = state.get();
        float[] values = new float[E * B * n];
        inner.read(v, values, values.length);
        if (first) s.passRow = 0;
        if (s.statsCall++ % 2 == 0) {
            s.predictions = values;
            return;
        }
        for (int e = 0; e < E; e++) {
            List<double[]> passes = testPasses.get(s.netBase + e);
            if (first) passes.add(new double[6]);
            double[] pass = passes.get(passes.size() - 1);
            for (int r = 0; r < B; r++) {
                int o = (e * B + r) * n, part = splitRow > 0 && s.passRow + r >= splitRow ? 3 : 0;
                pass[part]++;
                pass[part + 2] += loss.example(s.predictions, o, values, o, n, 1f, null, 0);
                if (classOf(s.predictions, o, n, 0f) == classOf(values, o, n, 0.5f)) pass[part + 1]++;
            }
        }
        s.passRow += B;
    }

    /** The class a row stands for: its arg-max, or for a single column whether it exceeds {@code threshold}. */
    private static int classOf(float[] v, int o, int n, float threshold) {
        if (n == 1) return v[o] > threshold ? 1 : 0;
        int best = 0;
        for (int c = 1; c < n; c++) if (v[o + c] > v[o + best]) best = c;
        return best;
    }
}
