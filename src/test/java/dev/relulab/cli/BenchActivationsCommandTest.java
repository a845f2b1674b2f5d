package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.nn.Activation;
import dev.relulab.perf.ActivationBench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchActivationsCommandTest {
    private final PrintStream realOut = System.out, realErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void cpuTableHasOneRowPerActivationAndTheCopy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("activations.md");
        // 1003 elements: odd, so no loop that assumes a multiple of a vector width goes unnoticed
        int code = Main.run("bench", "activations", "--engines", "cpu", "--elements", "1003", "--warmup", "1",
                "--repeats", "3", "--out", file.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String md = Files.readString(file);
        assertEquals(md, out.toString(StandardCharsets.UTF_8), "stdout and --out differ");
        assertTrue(md.contains("## cpu:"), md);
        List<String> rows = Arrays.stream(md.split("\n"))
                .filter(l -> l.startsWith("| ") && !l.startsWith("| activation"))
                .map(l -> l.substring(2, l.indexOf(" |", 2))).collect(Collectors.toList());
        List<String> want = Arrays.stream(Activation.values()).map(Activation::cliName).collect(Collectors.toList());
        want.add(ActivationBench.COPY);
        assertEquals(want, rows, md);
        List<String> header = cells(md, "| activation |");
        List<String> relu = cells(md, "| relu |"), copy = cells(md, "| " + ActivationBench.COPY + " |");
        assertEquals(header.size(), relu.size(), md);
        assertEquals("1.00", relu.get(header.indexOf("fwd vs ReLU")), md);
        assertEquals("1.00", relu.get(header.indexOf("bwd vs ReLU")), md);
        assertEquals("100%", copy.get(header.indexOf("fwd % of copy")), md);
        assertTrue(md.contains("Timed by wall clock"), md);
    }

    private static List<String> cells(String md, String prefix) {
        String line = Arrays.stream(md.split("\n")).filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
                .collect(Collectors.toList());
    }

    @Test
    void listsEveryEngineAskedFor(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("activations.md");
        int code = Main.run("bench", "activations", "--engines", "cuda,opencl", "--elements", "1003", "--warmup", "0",
                "--repeats", "1", "--out", file.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String md = Files.readString(file);
        // either measured or skipped with its reason, never left out
        assertTrue(md.contains("## cuda: "), md);
        assertTrue(md.contains("## opencl: "), md);
    }

    @Test
    void takesOneEngineLikeTheOtherCommands() {
        int code = Main.run("bench", "activations", "--engine", "cpu", "--elements", "1003", "--warmup", "0",
                "--repeats", "1");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.contains("## cpu: "), md);
        assertTrue(!md.contains("## cuda") && !md.contains("## opencl"), md);
    }

    @Test
    void anEngineThatDoesNotOpenIsAUsageError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(!new java.io.File("/dev/nvidiactl").exists(),
                "an NVIDIA driver is here, so cuda may open");
        int code = Main.run("bench", "activations", "--engine", "cuda", "--elements", "1003");
        assertEquals(Main.EXIT_USAGE, code, out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--engine cuda: "), err.toString());
    }

    @Test
    void refusesEngineWithEngines() {
        assertEquals(Main.EXIT_USAGE, Main.run("bench", "activations", "--engine", "cpu", "--engines", "cpu"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--engine and --engines"), err.toString());
    }

    @Test
    void rejectsZeroElements() {
        assertEquals(Main.EXIT_USAGE, Main.run("bench", "activations", "--engines", "cpu", "--elements", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--elements=0 must be at least 1"), err.toString());
    }
}
