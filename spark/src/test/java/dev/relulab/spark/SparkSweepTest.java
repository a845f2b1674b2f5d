package dev.relulab.spark;

import static dev.relulab.spark.LocalSpark.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run and a grid through Spark in local mode (local[2]: two task threads, no retries) write the folder the
 * single-process {@code relulab collapse} writes: networks.csv and grid.csv byte for byte (a cell's seconds live in
 * summary.json, not in grid.csv), and summary.json's every result.
 */
class SparkSweepTest {
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = LocalSpark.start("local[2]", null);
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    static final String[] GRID = {"--networks", "150", "--points", "200", "--test-points", "50", "--epochs", "1",
        "--depths", "2,7", "--widths", "2,3", "--seed", "7", "--engine", "cpu"};

    @Test
    void aGridThroughSparkWritesTheSingleRunsGridCsv() throws Exception {
        Path ref = dir.resolve("ref"), spark = dir.resolve("spark");
        LocalSpark.Result one = LocalSpark.relulab(concat(concat(new String[] {"collapse"}, GRID), "--threads", "1",
                "--out", ref.toString()));
        assertEquals(0, one.code(), one.err());
        // 150 networks in tasks of at most 40: shards 1/4..4/4 of every cell, 16 tasks on two threads
        LocalSpark.Result r = LocalSpark.sparkSweep(sc, new TaskRunner(), concat(new String[] {"--task-networks",
            "40", "collapse"}, concat(GRID, "--out", spark.toString())));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("16 of 16 tasks done"), r.err());
        assertEquals(Files.readString(ref.resolve("grid.csv")), Files.readString(spark.resolve("grid.csv")),
                "grid.csv byte for byte");
        assertEquals(LocalSpark.science(ref.resolve("summary.json")), LocalSpark.science(spark.resolve("summary.json")));
        LocalSpark.sameFiles(ref, spark);
        assertFalse(Files.exists(spark.resolveSibling(".spark.relulab-partial")), "the staging folder was renamed");
    }

    /** Reports the first shard's networks as trained on CUDA, as a task on a GPU executor would. */
    record FirstShardOnCuda() implements TaskFunction {
        @Override
        public TaskResult run(SweepTask task, org.apache.spark.TaskContext context) throws Exception {
            TaskResult r = new TaskRunner().run(task, context);
            return task.shardIndex() != 1 ? r : new TaskResult(r.csv(), r.seconds(), "cuda", "a GPU",
                    r.trainingPath(), r.trainedOpByOp());
        }
    }

    @Test
    void tasksOnTwoEnginesAreNamedInTheSummaryAndANote() throws Exception {
        Path spark = dir.resolve("spark");
        LocalSpark.Result r = LocalSpark.sparkSweep(sc, new FirstShardOnCuda(), "--task-networks", "20", "collapse",
                "--networks", "40", "--depth", "3", "--points", "64", "--test-points", "8", "--epochs", "1",
                "--out", spark.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("note: the tasks ran on cuda + cpu;"), r.out());
        JsonNode s = Json.MAPPER.readTree(spark.resolve("summary.json").toFile());
        assertEquals("cuda + cpu", s.get("engine").asText());
        assertTrue(s.get("device").asText().startsWith("a GPU; Java"), s.toString());
    }

    @Test
    void aRunThroughSparkWritesTheSingleRunsNetworksCsvByteForByte() throws Exception {
        String[] run = {"--networks", "333", "--depth", "5", "--points", "256", "--test-points", "40", "--epochs", "2",
            "--seed", "11", "--engine", "cpu"};
        Path ref = dir.resolve("ref"), spark = dir.resolve("spark");
        LocalSpark.Result one = LocalSpark.relulab(concat(concat(new String[] {"collapse"}, run), "--threads", "1",
                "--out", ref.toString()));
        assertEquals(0, one.code(), one.err());
        LocalSpark.Result r = LocalSpark.sparkSweep(sc, new TaskRunner(), concat(new String[] {"--task-networks",
            "100", "collapse"}, concat(run, "--out", spark.toString())));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("(4 Spark tasks"), r.out());
        assertArrayEquals(Files.readAllBytes(ref.resolve("networks.csv")), Files.readAllBytes(
                spark.resolve("networks.csv")));
        assertEquals(LocalSpark.science(ref.resolve("summary.json")), LocalSpark.science(spark.resolve("summary.json")));
        JsonNode s = Json.MAPPER.readTree(spark.resolve("summary.json").toFile());
        assertEquals(4, s.get("merged_shards").asInt());
        assertTrue(s.get("command_line").asText().startsWith("relulab-spark --task-networks 100 collapse"), s.toString());
        LocalSpark.sameFiles(ref, spark);
    }
}
