package dev.relulab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/** What every engine's {@link Engine#timeSeconds} must do, run by each engine's timer test. */
public final class TimerChecks {
    private static final int RUNS = 5;

    private TimerChecks() {}

    /**
     * The timer sees the work {@code op} queues (a 16M-float fill takes longer than nothing), never reports more
     * than the wall time around it, lets the work finish, and passes an exception through leaving the engine usable.
     */
    public static void check(Engine eng) {
        int n = 1 << 24;
        try (Buffer buf = eng.floats(n)) {
            double[] fill = new double[RUNS], empty = new double[RUNS];
            for (int k = 0; k < RUNS; k++) {
                float value = k + 1;
                long t0 = System.nanoTime();
                fill[k] = eng.timeSeconds(() -> eng.fill(buf, value, n));
                double wall = (System.nanoTime() - t0) / 1e9;
                assertTrue(fill[k] > 0 && fill[k] <= wall, eng.timerName() + ": fill took " + fill[k]
                        + " s by the timer and " + wall + " s by the wall clock around it");
                empty[k] = eng.timeSeconds(() -> { });
                assertTrue(empty[k] >= 0, eng.timerName() + ": nothing took " + empty[k] + " s");
            }
            float[] got = new float[n];
            eng.read(buf, got, n);
            assertEquals(RUNS, got[n - 1], "the timed fills ran");
            Arrays.sort(fill);
            Arrays.sort(empty);
            assertTrue(empty[RUNS / 2] < fill[RUNS / 2], eng.timerName() + ": median of nothing " + empty[RUNS / 2]
                    + " s is not below the median 16M-float fill " + fill[RUNS / 2] + " s");
            IllegalStateException boom = new IllegalStateException("boom");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> eng.timeSeconds(() -> {
                eng.fill(buf, -1f, n);
                throw boom;
            })));
            assertTrue(eng.timeSeconds(() -> eng.fill(buf, 2f, n)) > 0, "the timer works after a failed op");
        }
    }
}
