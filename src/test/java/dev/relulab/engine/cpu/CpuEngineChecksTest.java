package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.nn.Activation;
import dev.relulab.random.Purpose;
import org.junit.jupiter.api.Test;

/** The CPU engine runs the device engines' argument checks (engine.OpChecks) before its loops. */
class CpuEngineChecksTest {
    private final CpuEngine cpu = new CpuEngine(1);

    private String refused(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void positionsPastTheDataAreRefused() {
        Buffer x = cpu.floats(64), y = cpu.floats(64);
        assertEquals("functionPoints: positions [90, 122) must lie in [0, 100)", refused(() -> cpu.functionPoints(
                FunctionTarget.ABS, 0f, 1f, 1L, 0, 1, Purpose.TRAIN_POINTS, 100, 90, 32, 0, x, y)));
        assertEquals("gatherRows: positions [0, 8) must lie in [0, 4)", refused(() -> cpu.gatherRows(x, y, 0, 4, 2, 1,
                1L, 0, 1, 0, 8, 0, x, y)));
    }

    @Test
    void shortBuffersNameTheBufferAndTheSizes() {
        Buffer small = cpu.floats(10), alive = cpu.ints(10);
        assertEquals("denseForward: w has 10 elements, needs 12", refused(() -> cpu.denseForward(1, 2, 3, 4,
                cpu.floats(6), small, cpu.floats(4), Activation.RELU, 0f, null, cpu.floats(8), cpu.floats(8), alive)));
        assertEquals("denseForward: alive must be an int buffer", refused(() -> cpu.denseForward(1, 1, 1, 1, small,
                small, small, Activation.RELU, 0f, null, small, small, small)));
    }

    @Test
    void firstOutputStatsNeedABatchAndSizesStayIndexable() {
        Buffer v = cpu.floats(4);
        assertEquals("outputStats: the first batch needs B >= 1, got 0", refused(() -> cpu.outputStats(1, 0, 1, v, v,
                true)));
        assertEquals("reduceDead: layer=3 must be in [0, layers=3)", refused(() -> cpu.reduceDead(1, 1, cpu.ints(1),
                null, cpu.ints(3), null, 3, 3)));
        String m = refused(() -> cpu.floats(1L << 31));
        assertEquals("floats: [2147483648] make more than 2^31-1 elements, which the kernels' 32-bit indices cannot"
                + " address; use smaller chunks", m);
    }
}
