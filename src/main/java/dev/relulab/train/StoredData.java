package dev.relulab.train;

import dev.relulab.data.DataSet;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;

/**
 * A data set stored once on the engine and shared by every network: each network reads the training rows in its
 * own keyed permutation per epoch (seed, network, epoch), the probe set is the first {@code probe} training rows,
 * and the test set is a separate data set.
 */
public final class StoredData implements DataSource {
    public final DataSet train, test;
    private final int probe;
    private Buffer trainX, trainY, testX, testY;

    public StoredData(DataSet train, DataSet test, int probe) {
        if (train.rows < 1) throw new IllegalArgumentException("training set " + train.name + " is empty");
        if (test.rows < 1) throw new IllegalArgumentException("test set " + test.name + " is empty");
        if (test.features != train.features || test.outputs != train.outputs) {
            throw new IllegalArgumentException("test set " + test + " does not match training set " + train);
        }
        if (probe < 1 || probe > train.rows) {
            throw new IllegalArgumentException("probe=" + probe + " must be between 1 and the training rows ("
                    + train.rows + ")");
        }
        this.train = train;
        this.test = test;
        this.probe = probe;
    }

    @Override public int inputs() { return train.features; }
    @Override public int outputs() { return train.outputs; }
    @Override public int trainSize() { return train.rows; }
    @Override public int probeSize() { return probe; }
    @Override public int testSize() { return test.rows; }

    @Override
    public void prepare(Engine engine) {
        release();
        trainX = upload(engine, train.x);
        trainY = upload(engine, train.y);
        testX = upload(engine, test.x);
        testY = upload(engine, test.y);
    }

    private static Buffer upload(Engine engine, float[] values) {
        Buffer b = engine.floats(values.length);
        engine.write(b, values, values.length);
        return b;
    }

    @Override
    public void trainBatch(Engine engine, long seed, int netBase, int E, int epoch, int start, int B, Buffer x,
                           Buffer y) {
        engine.gatherRows(stored(trainX), trainY, 0, train.rows, train.features, train.outputs, seed, netBase, E,
                start, B, epoch, x, y);
    }

    @Override
    public void probeBatch(Engine engine, long seed, int netBase, int E, int start, int B, Buffer x, Buffer y) {
        engine.gatherRows(stored(trainX), trainY, 0, train.rows, train.features, train.outputs, seed, netBase, E,
                start, B, -1, x, y);
    }

    @Override
    public void testBatch(Engine engine, long seed, int netBase, int E, int start, int B, Buffer x, Buffer y) {
        engine.gatherRows(stored(testX), testY, 0, test.rows, test.features, test.outputs, seed, netBase, E,
                start, B, -1, x, y);
    }

    private static Buffer stored(Buffer b) {
        if (b == null) throw new IllegalStateException("StoredData.prepare(engine) must be called before any batch");
        return b;
    }

    @Override
    public void release() {
        for (Buffer b : new Buffer[] {trainX, trainY, testX, testY}) if (b != null) b.close();
        trainX = trainY = testX = testY = null;
    }
}
