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

    private static final String[] RUN = {"collapse", "--networks", "6000", "--points", "200", "--test-points", "50",
        "--epochs", "1", "--no-epoch-probes", "--engine", "cpu", "--threads", "1"};

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
        stopAfter(first, log1, work, 5, "-TERM");
        String said = Files.readString(log1, StandardCharsets.UTF_8);
        assertTrue(said.contains("interrupted") && said.contains("--resume"), "SIGTERM note: " + said);
        assertFalse(Files.exists(out), "an interrupted run leaves no folder at --out");
        long keptAfterTerm = chunks(work);

        CollapseCommandTest.Result fresh = CollapseCommandTest.run(with("--out", out.toString()));
        assertEquals(Main.EXIT_USAGE, fresh.code);
        assertTrue(fresh.err.contains("interrupted") && fresh.err.contains("--resume"), fresh.err);

        Path log2 = dir.resolve("child2.log");
        Process second = child(log2, with("--out", out.toString(), "--resume"));
        stopAfter(second, log2, work, keptAfterTerm + 5, "-9");
        assertEquals(137, second.exitValue(), "killed by SIGKILL");
        assertFalse(Files.exists(out));

        CollapseCommandTest.Result resumed = CollapseCommandTest.run(with("--out", out.toString(), "--resume"));
        assertEquals(0, resumed.code, resumed.err);
        Matcher m = Pattern.compile("resumed: (\\d+) of 6000 networks kept").matcher(resumed.out);
        assertTrue(m.find(), resumed.out);
        int kept = Integer.parseInt(m.group(1));
        assertTrue(kept > 0 && kept < 6000, "kept " + kept);
        assertArrayEquals(Files.readAllBytes(whole.resolve("networks.csv")), Files.readAllBytes(out.resolve("networks.csv")),
                "networks.csv after two interruptions and a resume is the uninterrupted run's");
        assertFalse(Files.exists(out.resolve("work")), "the checkpoints are not part of the finished folder");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".killed")), "no leftovers beside it");
        }
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
