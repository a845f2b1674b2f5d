package dev.relulab.engine.cpu;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.HostInit;
import dev.relulab.engine.InitArgs;
import dev.relulab.engine.OpChecks;
import dev.relulab.engine.cpu.fused.FusedCpuTrainer;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.KeyedPermutation;
import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import java.util.Arrays;

/**
 * The reference engine: plain Java loops over float arrays, in the same order of math as the kernels. Each call is
 * single-threaded; the trainer runs {@link #parallelChunks()} chunks of networks at once, so results are identical
 * for any thread count.
 */
public final class CpuEngine implements Engine {
    /** Per-chunk working set the CPU engine aims for, so that a chunk's activations stay in the L2 cache. */
    static final long CHUNK_BYTES = 512 * 1024;

    private final int threads;
    private final ThreadLocal<PointCache> points = ThreadLocal.withInitial(PointCache::new);

    /** A CPU engine that runs up to {@code threads} chunks at once. */
    public CpuEngine(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads=" + threads + " must be at least 1");
        this.threads = threads;
    }

    public CpuEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public EngineKind kind() {
        return EngineKind.CPU;
    }

    @Override
    public String deviceName() {
        return "Java " + System.getProperty("java.version") + ", " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public int parallelChunks() {
        return threads;
    }

    @Override
    public int maxChunkNetworks(long bytesPerNetwork) {
        return (int) Math.max(1, Math.min(1 << 16, CHUNK_BYTES / Math.max(1, bytesPerNetwork)));
    }

    @Override
    public Buffer floats(long n) {
        return new CpuBuffer(new float[OpChecks.total("floats", n)], null);
    }

    @Override
    public Buffer ints(long n) {
        return new CpuBuffer(null, new int[OpChecks.total("ints", n)]);
    }

    @Override
    public void write(Buffer dst, float[] src, int count) {
        OpChecks.hostCopy("write", dst, false, count, src.length);
        System.arraycopy(src, 0, f(dst), 0, count);
    }

    @Override
    public void writeInts(Buffer dst, int[] src, int count) {
        OpChecks.hostCopy("writeInts", dst, true, count, src.length);
        System.arraycopy(src, 0, i(dst), 0, count);
    }

    @Override
    public void read(Buffer src, float[] dst, int count) {
        OpChecks.hostCopy("read", src, false, count, dst.length);
        System.arraycopy(f(src), 0, dst, 0, count);
    }

    @Override
    public void readInts(Buffer src, int[] dst, int count) {
        OpChecks.hostCopy("readInts", src, true, count, dst.length);
        System.arraycopy(i(src), 0, dst, 0, count);
    }

    @Override
    public void fill(Buffer dst, float value, long count) {
        OpChecks.fill(dst, count);
        CpuBuffer c = (CpuBuffer) dst;
        if (c.f != null) Arrays.fill(c.f, 0, Math.toIntExact(count), value);
        else Arrays.fill(c.i, 0, Math.toIntExact(count), (int) value);
    }

    @Override
    public void copy(Buffer src, Buffer dst, long count) {
        OpChecks.copy(src, dst, count);
        CpuBuffer s = (CpuBuffer) src, d = (CpuBuffer) dst;
        int n = Math.toIntExact(count);
        if (s.f != null) System.arraycopy(s.f, 0, d.f, 0, n);
        else System.arraycopy(s.i, 0, d.i, 0, n);
    }

    @Override
    public void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                            Buffer w, Buffer b) {
        int total = InitArgs.weights(init, netBase, E, layer, fanIn, fanOut, b);
        OpChecks.need("initWeights " + init, "w", w, false, total);
        if (init.setsBiases()) OpChecks.need("initWeights " + init, "b", b, false, (long) E * fanOut);
        HostInit.weights(init, seed, netBase, E, layer, fanIn, fanOut, f(w), b == null ? null : f(b));
    }

