package dev.relulab.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PoCL with a home it cannot write: the engine points POCL_CACHE_DIR elsewhere instead of losing the device. */
class PoclCacheTest {
    @Test
    void movesTheCacheOnlyWhenTheDefaultIsNotWritable(@TempDir Path home) {
        assertNull(PoclCache.fallback(Map.of("HOME", home.toString())::get, "/tmp", "u"), "writable home");
        assertNull(PoclCache.fallback(Map.of("HOME", "/dev/null", "POCL_CACHE_DIR", "/x")::get, "/tmp", "u"),
                "POCL_CACHE_DIR set");
        assertEquals("/tmp/relulab-pocl-cache-a_b", PoclCache.fallback(Map.of("HOME", "/dev/null")::get, "/tmp",
                "a/b"));
        assertEquals("/dev/null/pocl", PoclCache.defaultFolder(Map.of("HOME", "/h", "XDG_CACHE_HOME", "/dev/null")::get));
        assertEquals("/h/.cache/pocl", PoclCache.defaultFolder(Map.of("HOME", "/h")::get));
    }

    /** A fresh JVM with HOME=/dev/null (no folder can be made under it) still finds PoCL's device. */
    @Test
    void devicesAreFoundWithAnUnwritableHome() throws Exception {
        OpenClTestSupport.engine();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.relulab.cli.Main", "devices");
        pb.environment().put("HOME", "/dev/null");
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("POCL_CACHE_DIR");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Assumptions.assumeFalse(out.contains("no OpenCL runtime"), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*opencl: [1-9]\\d* devices?\\n.*"), out);
        assertTrue(out.contains("PoCL's kernel cache /dev/null/.cache/pocl is not writable; using "), out);
    }
}
