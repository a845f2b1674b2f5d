package dev.relulab.data;

/**
 * scikit-learn's StandardScaler: per-feature mean and population standard deviation of a training set; a feature
 * with zero deviation is only centred.
 */
public final class Standardizer {
    private final double[] mean, scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    public static Standardizer fit(DataSet train) {
        int d = train.features, n = train.rows;
        if (n == 0) throw new IllegalArgumentException("cannot standardise with an empty training set " + train.name);
        double[] mean = new double[d], sq = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += train.x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = train.x[i * d + j] - mean[j];
                sq[j] += v * v;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(sq[j] / n);
            scale[j] = std > 0 ? std : 1;
        }
        return new Standardizer(mean, scale);
    }

    public double mean(int feature) {
        return mean[feature];
    }

    public double scale(int feature) {
        return scale[feature];
    }

    float[] apply(float[] x, int d) {
        if (d != mean.length) {
            throw new IllegalArgumentException("standardiser fitted on " + mean.length + " features, data has " + d);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) ((x[i] - mean[i % d]) / scale[i % d]);
        return out;
    }
}
