package dev.relulab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each loss and its logit gradient against a double-precision formula and its central finite differences. */
class LossTest {
    /** Fresh each run; replay a failure with -Drelulab.seed=N (the message prints N). */
    static final long SEED = Long.getLong("relulab.seed", System.nanoTime());

    @ParameterizedTest
    @EnumSource(Loss.class)
    void lossAndGradientMatchFiniteDifferences(Loss loss) {
        Random rnd = new Random(SEED + loss.ordinal());
        for (int t = 0; t < 50; t++) {
            int n = loss == Loss.CCE ? 2 + rnd.nextInt(9) : 1 + rnd.nextInt(4);
            float[] z = new float[n], y = new float[n], g = new float[n];
            for (int k = 0; k < n; k++) z[k] = (float) (rnd.nextGaussian() * 2);
            if (loss == Loss.CCE) {
                y[rnd.nextInt(n)] = 1f;
            } else {
                for (int k = 0; k < n; k++) y[k] = loss == Loss.BCE ? rnd.nextInt(2) : (float) rnd.nextGaussian();
            }
            float scale = 0.25f;
            double got = loss.example(z, 0, y, 0, n, scale, g, 0);
            double[] zd = new double[n];
            for (int k = 0; k < n; k++) zd[k] = z[k];
            assertEquals(DoubleReference.loss(loss, zd, y), got, 1e-6 * (1 + Math.abs(got)), loss + " value, seed " + SEED);
            for (int k = 0; k < n; k++) {
                double h = 1e-6, keep = zd[k];
                zd[k] = keep + h;
                double up = DoubleReference.loss(loss, zd, y);
                zd[k] = keep - h;
                double down = DoubleReference.loss(loss, zd, y);
                zd[k] = keep;
                double want = scale * (up - down) / (2 * h);
                assertEquals(want, g[k], 1e-5 + 1e-4 * Math.abs(want), loss + " gradient " + k + ", seed " + SEED);
            }
        }
    }
}
