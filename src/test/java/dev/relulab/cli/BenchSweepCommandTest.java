package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.cli.CollapseCommandTest.Result;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench sweep: one row per ensemble size, and defaults sized by the device (a CPU device gets only 1000 networks). */
class BenchSweepCommandTest {
    @TempDir
    Path tmp;

    private static List<String> rows(String md) {
        return md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).collect(Collectors.toList());
    }

    @Test
    void oneRowPerSizeOnTheCpu() throws Exception {
        Path file = tmp.resolve("sweep.md");
        Result r = CollapseCommandTest.run("bench", "sweep", "--engine", "cpu", "--networks", "30,61", "--warmup", "0",
                "--repeats", "1", "--out", file.toString());
        assertEquals(0, r.code, r.err);
        List<String> rows = rows(Files.readString(file));
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("| 30 |") && rows.get(1).startsWith("| 61 |"), rows.toString());
    }

    @Test
    void anOpenClCpuDeviceGetsTheCpuDefault() throws Exception {
        boolean gpu;
        try (Engine cl = Engines.open(EngineKind.OPENCL, new Engines.Options(), line -> { })) {
            gpu = cl.onGpu();
        } catch (EngineUnavailableException | LinkageError e) {
            Assumptions.assumeTrue(false, "no OpenCL device: " + e.getMessage());
            return;
        }
        Assumptions.assumeFalse(gpu, "an OpenCL GPU gets the GPU default (up to 1M networks), too long for a test");
        Path file = tmp.resolve("sweep.md");
        Result r = CollapseCommandTest.run("bench", "sweep", "--engine", "opencl", "--warmup", "0", "--repeats", "1",
                "--out", file.toString());
        assertEquals(0, r.code, r.err);
        List<String> rows = rows(Files.readString(file));
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("| 1000 |"), rows.toString());
    }
}
