package dev.relulab.engine;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;

/**
 * An engine that hands every call to another; recorders override the calls they watch, tests the ones they break.
 * Closing leaves the wrapped engine open: its owner closes it.
 */
public abstract class ForwardingEngine implements Engine {
    protected final Engine inner;

    protected ForwardingEngine(Engine inner) {
        this.inner = inner;
    }

    @Override public EngineKind kind() { return inner.kind(); }
    @Override public String deviceName() { return inner.deviceName(); }
    @Override public int parallelChunks() { return inner.parallelChunks(); }
    @Override public int maxChunkNetworks(long bytesPerNetwork) { return inner.maxChunkNetworks(bytesPerNetwork); }
    @Override public Buffer floats(long n) { return inner.floats(n); }
    @Override public Buffer ints(long n) { return inner.ints(n); }
    @Override public void write(Buffer dst, float[] src, int count) { inner.write(dst, src, count); }
    @Override public void writeInts(Buffer dst, int[] src, int count) { inner.writeInts(dst, src, count); }
    @Override public void read(Buffer src, float[] dst, int count) { inner.read(src, dst, count); }
    @Override public void readInts(Buffer src, int[] dst, int count) { inner.readInts(src, dst, count); }
    @Override public void fill(Buffer dst, float value, long count) { inner.fill(dst, value, count); }
    @Override public void copy(Buffer src, Buffer dst, long count) { inner.copy(src, dst, count); }
    @Override public double timeSeconds(Runnable op) { return inner.timeSeconds(op); }
    @Override public String timerName() { return inner.timerName(); }
    @Override public boolean onGpu() { return inner.onGpu(); }

    @Override
    public void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                            Buffer w, Buffer b) {
        inner.initWeights(init, seed, netBase, E, layer, fanIn, fanOut, w, b);
    }

    @Override
    public void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b) {
        inner.initBiases(init, seed, netBase, E, layer, n, b);
    }

    @Override
    public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                             float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
        inner.denseForward(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act,
                              float alpha, Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        inner.denseBackward(E, B, nIn, nOut, x, w, z, act, alpha, slope, dA, dW, db, dSlope, dX);
    }

    @Override
    public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        inner.loss(loss, E, B, n, out, target, dOut, lossLast, lossSum, diverged);
    }

    @Override
    public void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                              Buffer lr, float correction, Buffer diverged) {
        inner.optimizerStep(opt, E, perNet, param, grad, s1, s2, lr, correction, diverged);
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch, x, y);
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.gatherRows(data, labels, rowBase, nRows, d, k, seed, netBase, E, start, B, epoch, x, y);
    }

    @Override
    public void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                           int layer) {
        inner.reduceDead(E, n, alive, everDead, dead, revived, layers, layer);
    }

    @Override public void absSum(int E, int B, int n, Buffer a, Buffer sums) { inner.absSum(E, B, n, a, sums); }

    @Override
    public void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive) {
        inner.dormantMask(E, n, sums, tau, alive);
    }

    @Override
    public void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        inner.outputStats(E, B, n, v, stats, first);
    }

    @Override public void synchronize() { inner.synchronize(); }
    @Override public void close() {}
}
