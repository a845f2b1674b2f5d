package dev.relulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.cli.Main;
import dev.relulab.report.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** What the Spark tests share: local-mode contexts, the single-process reference run and the comparisons. */
final class LocalSpark {
    private LocalSpark() {}

    /** A local-mode context: {@code master} is local[2] (no retries) or local[2,2] (each task may fail once). */
    static JavaSparkContext start(String master, SparkConf extra) {
        SparkConf conf = SparkSweep.conf("relulab-spark test").setMaster(master)
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        if (extra != null) for (scala.Tuple2<String, String> kv : extra.getAll()) conf.set(kv._1(), kv._2());
        return new JavaSparkContext(conf);
    }

    /** Exit code and output of one command. */
    record Result(int code, String out, String err) {}

    /** {@code relulab ARGS} in this JVM, as the single-process reference. */
    static Result relulab(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** {@code relulab-spark ARGS} on {@code sc} with {@code function} training the tasks. */
    static Result sparkSweep(JavaSparkContext sc, TaskFunction function, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = SparkSweep.run(sc, function, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), args);
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** summary.json without what differs between any two runs: the header's time, command and the speeds. */
    static JsonNode science(Path summaryJson, String... alsoDrop) throws Exception {
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree(summaryJson.toFile());
        List<String> drop = new ArrayList<>(List.of("command_line", "started_utc", "seconds", "networks_per_second",
                "merged_shards", "seconds_note", "git_commit"));
        drop.addAll(List.of(alsoDrop));
        s.remove(drop);
        if (s.has("cells")) for (JsonNode c : s.get("cells")) ((ObjectNode) c).remove("seconds");
        return s;
    }

    /** The names of the files in a folder, sorted. */
    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void sameFiles(Path want, Path got) throws Exception {
        assertEquals(files(want), files(got), "the Spark run's folder holds the files of the single run's");
    }
}
