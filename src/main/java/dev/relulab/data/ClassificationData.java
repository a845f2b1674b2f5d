package dev.relulab.data;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import java.util.HashSet;
import java.util.Set;

/**
 * A synthetic classification set made as scikit-learn's {@code make_classification} makes it: each class gets
 * {@code clustersPerClass} Gaussian clusters centred on distinct vertices of a hypercube of side 2 classSep in the
 * informative subspace, each cluster's points multiplied by its own random matrix with entries uniform in [-1, 1)
 * (random covariance); redundant features are random linear combinations (again uniform [-1, 1)) of the informative
 * ones, the rest are standard normal noise; then each label is replaced, with probability {@code flip}, by a class
 * drawn uniformly (so about flip (1 - 1/classes) of the labels change); finally rows and columns are shuffled.
 * Clusters get N / clusters rows each, the first N mod clusters one more, so classes are balanced before flipping.
 * Draws come from Philox streams (seed, network 0, DATASET, sub-stream per step), not numpy's Mersenne twister, so
 * the numbers differ from scikit-learn's while the distribution is the same.
 */
public final class ClassificationData {
    public final int samples, features, informative, redundant, classes, clustersPerClass;
    public final double flip, classSep;
    public final boolean shuffle;

    public ClassificationData(int samples, int features, int informative, int redundant, int classes,
                              int clustersPerClass, double flip, double classSep, boolean shuffle) {
        check(samples >= 1, "samples=" + samples + " must be at least 1");
        check(informative >= 1, "informative=" + informative + " must be at least 1");
        check(redundant >= 0, "redundant=" + redundant + " must be at least 0");
        check(features >= informative + redundant, "features=" + features + " must be at least informative + "
                + "redundant = " + (informative + redundant));
        check(classes >= 2, "classes=" + classes + " must be at least 2");
        check(clustersPerClass >= 1, "clusters-per-class=" + clustersPerClass + " must be at least 1");
        check(informative >= 31 || (long) classes * clustersPerClass <= (1L << informative),
                "classes x clusters-per-class=" + classes * clustersPerClass + " must be at most 2^informative = "
                        + (1L << Math.min(informative, 62)));
        check(flip >= 0 && flip <= 1, "flip=" + flip + " must be in [0, 1]");
        check(classSep > 0, "class-sep=" + classSep + " must be positive");
        this.samples = samples;
        this.features = features;
        this.informative = informative;
        this.redundant = redundant;
        this.classes = classes;
        this.clustersPerClass = clustersPerClass;
        this.flip = flip;
        this.classSep = classSep;
        this.shuffle = shuffle;
    }

    /** The variants experiment's set: 2000 samples, 20 features (15 informative, 5 redundant), 2 classes, 10% flip. */
    public static ClassificationData variantsPreset() {
        return new ClassificationData(2000, 20, 15, 5, 2, 2, 0.1, 1.0, true);
    }

    public DataSet generate(long seed) {
        int n = samples, d = features, q = informative, clusters = classes * clustersPerClass;
        double[][] centroids = centroids(clusters, stream(seed, 0));
        double[] x = new double[n * d];
        int[] labels = new int[n];
        RandomStream normals = stream(seed, 1), cov = stream(seed, 2);
        int start = 0;
        for (int k = 0; k < clusters; k++) {
            int count = n / clusters + (k < n % clusters ? 1 : 0);
            double[] a = new double[q * q];
            for (int i = 0; i < q * q; i++) a[i] = 2.0 * cov.uniform((long) k * q * q + i) - 1.0;
            double[] row = new double[q];
            for (int r = start; r < start + count; r++) {
                labels[r] = k % classes;
                for (int i = 0; i < q; i++) row[i] = normals.normal((long) r * q + i, 0);
                for (int j = 0; j < q; j++) {
                    double s = 0;
                    for (int i = 0; i < q; i++) s += row[i] * a[i * q + j];
                    x[r * d + j] = s + centroids[k][j];
                }
            }
            start += count;
        }
        if (redundant > 0) {
            RandomStream bs = stream(seed, 3);
            double[] b = new double[q * redundant];
            for (int i = 0; i < b.length; i++) b[i] = 2.0 * bs.uniform(i) - 1.0;
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < redundant; j++) {
                    double s = 0;
                    for (int i = 0; i < q; i++) s += x[r * d + i] * b[i * redundant + j];
                    x[r * d + q + j] = s;
                }
            }
        }
        int useless = d - q - redundant;
        RandomStream noise = stream(seed, 4);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < useless; j++) x[r * d + q + redundant + j] = noise.normal((long) r * useless + j, 0);
        }
        RandomStream flipMask = stream(seed, 5), flipClass = stream(seed, 6);
        for (int r = 0; r < n; r++) {
            if (flipMask.uniform(r) < flip) labels[r] = Draws.below(flipClass, r, classes);
        }
        int[] rowOrder = shuffle ? Draws.permutation(n, stream(seed, 7)) : identity(n);
        int[] colOrder = shuffle ? Draws.permutation(d, stream(seed, 8)) : identity(d);
        float[] fx = new float[n * d];
        int[] fl = new int[n];
        for (int r = 0; r < n; r++) {
            int src = rowOrder[r];
            fl[r] = labels[src];
            for (int j = 0; j < d; j++) fx[r * d + j] = (float) x[src * d + colOrder[j]];
        }
        return DataSet.fromLabels("classification", n, d, fx, fl, classes);
    }

    /** Distinct hypercube vertices in {-classSep, +classSep}^q, one per cluster, drawn bit by bit with rejection. */
    private double[][] centroids(int clusters, RandomStream s) {
        double[][] c = new double[clusters][informative];
        Set<String> seen = new HashSet<>();
        long element = 0;
        for (int k = 0; k < clusters; k++) {
            while (true) {
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < informative; i++) {
                    boolean bit = s.bits(element++, 0) < 0;
                    c[k][i] = bit ? classSep : -classSep;
                    key.append(bit ? '1' : '0');
                }
                if (seen.add(key.toString())) break;
            }
        }
        return c;
    }

    private static RandomStream stream(long seed, int sub) {
        return new RandomStream(seed, 0, Purpose.DATASET, sub);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
