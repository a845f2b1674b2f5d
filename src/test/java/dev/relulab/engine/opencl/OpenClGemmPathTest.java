package dev.relulab.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.selftest.GemmPath;
import dev.relulab.selftest.ParityCheck;
import dev.relulab.selftest.ParityRow;
import dev.relulab.selftest.ParityTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dense layers' GEMM path on PoCL, its products by the Java twin of cublasSgemmStridedBatched: forward (GEMM,
 * then dense_bias_activation) and backward (GEMM for dW and dX, dense_backward_bias for db) for every activation and
 * a wide layer, against the CPU engine on fresh random inputs.
 */
class OpenClGemmPathTest {
    @Test
    void gemmPathMatchesTheCpuEngine() {
        long seed = OpenClTestSupport.newSeed();
        List<ParityRow> rows = GemmPath.run(new ParityCheck(new CpuEngine(1), 2_000_000), OpenClTestSupport.engine(),
                seed);
        assertFalse(rows.isEmpty());
        java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
        ParityTable.print(rows, new java.io.PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8));
        for (ParityRow r : rows) {
            assertTrue(r.pass(), "seed " + seed + "\n" + table.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(r.engine.endsWith("+host-gemm"), r.engine);
        }
    }
}
