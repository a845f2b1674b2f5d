package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.TimerChecks;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.selftest.ParityCheck;
import dev.relulab.selftest.ParityRow;
import dev.relulab.selftest.ParityTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every CUDA kernel against the CPU engine; skips with the reason when this machine has no CUDA device. */
@Tag("gpu")
class CudaParityTest {
    @Test
    void everyKernelMatchesTheCpuEngine() {
        long seed = System.nanoTime();
        List<ParityRow> rows = dev.relulab.selftest.GemmPath.kernels(new ParityCheck(new CpuEngine(1),
                ParityCheck.DEFAULT_BUDGET), CudaTestEngine.get(), seed);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ParityTable.print(rows, new PrintStream(buf, true, StandardCharsets.UTF_8));
        for (ParityRow r : rows) assertTrue(r.pass(), "seed " + seed + "\n" + buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cublasPathMatchesTheCpuEngine() {
        Engine cuda = CudaTestEngine.get();
        String gemm = CudaEngine.gemmNote(cuda);
        org.junit.jupiter.api.Assumptions.assumeTrue(gemm != null && gemm.startsWith("cuBLAS"), "no cuBLAS: " + gemm);
        long seed = System.nanoTime();
        List<ParityRow> rows = dev.relulab.selftest.GemmPath.run(new ParityCheck(new CpuEngine(1),
                ParityCheck.DEFAULT_BUDGET), cuda, seed);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ParityTable.print(rows, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertTrue(!rows.isEmpty() && rows.get(0).engine.equals("cuda+cublas"), buf.toString(StandardCharsets.UTF_8));
        for (ParityRow r : rows) assertTrue(r.pass(), "seed " + seed + "\n" + buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eventTimerMeetsTheContract() {
        assertEquals("CUDA events (cuEventElapsedTime)", CudaTestEngine.get().timerName());
        TimerChecks.check(CudaTestEngine.get());
    }

    @Test
    void buffersRoundTripAndFill() {
        Engine e = CudaTestEngine.get();
        try (Buffer f = e.floats(1001); Buffer i = e.ints(7)) {
            float[] host = new float[1001];
            e.read(f, host, host.length);
            assertEquals(0f, host[1000], "fresh buffers are zeroed");
            e.fill(f, -2.5f, 1000);
            e.read(f, host, host.length);
            assertEquals(-2.5f, host[999]);
            assertEquals(0f, host[1000], "fill stops at count");
            e.writeInts(i, new int[] {1, 2, 3, 4, 5, 6, 7}, 7);
            int[] back = new int[7];
            e.readInts(i, back, 7);
            assertEquals(7, back[6]);
        }
    }

    @Test
    void chunkSizeComesFromFreeMemory() {
        int n = CudaTestEngine.get().maxChunkNetworks(1 << 20);
        assertTrue(n > 0 && n < (1 << 20), "networks of 1 MiB that fit: " + n);
    }
}
