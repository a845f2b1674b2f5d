package dev.relulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** relulab-spark's bad input: one line, exit code 2, before Spark starts (no context is given) and before any file. */
class SparkSweepCliTest {
    @TempDir
    Path dir;

    private void refused(String expected, String... args) {
        LocalSpark.Result r = LocalSpark.sparkSweep(null, (t, c) -> {
            throw new AssertionError("no task may run");
        }, args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("relulab-spark: ") && r.err().contains(expected), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
        try (var s = Files.list(dir)) {
            assertFalse(s.findAny().isPresent(), "nothing written for " + String.join(" ", args));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String out = dir.resolve("run").toString();
        refused("--shard", "collapse", "--shard", "1/2", "--out", out);
        refused("spark.task.cpus", "collapse", "--threads", "4", "--out", out);
        refused("--engine opencl", "collapse", "--engine", "opencl", "--out", out);
        refused("allowed: collapse", "mnist-lr", "--out", out);
        refused("--task-memory", "--task-memory", "0", "collapse", "--out", out);
        refused("--task-networks", "--task-networks", "0", "collapse", "--out", out);
        refused("--width", "collapse", "--width", "0", "--out", out);
        refused("--depth and --depths", "collapse", "--depth", "3", "--depths", "2,4", "--out", out);
        refused("Unknown option", "collapse", "--no-such-option", "--out", out);
    }

    @Test
    void helpNamesTheCollapseOptionsAndSparkSubmit() {
        LocalSpark.Result r = LocalSpark.sparkSweep(null, null, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--task-networks") && r.out().contains("spark-submit"), r.out());
        LocalSpark.Result c = LocalSpark.sparkSweep(null, null, "collapse", "--help");
        assertEquals(0, c.code());
        assertTrue(c.out().contains("--depths"), c.out());
    }
}
