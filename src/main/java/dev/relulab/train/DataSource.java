package dev.relulab.train;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;

/**
 * Where an ensemble's examples come from: a training set read in a per-network shuffled order, a probe set for dead
 * units, and a test set for the collapse tests. Batches are written straight into engine buffers ({@code x [E][B][in]},
 * {@code y [E][B][out]}), so a data set generated from counters is never stored per network.
 */
public interface DataSource {
    int inputs();

    int outputs();

    int trainSize();

    int probeSize();

    int testSize();

    /** Makes the data ready on {@code engine} (uploads a stored data set once); called before any batch. */
    default void prepare(Engine engine) {}

    /** Training examples at positions [start, start + B) of epoch {@code epoch}'s order. */
    void trainBatch(Engine engine, long seed, int netBase, int E, int epoch, int start, int B, Buffer x, Buffer y);

    /** Probe examples [start, start + B), in their stored order. */
    void probeBatch(Engine engine, long seed, int netBase, int E, int start, int B, Buffer x, Buffer y);

    /** Test examples [start, start + B), in their stored order. */
    void testBatch(Engine engine, long seed, int netBase, int E, int start, int B, Buffer x, Buffer y);

    /** Frees what {@link #prepare} put on the engine. */
    default void release() {}
}
