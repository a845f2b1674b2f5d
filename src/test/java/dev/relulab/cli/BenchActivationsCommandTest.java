package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.nn.Activation;
import dev.relulab.perf.ActivationBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchActivationsCommandTest {

    @Test
    void cpuTableHasOneRowPerActivationAndTheCopy(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("activations.md");
        // 1003 elements: odd, so no loop that assumes a multiple of a vector width goes unnoticed
        int code = Main.run("bench", "activations", "--engines", "cpu", "--elements", "1003", "--warmup", "1",
                "--repeats", "3", "--out", out.toString());
        assertEquals(0, code);
        String md = Files.readString(out);
        assertTrue(md.contains("## cpu:"), md);
        List<String> rows = Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| ") && !l.startsWith("| activation"))
                .map(l -> l.substring(2, l.indexOf(" |", 2))).collect(Collectors.toList());
        List<String> want = Arrays.stream(Activation.values()).map(Activation::cliName).collect(Collectors.toList());
        want.add(ActivationBench.COPY);
        assertEquals(want, rows, md);
        String relu = Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| relu |")).findFirst().orElseThrow();
        assertTrue(relu.endsWith("| 1.00 |"), relu);
    }

    @Test
    void listsEveryEngineAskedFor(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("activations.md");
        int code = Main.run("bench", "activations", "--engines", "cuda,opencl", "--elements", "1003", "--warmup", "0",
                "--repeats", "1", "--out", out.toString());
        assertEquals(0, code);
        String md = Files.readString(out);
        // either measured or skipped with its reason, never left out
        assertTrue(md.contains("## cuda: "), md);
        assertTrue(md.contains("## opencl: "), md);
    }

    @Test
    void rejectsZeroElements() {
        assertEquals(Main.EXIT_USAGE, Main.run("bench", "activations", "--engines", "cpu", "--elements", "0"));
    }
}