    @Override
    public void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        OpChecks.need("initBiases " + init, "b", b, false, InitArgs.biases(init, netBase, E, layer, n));
        HostInit.biases(init, seed, netBase, E, layer, n, f(b));
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer xb, Buffer wb, Buffer bb, Activation act,
                             float alpha, Buffer slopeb, Buffer zb, Buffer ab, Buffer aliveb) {
        OpChecks.denseForward(E, B, nIn, nOut, xb, wb, bb, slopeb, zb, ab, aliveb);
        float[] x = f(xb), w = f(wb), bias = f(bb), z = f(zb), a = f(ab);
        float[] slope = slopeb == null ? null : f(slopeb);
        int[] alive = aliveb == null ? null : i(aliveb);
        for (int e = 0; e < E; e++) {
            int wOff = e * nOut * nIn, uOff = e * nOut, xOff = e * B * nIn, zOff = e * B * nOut;
            DenseLoops.forward(x, xOff, w, wOff, bias, uOff, z, zOff, B, nIn, nOut);
            ActivationLoops.forward(act, alpha, slope, uOff, z, a, e * B * nOut, B, nOut, alive);
        }
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer xb, Buffer wb, Buffer zb, Activation act,
                              float alpha, Buffer slopeb, Buffer dAb, Buffer dWb, Buffer dbb, Buffer dSlopeb,
                              Buffer dXb) {
        OpChecks.denseBackward(E, B, nIn, nOut, xb, wb, zb, slopeb, dAb, dWb, dbb, dSlopeb, dXb);
        float[] x = f(xb), w = f(wb), z = f(zb), dz = f(dAb), dW = f(dWb), db = f(dbb);
        float[] slope = slopeb == null ? null : f(slopeb);
        float[] dSlope = dSlopeb == null ? null : f(dSlopeb);
        float[] dX = dXb == null ? null : f(dXb);
        for (int e = 0; e < E; e++) {
            int wOff = e * nOut * nIn, uOff = e * nOut, aOff = e * B * nOut;
            ActivationLoops.backward(act, alpha, slope, uOff, z, dz, aOff, B, nOut, dSlope);
            int xOff = e * B * nIn;
            DenseLoops.weightGradients(x, xOff, dz, aOff, dW, wOff, db, uOff, B, nIn, nOut);
            if (dX != null) DenseLoops.inputGradients(w, wOff, dz, aOff, dX, xOff, B, nIn, nOut);
        }
    }

    @Override
    public void loss(Loss loss, int E, int B, int n, Buffer outb, Buffer targetb, Buffer dOutb, Buffer lossLastb,
                     Buffer lossSumb, Buffer divergedb) {
        OpChecks.loss(E, B, n, outb, targetb, dOutb, lossLastb, lossSumb, divergedb);
        float[] out = f(outb), target = f(targetb), dOut = f(dOutb), last = f(lossLastb), sum = f(lossSumb);
        int[] diverged = i(divergedb);
        float scale = 1f / B;
        for (int e = 0; e < E; e++) {
            double total = 0;
            for (int s = 0; s < B; s++) {
                int off = (e * B + s) * n;
                total += loss.example(out, off, target, off, n, scale, dOut, off);
            }
            float mean = (float) (total / B);
            last[e] = mean;
            sum[e] += mean;
            if (!Float.isFinite(mean)) diverged[e] = 1;
        }
    }

    @Override
    public void optimizerStep(Optimizer opt, int E, long perNetL, Buffer paramb, Buffer gradb, Buffer s1b,
                              Buffer s2b, Buffer lrb, float correction, Buffer divergedb) {
        OpChecks.optimizerStep(opt, E, perNetL, paramb, gradb, s1b, s2b, lrb, divergedb);
        int perNet = Math.toIntExact(perNetL);
        float[] p = f(paramb), g = f(gradb), lr = f(lrb);
        int[] diverged = i(divergedb);
        float m = (float) opt.momentum, b1 = (float) opt.beta1, b2 = (float) opt.beta2, eps = (float) opt.epsilon;
        for (int e = 0; e < E; e++) {
            if (diverged[e] != 0) continue;
            int lo = e * perNet, hi = lo + perNet;
            float rate = lr[e];
            switch (opt.kind) {
                case SGD:
                    for (int k = lo; k < hi; k++) p[k] -= rate * g[k];
                    break;
                case MOMENTUM: {
                    float[] v = f(s1b);
                    for (int k = lo; k < hi; k++) {
                        v[k] = m * v[k] - rate * g[k];
                        p[k] += v[k];
                    }
                    break;
                }
                case ADAM: {
                    float[] mo = f(s1b), ve = f(s2b);
                    float step = rate * correction;
                    for (int k = lo; k < hi; k++) {
                        mo[k] += (g[k] - mo[k]) * (1f - b1);
                        ve[k] += (g[k] * g[k] - ve[k]) * (1f - b2);
                        p[k] -= step * mo[k] / ((float) Math.sqrt(ve[k]) + eps);
                    }
                    break;
                }
                default: throw new AssertionError(opt.kind);
            }
        }
    }

    @Override
    public void functionPoints(FunctionTarget fn, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer xb, Buffer yb) {
        OpChecks.functionPoints(netBase, E, nPoints, start, B, epoch, xb, yb);
        float[] x = f(xb), y = f(yb);
        float range = hi - lo;
        PointCache cache = points.get();
        for (int e = 0; e < E; e++) {
            float[] kept = cache.points(seed, purpose, lo, hi, nPoints, netBase, E, netBase + e);
            RandomStream stream = kept != null ? null : new RandomStream(seed, netBase + e, purpose, 0);
            KeyedPermutation perm = epoch < 0 ? null : new KeyedPermutation(seed, netBase + e, epoch, nPoints);
            for (int k = 0; k < B; k++) {
                int p = start + k;
                int idx = perm == null ? p : perm.apply(p);
                float xv = kept != null ? kept[idx] : lo + range * stream.uniform(idx);
                x[e * B + k] = xv;
                y[e * B + k] = fn.apply(xv);
            }
        }
    }

    @Override
    public void gatherRows(Buffer datab, Buffer labelsb, int rowBase, int nRows, int d, int k, long seed,
                           int netBase, int E, int start, int B, int epoch, Buffer xb, Buffer yb) {
        OpChecks.gatherRows(datab, labelsb, rowBase, nRows, d, k, netBase, E, start, B, epoch, xb, yb);
        float[] data = f(datab), labels = f(labelsb), x = f(xb), y = f(yb);
        for (int e = 0; e < E; e++) {
            KeyedPermutation perm = epoch < 0 ? null : new KeyedPermutation(seed, netBase + e, epoch, nRows);
            for (int s = 0; s < B; s++) {
                int p = start + s;
                long row = rowBase + (long) (perm == null ? p : perm.apply(p));
                System.arraycopy(data, Math.toIntExact(row * d), x, (e * B + s) * d, d);
                System.arraycopy(labels, Math.toIntExact(row * k), y, (e * B + s) * k, k);
            }
        }
    }

    @Override
    public void reduceDead(int E, int n, Buffer aliveb, Buffer everDeadb, Buffer deadb, Buffer revivedb, int layers,
                           int layer) {
        OpChecks.reduceDead(E, n, aliveb, everDeadb, deadb, revivedb, layers, layer);
        int[] alive = i(aliveb), dead = i(deadb);
        int[] ever = everDeadb == null ? null : i(everDeadb);
        int[] revived = revivedb == null ? null : i(revivedb);
        for (int e = 0; e < E; e++) {
            int count = 0, back = 0;
            for (int j = e * n; j < (e + 1) * n; j++) {
                boolean isDead = alive[j] == 0;
                if (isDead) count++;
                if (ever != null) {
                    if (!isDead && ever[j] != 0) back++;
                    if (isDead) ever[j] = 1;
                }
            }
            dead[e * layers + layer] = count;
            if (ever != null && revived != null) revived[e * layers + layer] = back;
        }
    }

    @Override
    public void absSum(int E, int B, int n, Buffer ab, Buffer sumsb) {
        OpChecks.absSum(E, B, n, ab, sumsb);
        float[] a = f(ab), sums = f(sumsb);
        for (int e = 0; e < E; e++) {
            for (int s = 0; s < B; s++) {
                int off = (e * B + s) * n;
                for (int j = 0; j < n; j++) sums[e * n + j] += Math.abs(a[off + j]);
            }
        }
    }

    @Override
    public void dormantMask(int E, int n, Buffer sumsb, float tau, Buffer aliveb) {
        OpChecks.dormantMask(E, n, sumsb, aliveb);
        float[] sums = f(sumsb);
        int[] alive = i(aliveb);
        for (int e = 0; e < E; e++) {
            float mean = 0f;
            for (int j = 0; j < n; j++) mean += sums[e * n + j];
            mean /= n;
            for (int j = 0; j < n; j++) alive[e * n + j] = sums[e * n + j] > tau * mean ? 1 : 0;
        }
    }

    @Override
    public void outputStats(int E, int B, int n, Buffer vb, Buffer statsb, boolean first) {
        OpChecks.outputStats(E, B, n, vb, statsb, first);
        float[] v = f(vb), st = f(statsb);
        for (int e = 0; e < E; e++) {
            for (int c = 0; c < n; c++) {
                int o = (e * n + c) * 4;
                if (first) {
                    st[o] = v[e * B * n + c];
                    st[o + 1] = 1f;
                    st[o + 2] = 0f;
                    st[o + 3] = 0f;
                }
                float ref = st[o], sum = st[o + 2], sq = st[o + 3];
                boolean equal = st[o + 1] != 0f;
                for (int s = 0; s < B; s++) {
                    float val = v[(e * B + s) * n + c];
                    if (!(val == ref)) equal = false;
                    float d = val - ref;
                    sum += d;
                    sq += d * d;
                }
                st[o + 1] = equal ? 1f : 0f;
                st[o + 2] = sum;
                st[o + 3] = sq;
            }
        }
    }

    /** Function-target trainings run in the fused trainer (engine.cpu.fused), bit-identical to the op-by-op path. */
    @Override
    public boolean canTrainFused(FusedNetwork net) {
        return FusedCpuTrainer.unsupported(net) == null;
    }

    @Override
    public String fusedPath(FusedNetwork net, int E) {
        return "fused (CPU fused trainer, networks as SIMD lanes" + (net.skips() ? ", exact skipping" : "") + ")";
    }

    @Override
    public void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        OpChecks.trainFused(FusedCpuTrainer.unsupported(net), net, netBase, E, lr, counts, stats);
        FusedCpuTrainer.train(net, netBase, E, f(lr), i(counts), f(stats));
    }

    @Override
    public void synchronize() {
        // work is done when a call returns
    }

    @Override
    public void close() {
        // nothing to free
    }

    private static float[] f(Buffer b) {
        CpuBuffer c = (CpuBuffer) b;
        if (c.f == null) throw new IllegalArgumentException("expected a float buffer, got an int buffer");
        return c.f;
    }

    private static int[] i(Buffer b) {
        CpuBuffer c = (CpuBuffer) b;
        if (c.i == null) throw new IllegalArgumentException("expected an int buffer, got a float buffer");
        return c.i;
    }
}
