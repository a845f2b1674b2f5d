package dev.relulab.data;

import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/**
 * The "ball" set of the vanishing-gradients experiment (Perunicic's and Godoy's code): points uniform in a
 * d-ball of radius sqrt(d) (normal directions scaled to the radius, radii uniform^(1/d)), then all coordinates
 * and the radius divided by the points' overall standard deviation; label 1 when |sum of coordinates| exceeds
 * {@code fraction} times the radius. Draws come from Philox streams (seed, DATASET, sub-streams 10 and 11).
 */
public final class BallData {
    private BallData() {}

    /** The experiment's set: 1000 points in 10 dimensions, fraction 0.5. */
    public static DataSet generate(long seed) {
        return generate(1000, 10, 0.5, seed);
    }

    public static DataSet generate(int points, int dims, double fraction, long seed) {
        if (points < 1) throw new IllegalArgumentException("points=" + points + " must be at least 1");
        if (dims < 1) throw new IllegalArgumentException("dims=" + dims + " must be at least 1");
        if (!(fraction > 0)) throw new IllegalArgumentException("fraction=" + fraction + " must be positive");
        RandomStream dir = new RandomStream(seed, 0, Purpose.DATASET, 10);
        RandomStream rad = new RandomStream(seed, 0, Purpose.DATASET, 11);
        double radius = Math.sqrt(dims);
        double[] x = new double[points * dims];
        double sum = 0, sq = 0;
        for (int i = 0; i < points; i++) {
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                double v = dir.normal((long) i * dims + j, 0);
                x[i * dims + j] = v;
                norm += v * v;
            }
            double r = radius * Math.pow(rad.uniform(i), 1.0 / dims) / Math.sqrt(norm);
            for (int j = 0; j < dims; j++) {
                x[i * dims + j] *= r;
                sum += x[i * dims + j];
                sq += x[i * dims + j] * x[i * dims + j];
            }
        }
        double count = (double) points * dims, mean = sum / count;
        double adjust = 1 / Math.sqrt(Math.max(1e-300, sq / count - mean * mean));
        float[] fx = new float[x.length];
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            double s = 0;
            for (int j = 0; j < dims; j++) {
                fx[i * dims + j] = (float) (x[i * dims + j] * adjust);
                s += x[i * dims + j] * adjust;
            }
            labels[i] = Math.abs(s) > fraction * radius * adjust ? 1 : 0;
        }
        return DataSet.fromLabels("ball", points, dims, fx, labels, 2);
    }
}
