package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the build and CudaEngine.open() promise on any machine, with or without CUDA. */
class CudaAvailabilityTest {
    @Test
    void openEitherWorksOrSaysWhyInOneLine() {
        try (Engine e = CudaEngine.open()) {
            assertFalse(e.deviceName().isBlank());
        } catch (EngineUnavailableException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().length() < 200, e.getMessage());
        }
    }

    @Test
    void aDeviceOrdinalPastTheLastIsRefusedInOneLine() {
        // a Spark task's GPU address is a device ordinal; one that is not there must not open device 0 instead
        try (Engine e = CudaEngine.open(4096)) {
            throw new AssertionError("opened " + e.deviceName() + " as device 4096");
        } catch (EngineUnavailableException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("4096") || e.getMessage().toLowerCase(java.util.Locale.ROOT)
                    .contains("cuda"), e.getMessage());
        }
    }

    @Test
    void fatbinHoldsEveryKernelWhenNvccBuiltIt() throws Exception {
        Assumptions.assumeTrue(onPath("nvcc"), "nvcc is not on the PATH, so the build made no fatbin");
        byte[] image = KernelModule.image();
        String text = new String(image, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String name : CudaEngine.fixedKernels()) assertTrue(text.contains(name), name + " missing from the fatbin");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
    }
}
