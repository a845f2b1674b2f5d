package dev.relulab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Student's t quantiles against published values; the intervals' coverage on fresh normal samples. */
class IntervalTest {
    @Test
    void tQuantilesMatchTheTables() {
        // two-sided 95% critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2)
        int[] df = {1, 2, 3, 4, 5, 10, 20, 29, 60, 120};
        double[] t = {12.706, 4.303, 3.182, 2.776, 2.571, 2.228, 2.086, 2.045, 2.000, 1.980};
        for (int i = 0; i < df.length; i++) assertEquals(t[i], Interval.t975(df[i]), 2e-3, "df " + df[i]);
    }

    @Test
    void meanAndMedianIntervalsCoverAboutNinetyFivePercent() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        int trials = 4000, meanHits = 0, medianHits = 0;
        for (int k = 0; k < trials; k++) {
            double[] v = new double[30];
            for (int i = 0; i < v.length; i++) v[i] = 3 + 2 * r.nextGaussian();
            Interval m = Interval.mean(v), md = Interval.median(v);
            if (m.low() <= 3 && 3 <= m.high()) meanHits++;
            if (md.low() <= 3 && 3 <= md.high()) medianHits++;
        }
        // binomial sd of the hit rate is 0.0034 at 95%: 0.93..0.97 is about six sd wide
        assertTrue(meanHits > 0.93 * trials && meanHits < 0.97 * trials, "mean: " + meanHits + " (seed " + seed + ")");
        assertTrue(medianHits >= 0.93 * trials, "median coverage is at least 95%: " + medianHits + " (seed " + seed + ")");
    }

    @Test
    void aMedianOfMostlyNeverIsInfiniteAndTinySamplesHaveNoInterval() {
        double inf = Double.POSITIVE_INFINITY;
        Interval m = Interval.median(new double[] {3, inf, inf, 4, inf, inf, inf, 2, inf, inf});
        assertEquals(inf, m.estimate());
        assertEquals(10, m.n());
        assertTrue(Double.isNaN(Interval.median(new double[] {1, 2, 3, 4, 5}).low()), "n = 5 has no 95% order interval");
        assertEquals(1, Interval.lowerRank(6), "P(X = 0) = 1/64 <= 2.5%");
        Interval clipped = Interval.mean(new double[] {0, 0, 0, 0.1}).within(0, 1);
        assertEquals(0, clipped.low());
    }
}
