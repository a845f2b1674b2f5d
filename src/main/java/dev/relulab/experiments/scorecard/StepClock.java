package dev.relulab.experiments.scorecard;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.ForwardingEngine;
import dev.relulab.nn.Loss;
import dev.relulab.random.Purpose;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An engine that clocks training steps: the trainer calls {@code loss} once per minibatch step of a chunk, so the
 * time between two such calls of one worker on one chunk is one whole step (backward, update, the next batch's data
 * and forward). Each such interval, divided by the chunk's networks, is one sample of the time per network-step;
 * the median of many is robust to the pauses other processes cause. The engine is synchronised at each call, so on
 * a device the interval holds the step's kernels, not only their launches.
 */
final class StepClock extends ForwardingEngine {
    private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<long[]> last = ThreadLocal.withInitial(() -> new long[] {-1, -1, -1, 0});
    private volatile long generation;

    StepClock(Engine inner) {
        super(inner);
    }

    /** Forgets every sample and every worker's last step. */
    void reset() {
        samples.clear();
        generation++;
    }

    /** Seconds per network-step, one per clocked interval since the last reset. */
    double[] samples() {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** This thread's {netBase of its latest batch, netBase at its latest loss, time of that loss, generation}. */
    private long[] state() {
        long[] s = last.get();
        if (s[3] != generation) {
            s[0] = s[1] = s[2] = -1;
            s[3] = generation;
        }
        return s;
    }

    @Override
    public void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                               int nPoints, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch, x, y);
        state()[0] = netBase;
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.gatherRows(data, labels, rowBase, nRows, d, k, seed, netBase, E, start, B, epoch, x, y);
        state()[0] = netBase;
    }

    @Override
    public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                     Buffer lossSum, Buffer diverged) {
        inner.loss(loss, E, B, n, out, target, dOut, lossLast, lossSum, diverged);
        inner.synchronize();
        long now = System.nanoTime();
        long[] s = state();
        if (s[1] == s[0] && s[2] >= 0) samples.add((now - s[2]) / 1e9 / E);
        s[1] = s[0];
        s[2] = now;
    }
}
