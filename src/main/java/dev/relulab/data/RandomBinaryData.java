package dev.relulab.data;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/**
 * The constant-init experiment's data without signal: X uniform in [0, 1), labels Bernoulli(0.5), from Philox
 * streams (seed, DATASET, sub-streams 20 and 21).
 */
public final class RandomBinaryData {
    private RandomBinaryData() {}

    /** The experiment's set: 1000 rows of 10 features. */
    public static DataSet generate(long seed) {
        return generate(1000, 10, seed);
    }

    public static DataSet generate(int rows, int features, long seed) {
        if (rows < 1) throw new IllegalArgumentException("rows=" + rows + " must be at least 1");
        if (features < 1) throw new IllegalArgumentException("features=" + features + " must be at least 1");
        RandomStream xs = new RandomStream(seed, 0, Purpose.DATASET, 20);
        RandomStream ys = new RandomStream(seed, 0, Purpose.DATASET, 21);
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) x[i] = xs.uniform(i);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = ys.uniform(i) < 0.5f ? 1 : 0;
        return DataSet.fromLabels("random-binary", rows, features, x, labels, 2);
    }
}
