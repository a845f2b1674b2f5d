package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Where libcublas.so.12 is missing (CUDA 13 only, or no CUDA), JCublas's load failure becomes one line that says so. */
class CublasLoadTest {
    @Test
    void missingLibcublas12IsOneLineThatNamesIt() {
        Assumptions.assumeFalse(libcublas12Present(), "libcublas.so.12 is on this machine");
        String why = CublasGemm.loadFailure();
        assertEquals("libcublas.so.12 not found (JCublas 12.6 needs CUDA 12's cuBLAS; put its folder on"
                + " LD_LIBRARY_PATH)", why);
        assertFalse(why.contains("\n"));
        assertEquals(why, CublasGemm.loadFailure(), "the failure is kept, not retried");
    }

    private static boolean libcublas12Present() {
        String ld = System.getenv("LD_LIBRARY_PATH");
        Stream<String> dirs = Stream.concat(Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/local/cuda/lib64",
                "/lib/x86_64-linux-gnu"), ld == null ? Stream.empty() : Stream.of(ld.split(":")));
        return dirs.anyMatch(d -> Files.exists(Path.of(d, "libcublas.so.12")));
    }
}
