package dev.relulab.cli;

import static dev.relulab.cli.CollapseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relulab.cli.CollapseCommandTest.Result;
import dev.relulab.data.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-folder failures of issue 13, each as the command a user or a careless script would type: blank and
 * existing --out, stale files, unwritable paths, no --out, options checked before the folder exists, duplicate
 * rates and activations, divergence and non-finite numbers, a truncated shard summary, internal errors.
 */
class RunFolderCommandsTest {
    @TempDir Path dir;

    static final String[] TINY = {"--networks", "8", "--points", "32", "--test-points", "8", "--epochs", "1",
        "--engine", "cpu", "--threads", "1"};

    static String[] collapse(String... more) {
        List<String> a = new ArrayList<>(List.of("collapse"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    static void assertOneLine(Result r, int code, String... words) {
        assertEquals(code, r.code, r.err);
        String first = r.err.lines().findFirst().orElse("");
        for (String w : words) assertTrue(first.contains(w), "'" + w + "' not in: " + r.err);
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception in"), "a stack trace: " + r.err);
    }

    @Test
    void blankOutIsAnErrorThatWritesNothing() throws IOException {
        List<String> before = names(Path.of("."));
        assertOneLine(run(collapse("--out", "")), Main.EXIT_USAGE, "--out is blank");
        assertOneLine(run("mnist-lr", "--data", dir.toString(), "--out", " "), Main.EXIT_USAGE, "--out is blank");
        assertEquals(before, names(Path.of(".")), "nothing written into the current folder");
    }

    @Test
    void anExistingRunIsRefusedAndOverwriteReplacesItWithoutStaleFiles() throws IOException {
        Path out = dir.resolve("run");
        assertEquals(0, run(collapse("--depths", "2,3", "--out", out.toString())).code);
        assertTrue(Files.exists(out.resolve("grid.csv")));
        long before = Files.getLastModifiedTime(out.resolve("grid.csv")).toMillis();
        assertOneLine(run(collapse("--out", out.toString())), Main.EXIT_USAGE, "not empty", "--overwrite", "--resume");
        assertEquals(before, Files.getLastModifiedTime(out.resolve("grid.csv")).toMillis(), "the old run is untouched");
        assertEquals(0, run(collapse("--out", out.toString(), "--overwrite")).code);
        List<String> files = names(out);
        assertTrue(files.contains("networks.csv") && !files.contains("grid.csv"), "stale grid files remain: " + files);
        assertFalse(files.stream().anyMatch(f -> f.startsWith("collapse-vs-depth")), files.toString());
        assertEquals(List.of("run"), names(dir), "no staging folder or lock beside it");
    }

    @Test
    void anUnwritablePathIsOneLineAndLeavesNothing() {
        assertOneLine(run(collapse("--out", "/proc/relulab-test/run")), Main.EXIT_USAGE, "--out", "/proc/relulab-test");
        Path file = dir.resolve("a-file");
        try {
            Files.writeString(file, "not a folder");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertOneLine(run(collapse("--out", file.resolve("run").toString())), Main.EXIT_USAGE, "--out");
    }

    @Test
    void aFullDiskIsOneLineAndLeavesThePreviousFolder() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0,
                "needs root to mount a 64 KiB tmpfs (a disk that fills up): " + new String(mount.getInputStream()
                        .readAllBytes(), StandardCharsets.UTF_8).trim());
        try {
            Path out = small.resolve("run");
            Files.createDirectories(out);
            Files.writeString(out.resolve("summary.json"), "{\"previous\": true}");
            Result r = run(collapse("--out", out.toString(), "--overwrite"));
            assertOneLine(r, 1, "No space left on device");
            assertEquals(List.of("summary.json"), names(out), "the previous folder stays as it was");
            assertEquals("{\"previous\": true}", Files.readString(out.resolve("summary.json")));
            assertEquals(List.of("run"), names(small), "no staging folder or lock is left on the full disk");
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    @Test
    void withoutOutEachRunGetsANewFolderThatIsPrinted() throws Exception {
        List<String> wrote = new ArrayList<>();
        for (String[] args : new String[][] {collapse(), collapse(), {"constant-init", "--epochs", "1",
            "--engine", "cpu", "--threads", "1"}, {"variants", "--epochs", "1", "--activations", "relu", "--engine",
            "cpu", "--threads", "1"}}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.relulab.cli.Main"));
            cmd.addAll(List.of(args));
            Path log = dir.resolve("log.txt");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
            Matcher m = Pattern.compile("wrote (\\S+)/(summary\\.json|report\\.html)").matcher(out);
            assertTrue(m.find(), out);
            wrote.add(m.group(1));
            assertTrue(Files.isRegularFile(Path.of(m.group(1)).resolve("summary.json")), m.group(1));
        }
        assertTrue(wrote.get(0).matches(".*/runs/collapse/\\d{8}T\\d{6}Z(-\\d+)?"), wrote.get(0));
        assertFalse(wrote.get(0).equals(wrote.get(1)), "two runs, two folders: " + wrote);
        assertTrue(wrote.get(2).contains("/runs/constant-init/"), wrote.get(2));
        assertTrue(Files.isRegularFile(Path.of(wrote.get(2)).resolve("runs.csv")));
        assertTrue(wrote.get(3).contains("/runs/variants/"), wrote.get(3));
        assertTrue(Files.isRegularFile(Path.of(wrote.get(3)).resolve("epochs.csv")));
    }

    @Test
    void everyOptionIsCheckedBeforeTheFolderExists() throws Exception {
        Path out = dir.resolve("never");
        assertOneLine(run("constant-init", "--epochs", "0", "--out", out.toString()), Main.EXIT_USAGE, "--epochs");
        assertOneLine(run("constant-init", "--batch", "2000000000", "--out", out.toString()), Main.EXIT_USAGE, "--batch");
        assertOneLine(run("variants", "--batch", "2000000000", "--out", out.toString()), Main.EXIT_USAGE, "--batch");
        assertOneLine(run("variants", "--activations", "relu,relu", "--out", out.toString()), Main.EXIT_USAGE,
                "--activations lists relu twice");
        assertOneLine(run("activations", "--activations", "relu,relu", "--out", out.toString()), Main.EXIT_USAGE,
                "--activations lists relu twice");
        Path tgz = dir.resolve("mnist.tgz");
        Files.write(tgz, TestFiles.gzip(TestFiles.tar(java.util.Map.of("x", new byte[1]))));
        assertOneLine(run("mnist-lr", "--data", tgz.toString(), "--rates", "0.1,1e-1", "--out", out.toString()),
                Main.EXIT_USAGE, "--rates lists 0.1 twice");
        assertOneLine(run(collapse("--lr", "-1", "--out", out.toString())), Main.EXIT_USAGE, "--lr");
        assertOneLine(run(collapse("--depths", "2,2", "--out", out.toString())), Main.EXIT_USAGE, "--depths");
        assertFalse(Files.exists(out), "a refused run made its folder");
    }

    @Test
    void divergedNetworksAreMarkedAndNonFiniteNumbersAreNull() throws IOException {
        for (String cmd : new String[] {"constant-init", "variants"}) {
            Path out = dir.resolve(cmd);
            Result r = run(cmd, "--lr", "1e30", "--epochs", "2", "--engine", "cpu", "--threads", "1", "--activations",
                    "relu,swish", "--out", out.toString());
            assertEquals(0, r.code, r.err);
            String json = Files.readString(out.resolve("summary.json"));
            assertFalse(json.contains("NaN") || json.contains("Infinity"), cmd + ": " + json);
            JsonNode s = new ObjectMapper().readTree(json);
            boolean any = false;
            for (JsonNode run : s.get("runs")) {
                JsonNode loss = run.has("final_loss") ? run.get("final_loss") : run.get("final_train_loss");
                if (run.get("diverged").asBoolean()) any = true;
                if (loss.isNull()) assertTrue(run.get("diverged").asBoolean(), cmd + ": a NaN loss not marked: " + run);
            }
            assertTrue(any, cmd + " at lr 1e30 marks no network diverged: " + json);
            assertTrue(s.get("diverged_fraction").asDouble() > 0);
        }
        assertTrue(Files.readString(dir.resolve("constant-init").resolve("runs.csv")).lines()
                .anyMatch(l -> l.endsWith(",1")), "runs.csv has a diverged column");
    }

    @Test
    void constantInitWritesItsCsvFiguresAndReport() throws IOException {
        Path out = dir.resolve("ci");
        assertEquals(0, run("constant-init", "--engine", "cpu", "--threads", "1", "--out", out.toString()).code);
        OutputChecks.assertFigure(out, "dead-per-layer");
        OutputChecks.assertFigure(out, "distinct-per-layer");
        List<String> links = OutputChecks.assertReportLinksResolve(out);
        assertTrue(links.contains("runs.csv") && links.contains("summary.json"), links.toString());
    }

    @Test
    void mergingATruncatedShardSummaryIsOneLine() throws IOException {
        Path s1 = dir.resolve("s1"), s2 = dir.resolve("s2");
        assertEquals(0, run(collapse("--shard", "1/2", "--out", s1.toString())).code);
        assertEquals(0, run(collapse("--shard", "2/2", "--out", s2.toString())).code);
        String json = Files.readString(s2.resolve("summary.json"));
        Files.writeString(s2.resolve("summary.json"), json.substring(0, json.length() / 2));
        Path merged = dir.resolve("merged");
        assertOneLine(run("merge", s1.toString(), s2.toString(), "--out", merged.toString()), Main.EXIT_USAGE,
                "summary.json", "not valid JSON");
        assertFalse(Files.exists(merged));
    }

    /** A command with a bug: a library's IllegalArgumentException after the options were accepted. */
    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalArgumentException("Series name >lr 0.1< has already been used");
        }
    }

    @Test
    void anInternalErrorExitsOneWithTheCommandLineAndNoUsageHint() {
        picocli.CommandLine cl = Cli.commandLine();
        cl.addSubcommand("boom", new Boom());
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        Invocation.set("boom", "--x");
        assertEquals(1, cl.execute("boom"));
        String e = err.toString();
        assertTrue(e.startsWith("relulab: internal error: java.lang.IllegalArgumentException: Series name"), e);
        assertTrue(e.contains("command: relulab boom --x"), e);
        assertFalse(e.contains("--help"), "an internal error is not a usage error: " + e);
    }
}
