package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.TestFiles;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs inside the accepted ranges that used to end in an OutOfMemoryError or an integer overflow, run in a child
 * JVM with a 256 MiB heap: each is refused before any work in one line that names the options, the estimate and the
 * limit, with exit code 2 and no folder.
 */
class PlanBeforeWorkTest {
    @TempDir Path dir;

    record Outcome(int code, String text) {}

    Outcome child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.relulab.cli.Main"));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    void refused(String[] args, String... words) throws Exception {
        Path out = dir.resolve("out");
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--engine", "cpu", "--out", out.toString()));
        Outcome o = child(a.toArray(new String[0]));
        assertEquals(Main.EXIT_USAGE, o.code(), o.text());
        assertEquals(1, o.text().lines().count(), "one line: " + o.text());
        for (String w : words) assertTrue(o.text().contains(w), "'" + w + "' not in: " + o.text());
        assertFalse(o.text().contains("OutOfMemoryError") || o.text().contains("Exception"), o.text());
        assertFalse(Files.exists(out), "a refused run made its folder");
    }

    @Test
    void hugeEnsemblesAndNetworksAreRefusedBeforeWork() throws Exception {
        refused(new String[] {"collapse", "--networks", "2000000000"}, "--networks 2000000000", "GiB of heap",
                "-Xmx 256.0 MiB", "--shard");
        refused(new String[] {"collapse", "--networks", "10000000"}, "--networks 10000000", "1.8 GiB");
        refused(new String[] {"collapse", "--width", "4096", "--depth", "1000"}, "--depth 1000 --width 4096",
                "CPU engine buffers");
        refused(new String[] {"constant-init", "--networks", "2000000000"}, "--networks 2000000000", "heap");
    }

    @Test
    void anIdxFileThatDeclaresOrInflatesToGigabytesIsRefusedBeforeItIsInflated() throws Exception {
        Path data = dir.resolve("mnist");
        Files.createDirectories(data);
        // 3 x 1000 x 1000 x 1000 images declared by a 20-byte header: refused from the header alone
        byte[] huge = {0, 0, 8, 4, 0, 0, 0, 3, 0, 0, 3, (byte) 0xe8, 0, 0, 3, (byte) 0xe8, 0, 0, 3, (byte) 0xe8};
        Files.write(data.resolve("train-images-idx3-ubyte.gz"), TestFiles.gzip(huge));
        Files.write(data.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(new int[] {1, 2}));
        Files.write(data.resolve("t10k-images-idx3-ubyte"), TestFiles.idxImages(2, 28, 28, 1));
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), TestFiles.idxLabels(new int[] {3, 4}));
        refused(new String[] {"mnist-lr", "--data", data.toString()}, "--data", "declares 3000000000 elements");
        // a consistent header of 2 images followed by 64 MiB of zeros: read only as far as the header says
        byte[] two = TestFiles.idxImages(2, 28, 28, 1);
        Path bomb = data.resolve("train-images-idx3-ubyte.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            o.write(two);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) o.write(zeros);
        }
        assertTrue(Files.size(bomb) < 1 << 20, "the test file is small: " + Files.size(bomb));
        refused(new String[] {"mnist-lr", "--data", data.toString()}, "--data", "more than the 1584 bytes");
    }

}
