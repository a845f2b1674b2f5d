package dev.relulab.data;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import java.util.Arrays;

/**
 * A labelled data set held in memory: inputs {@code x [N][d]} and targets {@code y [N][k]} as flat row-major float
 * arrays, with a name and the class names. Targets are one-hot for more than two classes (cce) and a single 0/1
 * column for two (bce). Instances are immutable by convention: the methods return new sets.
 */
public final class DataSet {
    public final String name;
    public final int rows, features, outputs;
    public final float[] x, y;
    private final String[] classNames;

    public DataSet(String name, int rows, int features, int outputs, float[] x, float[] y, String[] classNames) {
        if (rows < 0 || features < 1 || outputs < 1) {
            throw new IllegalArgumentException("data set " + name + ": rows=" + rows + ", features=" + features
                    + ", outputs=" + outputs + " (rows must be at least 0, features and outputs at least 1)");
        }
        if (x.length != (long) rows * features) {
            throw new IllegalArgumentException("data set " + name + ": x has " + x.length + " values, " + rows + " x "
                    + features + " expected");
        }
        if (y.length != (long) rows * outputs) {
            throw new IllegalArgumentException("data set " + name + ": y has " + y.length + " values, " + rows + " x "
                    + outputs + " expected");
        }
        this.name = name;
        this.rows = rows;
        this.features = features;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
        this.classNames = classNames.clone();
    }

    /** A classification set from integer labels in [0, classes): one-hot targets, or one 0/1 column for 2 classes. */
    public static DataSet fromLabels(String name, int rows, int features, float[] x, int[] labels, int classes) {
        if (classes < 2) throw new IllegalArgumentException("classes=" + classes + " must be at least 2");
        int k = classes == 2 ? 1 : classes;
        float[] y = new float[rows * k];
        for (int i = 0; i < rows; i++) {
            int c = labels[i];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("data set " + name + ": label " + c + " of row " + i
                        + " is outside [0, " + classes + ")");
            }
            if (k == 1) y[i] = c; else y[i * k + c] = 1f;
        }
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) names[c] = Integer.toString(c);
        return new DataSet(name, rows, features, k, x, y, names);
    }

    public String[] classNames() {
        return classNames.clone();
    }

    /** The class of row i: the arg-max of a one-hot row, or the 0/1 value of a single column. */
    public int label(int i) {
        if (outputs == 1) return y[i] > 0.5f ? 1 : 0;
        int best = 0;
        for (int c = 1; c < outputs; c++) if (y[i * outputs + c] > y[i * outputs + best]) best = c;
        return best;
    }

    /** Rows per class (two entries for a single 0/1 column). */
    public int[] classCounts() {
        int[] counts = new int[Math.max(2, outputs)];
        for (int i = 0; i < rows; i++) counts[label(i)]++;
        return counts;
    }

    /** Rows [from, to). */
    public DataSet slice(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are outside [0, " + rows + ")");
        }
        return new DataSet(name, to - from, features, outputs,
                Arrays.copyOfRange(x, from * features, to * features),
                Arrays.copyOfRange(y, from * outputs, to * outputs), classNames);
    }

    /** These rows followed by {@code other}'s, a set of the same shape. */
    public DataSet append(DataSet other) {
        if (other.features != features || other.outputs != outputs) {
            throw new IllegalArgumentException("cannot append " + other + " to " + this);
        }
        float[] nx = Arrays.copyOf(x, x.length + other.x.length), ny = Arrays.copyOf(y, y.length + other.y.length);
        System.arraycopy(other.x, 0, nx, x.length, other.x.length);
        System.arraycopy(other.y, 0, ny, y.length, other.y.length);
        return new DataSet(name, rows + other.rows, features, outputs, nx, ny, classNames);
    }

    /** The rows in the order {@code order} gives. */
    public DataSet select(int[] order) {
        float[] nx = new float[order.length * features], ny = new float[order.length * outputs];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(x, order[i] * features, nx, i * features, features);
            System.arraycopy(y, order[i] * outputs, ny, i * outputs, outputs);
        }
        return new DataSet(name, order.length, features, outputs, nx, ny, classNames);
    }

    /**
     * Keras' {@code validation_split}: the last {@code fraction} of the rows (the split index is
     * {@code floor(N (1 - fraction))}) become the validation set, without shuffling.
     */
    public Split validationSplit(double fraction) {
        checkFraction("validation-split", fraction);
        int at = (int) (rows * (1 - fraction));
        return new Split(slice(0, at), slice(at, rows));
    }

    /**
     * scikit-learn's shuffled {@code train_test_split}: {@code ceil(fraction N)} test rows; the order is a
     * Fisher-Yates shuffle drawn from the Philox stream (seed, DATASET, sub-stream 100), not numpy's.
     */
    public Split trainTestSplit(double fraction, long seed) {
        checkFraction("test-fraction", fraction);
        int test = (int) Math.ceil(fraction * rows);
        int[] order = Draws.permutation(rows, new RandomStream(seed, 0, Purpose.DATASET, 100));
        return new Split(select(Arrays.copyOfRange(order, test, rows)), select(Arrays.copyOfRange(order, 0, test)));
    }

    /** The same rows with the inputs mapped through {@code s}. */
    public DataSet standardised(Standardizer s) {
        return new DataSet(name, rows, features, outputs, s.apply(x, features), y, classNames);
    }

    private static void checkFraction(String field, double f) {
        if (!(f > 0 && f < 1)) throw new IllegalArgumentException(field + "=" + f + " must be in (0, 1)");
    }

    @Override
    public String toString() {
        return name + " [" + rows + " x " + features + " -> " + outputs + "]";
    }
}
