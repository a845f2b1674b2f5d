package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced mnist-lr preset on the real MNIST (1 epoch, 2 rates, 6000 images) on the CPU engine. Runs when the
 * system property {@code relulab.mnist} or the environment variable {@code RELULAB_MNIST} names the data
 * ({@code .ci/fetch-mnist.sh} prints a path to use), and skips with that reason otherwise.
 */
@Tag("mnist")
class MnistRealDataTest {
    @TempDir Path dir;

    @Test
    void reducedPresetLearnsAtLr001AndKillsUnitsAtLr01() throws Exception {
        String data = System.getProperty("relulab.mnist", System.getenv("RELULAB_MNIST"));
        Assumptions.assumeTrue(data != null && !data.isBlank(),
                "RELULAB_MNIST is not set (RELULAB_MNIST=$(bash .ci/fetch-mnist.sh) runs this test)");
        assertTrue(Files.exists(Path.of(data)), "RELULAB_MNIST=" + data + " does not exist");
        Path out = dir.resolve("mnist");
        CollapseCommandTest.Result r = CollapseCommandTest.run("mnist-lr", "--data", data, "--limit", "6000",
                "--epochs", "1", "--rates", "0.1,0.01", "--seeds", "1", "--engine", "cpu", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode runs = OutputChecks.summary(out, "mnist-lr", "runs").get("runs");
        assertEquals(2, runs.size());
        JsonNode fast = runs.get(0), slow = runs.get(1);
        assertEquals(0.01, slow.get("lr").asDouble(), 1e-6);
        assertTrue(slow.get("validation_accuracy").asDouble() > 0.8, "lr 0.01 learns MNIST: " + slow);
        double deadFast = fast.get("dead_fraction_per_layer").get(0).asDouble();
        double deadSlow = slow.get("dead_fraction_per_layer").get(0).asDouble();
        assertTrue(deadFast > deadSlow, "lr 0.1 kills more first-layer units: " + runs);
        OutputChecks.assertReportLinksResolve(out);
    }
}
