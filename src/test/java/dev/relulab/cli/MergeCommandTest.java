package dev.relulab.cli;

import static dev.relulab.cli.CollapseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relulab.cli.CollapseCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** collapse --shard and merge: shards of one run merge into exactly the files of the whole run; bad sets are refused. */
class MergeCommandTest {
    private static final String[] RUN = {"collapse", "--networks", "47", "--depth", "4", "--points", "300",
        "--optimizer", "adam", "--engine", "cpu", "--threads", "2"};

    @TempDir
    Path tmp;

    private Path collapse(String name, String... extra) {
        Path out = tmp.resolve(name);
        String[] args = new String[RUN.length + extra.length + 2];
        System.arraycopy(RUN, 0, args, 0, RUN.length);
        System.arraycopy(extra, 0, args, RUN.length, extra.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = out.toString();
        Result r = run(args);
        assertEquals(0, r.code, r.err);
        return out;
    }

    @Test
    void shardsMergeIntoTheWholeRunsFiles() throws Exception {
        Path whole = collapse("whole");
        Path s1 = collapse("s1", "--shard", "1/3"), s2 = collapse("s2", "--shard", "2/3"),
                s3 = collapse("s3", "--shard", "3/3");
        ObjectMapper json = new ObjectMapper();
        JsonNode shard2 = json.readTree(s2.resolve("summary.json").toFile());
        assertEquals(15, shard2.get("shard").get("first_network").asInt(), "47 networks cut into 15, 16, 16");
        assertEquals(16, shard2.get("networks").asInt());
        List<String> rows = Files.readAllLines(s2.resolve("networks.csv"));
        assertEquals(17, rows.size());
        assertTrue(rows.get(1).startsWith("15,"), "shard rows carry global ids: " + rows.get(1));

        Path merged = tmp.resolve("merged");
        Result r = run("merge", s3.toString(), s1.toString(), s2.toString(), "--out", merged.toString());
        assertEquals(0, r.code, r.err);
        assertArrayEquals(Files.readAllBytes(whole.resolve("networks.csv")), Files.readAllBytes(merged.resolve(
                "networks.csv")), "merged networks.csv differs from the whole run's");
        JsonNode a = json.readTree(whole.resolve("summary.json").toFile()), b = json.readTree(merged.resolve(
                "summary.json").toFile());
        for (String key : List.of("networks", "born_dead_fraction", "collapse_fraction_structural",
                "collapse_fraction_functional", "collapse_fraction_exact", "diverged_fraction", "mean_final_loss",
                "dead_units_per_layer", "dead_units_start_per_layer", "revived_units_per_layer", "confidence_95",
                "config")) {
            assertEquals(a.get(key), b.get(key), key);
        }
        assertEquals(3, b.get("merged_shards").asInt());
        assertFalse(b.has("shard"));
        OutputChecks.assertReportLinksResolve(merged);
    }

    @Test
    void refusesIncompleteDuplicatedOrMismatchedShardsWithoutWriting() {
        Path s1 = collapse("s1", "--shard", "1/3"), s2 = collapse("s2", "--shard", "2/3");
        Path other = collapse("other", "--shard", "3/3", "--lr", "0.002"), whole = collapse("whole");
        Path out = tmp.resolve("never");
        String[][] cases = {
            {s1.toString(), s2.toString()}, {s1.toString(), s2.toString(), s2.toString()},
            {s1.toString(), s2.toString(), other.toString()}, {whole.toString()}, {tmp.resolve("nothing").toString()},
        };
        String[] says = {"shard 3/3 missing", "shard 2/3 given twice", "config.lr", "holds a whole run",
            "has no summary.json"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 3];
            args[0] = "merge";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out.toString();
            Result r = run(args);
            assertEquals(Main.EXIT_USAGE, r.code, String.join(" ", args) + "\n" + r.err);
            assertTrue(r.err.contains(says[i]), says[i] + " not in: " + r.err);
            assertFalse(Files.exists(out), "merge left " + out + " behind");
        }
    }

    @Test
    void refusesMixedEnginesUnlessAllowedAndTamperedFolders() throws Exception {
        Path s1 = collapse("s1", "--shard", "1/2"), s2 = collapse("s2", "--shard", "2/2");
        Path other = tmp.resolve("other-engine");
        copy(s2, other);
        Path summary = other.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"engine\" : \"cpu\"", "\"engine\" : \"opencl\""));
        Path out = tmp.resolve("mixed");
        Result r = run("merge", s1.toString(), other.toString(), "--out", out.toString());
        assertEquals(Main.EXIT_USAGE, r.code, r.err);
        assertTrue(r.err.contains("--allow-mixed-engines"), r.err);
        assertFalse(Files.exists(out));
        r = run("merge", s1.toString(), other.toString(), "--allow-mixed-engines", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("merged from 2 shards"), r.out);

        Path dup = tmp.resolve("duplicated-row");
        copy(s2, dup);
        List<String> rows = Files.readAllLines(dup.resolve("networks.csv"));
        Files.writeString(dup.resolve("networks.csv"), String.join("\n", rows) + "\n" + rows.get(1) + "\n");
        Path three = collapse("of-three", "--shard", "3/3");
        Object[][] cases = {{dup, "appears twice"}, {three, "is one of 2"}};
        for (Object[] c : cases) {
            Path bad = tmp.resolve("never");
            r = run("merge", s1.toString(), c[0].toString(), "--out", bad.toString());
            assertEquals(Main.EXIT_USAGE, r.code, r.err);
            assertTrue(r.err.contains((String) c[1]), c[1] + " not in: " + r.err);
            assertFalse(Files.exists(bad));
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (java.util.stream.Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    void badShardOptionsExitTwo() {
        Object[][] cases = {
            {new String[] {"--shard", "4/3"}, "'4/3'"}, {new String[] {"--shard", "half"}, "K/N"},
            {new String[] {"--shard", "1/48"}, "at most 47 shards"},
            {new String[] {"--shard", "1/2", "--depths", "2,4"}, "--shard splits one ensemble"},
        };
        for (Object[] c : cases) {
            String[] extra = (String[]) c[0];
            String[] args = new String[RUN.length + extra.length + 2];
            System.arraycopy(RUN, 0, args, 0, RUN.length);
            System.arraycopy(extra, 0, args, RUN.length, extra.length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = tmp.resolve("never").toString();
            Result r = run(args);
            assertEquals(Main.EXIT_USAGE, r.code, String.join(" ", extra) + "\n" + r.err);
            assertTrue(r.err.contains((String) c[1]), c[1] + " not in: " + r.err);
            assertFalse(Files.exists(tmp.resolve("never")));
        }
    }
}
