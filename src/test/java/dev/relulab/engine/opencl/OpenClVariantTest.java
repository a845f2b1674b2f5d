package dev.relulab.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Kernel;
import dev.relulab.engine.KernelId;
import dev.relulab.engine.LaunchRange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kernels compiled per configuration: each configuration of a family is its own OpenCL program, built with its -D
 * options the first time a launch names it and kept; its kernel is named by RELULAB_KERNEL (a test-only family,
 * src/test/resources/kernels/opencl/variant_check.cl).
 */
class OpenClVariantTest {
    private static KernelId variant(String tag, int scale, int offset) {
        return KernelId.variant("variant_check", "opencl/variant_check.cl", false, tag,
                Map.of("SCALE", scale, "OFFSET", offset));
    }

    @Test
    void namesSymbolAndOptionsOfAConfiguration() {
        KernelId id = variant("s3_o1", 3, 1);
        assertEquals("variant_check_s3_o1", id.symbol());
        assertEquals("-DOFFSET=1 -DSCALE=3 -DRELULAB_KERNEL=variant_check_s3_o1", id.options());
        assertThrows(IllegalArgumentException.class, () -> variant("bad tag", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Kernel.FILL_F32.variant("x", Map.of()),
                "fixed kernels have one configuration");
    }

    @Test
    void eachConfigurationIsBuiltOnceAndRunsItsOwnCode() {
        DeviceEngine cl = OpenClTestSupport.engine();
        ClPrograms programs = ((OpenClBackend) cl.device()).programs;
        int before = programs.built();
        int n = 37;
        try (Buffer a = cl.floats(n); Buffer b = cl.floats(n)) {
            for (int round = 0; round < 2; round++) {
                cl.plan().launch(variant("s3_o1", 3, 1), LaunchRange.linear(n), Arg.floats("dst", a), Arg.i("count", n));
                cl.plan().launch(variant("s5_o0", 5, 0), LaunchRange.linear(n), Arg.floats("dst", b), Arg.i("count", n));
            }
            float[] wantA = new float[n], wantB = new float[n];
            for (int i = 0; i < n; i++) {
                wantA[i] = 3 * i + 1;
                wantB[i] = 5 * i;
            }
            assertArrayEquals(wantA, OpenClTestSupport.download(cl, a));
            assertArrayEquals(wantB, OpenClTestSupport.download(cl, b));
        }
        assertEquals(before + 2, programs.built(), "two configurations, two programs, however often launched");
    }
}
