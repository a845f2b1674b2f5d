package dev.relulab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSetTest {
    private static DataSet counting(int rows) {
        float[] x = new float[rows * 2];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 + 2 * i;
            labels[i] = i % 3;
        }
        return DataSet.fromLabels("count", rows, 2, x, labels, 3);
    }

    @Test
    void validationSplitTakesTheTailLikeKeras() {
        Split s = counting(10).validationSplit(0.2);
        assertEquals(8, s.train().rows);
        assertEquals(2, s.test().rows);
        assertEquals(8f, s.test().x[0]);
        assertEquals(2, s.test().label(0));
        Split odd = counting(7).validationSplit(0.2);
        assertEquals(5, odd.train().rows);
    }

    @Test
    void trainTestSplitIsAShuffledPartition() {
        Split s = counting(100).trainTestSplit(0.2, 42);
        assertEquals(80, s.train().rows);
        assertEquals(20, s.test().rows);
        Set<Float> seen = new HashSet<>();
        for (DataSet d : new DataSet[] {s.train(), s.test()}) {
            for (int i = 0; i < d.rows; i++) {
                assertTrue(seen.add(d.x[2 * i]));
                assertEquals((int) d.x[2 * i] % 3, d.label(i));
            }
        }
        assertEquals(100, seen.size());
        assertArrayEquals(s.test().x, counting(100).trainTestSplit(0.2, 42).test().x);
    }

    @Test
    void standardisationUsesTrainingStatistics() {
        Split s = counting(10).validationSplit(0.5).standardised();
        double sum = 0, sq = 0;
        for (int i = 0; i < 5; i++) {
            sum += s.train().x[2 * i + 1];
            sq += s.train().x[2 * i + 1] * s.train().x[2 * i + 1];
        }
        assertEquals(0, sum / 5, 1e-6);
        assertEquals(1, sq / 5, 1e-5);
        assertEquals((5 - 2) / Math.sqrt(2), s.test().x[0], 1e-5);
    }

    @Test
    void constantFeatureIsOnlyCentred() {
        DataSet d = DataSet.fromLabels("c", 3, 1, new float[] {4, 4, 4}, new int[] {0, 1, 0}, 2);
        assertArrayEquals(new float[] {0, 0, 0}, d.standardised(Standardizer.fit(d)).x);
    }

    @Test
    void badShapesAndFractionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataSet("d", 2, 2, 1, new float[3], new float[2],
                new String[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> counting(10).validationSplit(1.2));
        assertTrue(e.getMessage().startsWith("validation-split=1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSet.fromLabels("d", 1, 1, new float[1], new int[] {4}, 3));
    }
}
