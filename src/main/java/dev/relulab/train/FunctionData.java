package dev.relulab.train;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.random.Purpose;

/**
 * Lu et al.'s regression data: for each network its own {@code train} and {@code test} points of f(x), x uniform on
 * [lo, hi], drawn from counters on the engine. The probe set is the training set, as in EXPERIMENTS.md.
 */
public final class FunctionData implements DataSource {
    public final FunctionTarget target;
    public final float lo, hi;
    private final int train, test;

    public FunctionData(FunctionTarget target, float lo, float hi, int train, int test) {
        if (!(hi > lo)) throw new IllegalArgumentException("x range [" + lo + ", " + hi + "] must have lo < hi");
        if (train < 1) throw new IllegalArgumentException("points=" + train + " must be at least 1");
        if (test < 2) {
            throw new IllegalArgumentException("test points=" + test + " must be at least 2: the collapse tests compare "
                    + "predictions with each other");
        }
        this.target = target;
        this.lo = lo;
        this.hi = hi;
        this.train = train;
        this.test = test;
    }

    @Override public int inputs() { return 1; }
    @Override public int outputs() { return 1; }
    @Override public int trainSize() { return train; }
    @Override public int probeSize() { return train; }
    @Override public int testSize() { return test; }

    @Override
    public void trainBatch(Engine engine, long seed, int netBase, int E, int epoch, int start, int B, Buffer x,
                           Buffer y) {
        engine.functionPoints(target, lo, hi, seed, netBase, E, Purpose.TRAIN_POINTS, train, start, B, epoch, x, y);
    }

    @Override
    public void probeBatch(Engine engine, long seed, int netBase, int E, int start, int B, Buffer x, Buffer y) {
        engine.functionPoints(target, lo, hi, seed, netBase, E, Purpose.TRAIN_POINTS, train, start, B, -1, x, y);
    }

    @Override
    public void testBatch(Engine engine, long seed, int netBase, int E, int start, int B, Buffer x, Buffer y) {
        engine.functionPoints(target, lo, hi, seed, netBase, E, Purpose.TEST_POINTS, test, start, B, -1, x, y);
    }
}
