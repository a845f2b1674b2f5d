package dev.relulab.experiments;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
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
 * activations of the latest probe (when asked), and test-set accuracy and loss. It recognises the passes from the
 * calls the trainer makes (gatherRows starts a batch; a probe forwards with alive masks and ends with reduceDead of
 * the last hidden layer; the test pass calls outputStats for predictions then targets), so it reads back only small
 * experiments' data and must not be used where speed matters.
 */
public final class ProbeRecorder implements Engine {
    private final Engine d;
    private final Loss loss;
    private final boolean keepActivations;
    private final List<List<int[]>> deadPerProbe = new ArrayList<>();
    private final float[][][] activations;
    private final int[] testRows, testCorrect;
    private final double[] testLoss;
    private final ThreadLocal<ChunkState> state = ThreadLocal.withInitial(ChunkState::new);

    private record Rows(float[] values, int B, int n) {}

    private static final class ChunkState {
        int netBase, E, B, hiddenLayer, statsCall;
        boolean inProbe;
        List<List<Rows>> probeRows;
        float[] predictions;
    }

    /** Records for {@code networks} networks trained with {@code loss}; activations only if {@code keepActivations}. */
    public ProbeRecorder(Engine delegate, int networks, Loss loss, boolean keepActivations) {
        this.d = delegate;
        this.loss = loss;
        this.keepActivations = keepActivations;
        for (int i = 0; i < networks; i++) deadPerProbe.add(new ArrayList<>());
        activations = new float[networks][][];
        testRows = new int[networks];
        testCorrect = new int[networks];
        testLoss = new double[networks];
    }

    /** Dead units per hidden layer of network {@code net} at each probe: 0 at initialisation, then in order. */
    public List<int[]> deadPerProbe(int net) {
        return deadPerProbe.get(net);
    }

    /** The latest probe's activations of network {@code net}: [hidden layer][row * width + unit]. */
    public float[][] activations(int net) {
        return activations[net];
    }

    public double testAccuracy(int net) {
        return testRows[net] == 0 ? Double.NaN : testCorrect[net] / (double) testRows[net];
    }

    public double testLoss(int net) {
        return testRows[net] == 0 ? Double.NaN : testLoss[net] / testRows[net];
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int dd, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        d.gatherRows(data, labels, rowBase, nRows, dd, k, seed, netBase, E, start, B, epoch, x, y);
        ChunkState s = state.get();
        s.netBase = netBase;
        s.E = E;
        s.B = B;
        s.hiddenLayer = 0;
        s.statsCall = 0;
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        d.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch, x, y);
        ChunkState s = state.get();
        s.netBase = netBase;
        s.E = E;
        s.B = B;
        s.hiddenLayer = 0;
        s.statsCall = 0;
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        d.denseForward(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
        if (alive == null || !keepActivations) return;
        ChunkState s = state.get();
        if (!s.inProbe) {
            s.inProbe = true;
            s.probeRows = new ArrayList<>();
        }
        int layer = s.hiddenLayer++;
        while (s.probeRows.size() <= layer) s.probeRows.add(new ArrayList<>());
        float[] v = new float[E * B * nOut];
        d.read(a, v, v.length);
        s.probeRows.get(layer).add(new Rows(v, B, nOut));
    }

    @Override
    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        d.reduceDead(E, n, alive, everDead, dead, revived, layers, layer);
        if (layer != layers - 1) return;
        ChunkState s = state.get();
        int[] counts = new int[E * layers];
        d.readInts(dead, counts, counts.length);
        for (int e = 0; e < E; e++) {
            int[] perLayer = new int[layers];
            System.arraycopy(counts, e * layers, perLayer, 0, layers);
            deadPerProbe.get(s.netBase + e).add(perLayer);
        }
        if (keepActivations && s.inProbe) keepProbe(s, E);
        s.inProbe = false;
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
        d.outputStats(E, B, n, v, stats, first);
        ChunkState s = state.get();
        float[] values = new float[E * B * n];
        d.read(v, values, values.length);
        if (s.statsCall++ % 2 == 0) {
            s.predictions = values;
            return;
        }
        for (int e = 0; e < E; e++) {
            int net = s.netBase + e;
            for (int r = 0; r < B; r++) {
                int o = (e * B + r) * n;
                testRows[net]++;
                testLoss[net] += loss.example(s.predictions, o, values, o, n, 1f, null, 0);
                if (classOf(s.predictions, o, n, 0f) == classOf(values, o, n, 0.5f)) testCorrect[net]++;
            }
        }
    }

    /** The class a row stands for: its arg-max, or for a single column whether it exceeds {@code threshold}. */
    private static int classOf(float[] v, int o, int n, float threshold) {
        if (n == 1) return v[o] > threshold ? 1 : 0;
        int best = 0;
        for (int c = 1; c < n; c++) if (v[o + c] > v[o + best]) best = c;
        return best;
    }

    @Override public EngineKind kind() { return d.kind(); }
    @Override public String deviceName() { return d.deviceName(); }
    @Override public int parallelChunks() { return d.parallelChunks(); }
    @Override public int maxChunkNetworks(long bytesPerNetwork) { return d.maxChunkNetworks(bytesPerNetwork); }
    @Override public Buffer floats(long n) { return d.floats(n); }
    @Override public Buffer ints(long n) { return d.ints(n); }
    @Override public void write(Buffer dst, float[] src, int count) { d.write(dst, src, count); }
    @Override public void writeInts(Buffer dst, int[] src, int count) { d.writeInts(dst, src, count); }
    @Override public void read(Buffer src, float[] dst, int count) { d.read(src, dst, count); }
    @Override public void readInts(Buffer src, int[] dst, int count) { d.readInts(src, dst, count); }
    @Override public void fill(Buffer dst, float value, long count) { d.fill(dst, value, count); }
    @Override public void copy(Buffer src, Buffer dst, long count) { d.copy(src, dst, count); }

    @Override
    public void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                            Buffer w, Buffer b) {
        d.initWeights(init, seed, netBase, E, layer, fanIn, fanOut, w, b);
    }

    @Override
    public void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        d.initBiases(init, seed, netBase, E, layer, n, b);
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act,
                              float alpha, Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        d.denseBackward(E, B, nIn, nOut, x, w, z, act, alpha, slope, dA, dW, db, dSlope, dX);
    }

    @Override
    public void loss(Loss l, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        d.loss(l, E, B, n, out, target, dOut, lossLast, lossSum, diverged);
    }

    @Override
    public void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                              Buffer lr, float correction, Buffer diverged) {
        d.optimizerStep(opt, E, perNet, param, grad, s1, s2, lr, correction, diverged);
    }

    @Override
    public void absSum(int E, int B, int n, Buffer a, Buffer sums) { d.absSum(E, B, n, a, sums); }

    @Override
    public void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) { d.dormantMask(E, n, sums, tau, alive); }

    @Override public void synchronize() { d.synchronize(); }

    /** Leaves the wrapped engine open: its owner closes it. */
    @Override public void close() {}
}
