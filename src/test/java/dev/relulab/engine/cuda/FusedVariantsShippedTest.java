package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.FusedVariant;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fused variants the CUDA build ships (native-kernels/cuda/fused_variants.h): they cover the presets and the
 * README grid, and, from build-cuda.sh's ptxas table, every one has no stack frame and no spills on sm_80 and sm_90
 * (under CI=true the table must exist, since CI requires nvcc). Needs no GPU.
 */
class FusedVariantsShippedTest {
    private static final Path TABLE = Path.of("target", "cuda-build", "fused-ptxas.txt");

    private static FusedNetwork net(Activation act, int width, int depth) {
        Architecture arch = Architecture.mlp(1, width, depth, 1, act, act.defaultAlpha, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        return new FusedNetwork(arch, Optimizer.of(Optimizer.Kind.SGD), 1L, FunctionTarget.ABS, -1f, 1f, 3000, 500,
                64, 2, true, 0f);
    }

    @Test
    void variantsCoverThePresetsAndTheGrid() throws IOException {
        String text = Files.readString(Path.of("native-kernels", "cuda", "fused_variants.h"));
        List<String> names = ShippedVariants.symbols(text);
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "no variant twice");
        assertTrue(names.contains(FusedVariant.of(net(Activation.RELU, 2, 10), 1).kernel().symbol()),
                "lu2019, one lane");
        for (Activation act : new Activation[] {Activation.RELU, Activation.LEAKY_RELU, Activation.PRELU}) {
            for (int width : new int[] {2, 3, 4, 5, 10}) {
                for (int depth = 2; depth <= 12; depth++) {
                    String k = FusedVariant.of(net(act, width, depth), 32).kernel().symbol();
                    assertTrue(names.contains(k), k + " (README grid)");
                }
            }
        }
    }

    @Test
    void everyShippedVariantHasNoStackAndNoSpills() throws IOException {
        if (!Files.exists(TABLE)) {
            if ("true".equals(System.getenv("CI"))) fail(TABLE + " is missing: build-cuda.sh did not run under CI");
            System.out.println("no " + TABLE + " (nvcc was not on the PATH at build time): nothing to check");
            return;
        }
        Map<String, Integer> rows = new HashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            String[] f = line.trim().split("\\s+");
            assertEquals(6, f.length, "kernel arch registers stack stores loads: " + line);
            assertEquals("0 0 0", f[3] + " " + f[4] + " " + f[5], "stack, spill stores, spill loads: " + line);
            assertTrue(Integer.parseInt(f[2]) <= 255, line);
            rows.merge(f[0], f[1].equals("sm_80") || f[1].equals("sm_90") ? 1 : 0, Integer::sum);
        }
        List<String> shipped = ShippedVariants.symbols(Files.readString(Path.of("native-kernels", "cuda",
                "fused_variants.h")));
        for (String k : shipped) assertEquals(2, rows.getOrDefault(k, 0), k + ": one ptxas row per sm_80, sm_90");
        assertEquals(shipped.size(), rows.size(), "the table lists the shipped variants only");
    }
}
