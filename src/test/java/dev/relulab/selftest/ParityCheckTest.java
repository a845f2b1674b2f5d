package dev.relulab.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.ForwardingEngine;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Loss;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ParityCheckTest {
    /** Smaller than the selftest's budget: these tests run the CPU engine against itself several times. */
    private static final long BUDGET = 300_000;
    private final long seed = System.nanoTime();
    private final ParityCheck check = new ParityCheck(new CpuEngine(1), BUDGET);

    @Test
    void cpuEngineMatchesItself() {
        List<ParityRow> rows = check.run(new CpuEngine(1), seed);
        for (ParityRow r : rows) assertTrue(r.pass(), () -> "seed " + seed + "\n" + table(rows));
    }

    @Test
    void everyEngineOperationIsChecked() {
        Set<String> kernels = new TreeSet<>();
        for (ParityOp op : check.ops(seed)) kernels.add(op.kernel.split(" ")[0]);
        Set<String> expected = new TreeSet<>();
        for (Method m : Engine.class.getDeclaredMethods()) expected.add(m.getName());
        expected.removeAll(Set.of("kind", "deviceName", "parallelChunks", "maxChunkNetworks", "floats", "ints",
                "write", "writeInts", "read", "readInts", "synchronize", "close",
                // clocks, not kernels: checked per engine by TimerChecks
                "timeSeconds", "wallSeconds", "timerName", "onGpu",
                // a whole training, checked against the op-by-op trainer by FusedParity (the CPU engine has none)
                "canTrainFused", "trainFused", "fusedPath"));
        assertEquals(expected, kernels, "data movement is exercised by every op; every compute op needs its own");
    }

    @Test
    void corruptedOutputFailsOnlyItsKernel() {
        Engine broken = new ForwardingEngine(new CpuEngine(1)) {
            @Override
            public void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act,
                                     float alpha, Buffer slope, Buffer z, Buffer a, Buffer alive) {
                super.denseForward(E, B, nIn, nOut, x, w, b, act, alpha, slope, z, a, alive);
                int n = E * B * nOut;
                float[] host = new float[n];
                read(a, host, n);
                host[n / 2] = host[n / 2] * 1.01f + 1f;
                write(a, host, n);
            }
        };
        List<ParityRow> rows = check.run(broken, seed);
        for (ParityRow r : rows) {
            boolean corrupted = r.kernel.startsWith("denseForward");
            assertEquals(!corrupted, r.pass(), () -> "seed " + seed + "\n" + table(rows));
            if (corrupted) assertEquals("a", r.worst().output);
        }
    }

    @Test
    void unwrittenOutputFails() {
        Engine lazy = new ForwardingEngine(new CpuEngine(1)) {
            @Override
            public void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                             Buffer lossSum, Buffer diverged) {
                // writes nothing, so dOut and lossLast keep their poison
            }
        };
        List<ParityRow> rows = check.run(lazy, seed);
        ParityRow mse = rows.stream().filter(r -> r.kernel.equals("loss mse")).findFirst().orElseThrow();
        assertFalse(mse.pass());
        assertTrue(Double.isNaN(mse.worst().relativeError), table(rows));
    }

    @Test
    void failureIsPrintedWithMismatches() {
        ParityRow row = new ParityRow("cuda", "absSum", "E=1", List.of(
                Comparison.of("sums", new float[] {1f, Float.NaN}, new float[] {1f, 2f}, Tolerance.REDUCTION)), null);
        String text = table(List.of(row));
        assertTrue(text.contains("FAIL") && text.contains("1: want 2.0, got NaN"), text);
    }

    private static String table(List<ParityRow> rows) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ParityTable.print(rows, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }
}
