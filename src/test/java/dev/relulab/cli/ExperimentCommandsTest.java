package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentCommandsTest {
    @TempDir Path dir;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void constantInitPrintsATableAndWritesTheSummary() throws Exception {
        Outcome o = run("constant-init", "--engine", "cpu", "--threads", "1", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("distinct L1"), o.out());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("constant-init", s.get("experiment").asText());
        assertTrue(s.get("engine").asText().startsWith("cpu"));
        assertTrue(s.get("seconds").asDouble() > 0);
        JsonNode runs = s.get("runs");
        assertEquals(2, runs.size());
        assertEquals("relu", runs.get(0).get("activation").asText());
        assertEquals(1.0, runs.get(0).get("dead_fraction_per_layer").get(1).asDouble());
        assertEquals(1, runs.get(0).get("distinct_units_per_layer").get(0).asInt());
        assertEquals("swish", runs.get(1).get("activation").asText());
        assertEquals(0.0, runs.get(1).get("dead_fraction_per_layer").get(1).asDouble());
    }

    @Test
    void variantsWritesPerEpochDeadUnitsAndTestAccuracy() throws Exception {
        Outcome o = run("variants", "--engine", "cpu", "--threads", "1", "--epochs", "2", "--activations", "relu,elu",
                "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("variants", s.get("experiment").asText());
        JsonNode runs = s.get("runs");
        assertEquals(2, runs.size());
        assertEquals("elu", runs.get(1).get("activation").asText());
        assertEquals(2, runs.get(0).get("dead_units_first_layer").size());
        double acc = runs.get(0).get("test_accuracy").asDouble();
        assertTrue(acc > 0.6 && acc <= 1, "accuracy " + acc);
        OutputChecks.assertFigure(dir, "dead-per-epoch");
        OutputChecks.assertFigure(dir, "test-accuracy");
        OutputChecks.assertFigure(dir, "validation-accuracy");
        JsonNode curve = runs.get(0).get("validation_accuracy_per_epoch");
        assertEquals(2, curve.size());
        assertEquals(acc, curve.get(1).asDouble(), 0.0, "the last epoch's validation accuracy is the test accuracy");
        assertTrue(OutputChecks.assertReportLinksResolve(dir).contains("epochs.csv"));
    }

    @Test
    void badValuesExitWithUsageErrors() {
        Outcome a = run("variants", "--engine", "cpu", "--activations", "relu,bogus");
        assertEquals(Main.EXIT_USAGE, a.code());
        assertTrue(a.err().contains("unknown activation 'bogus'"), a.err());
        Outcome e = run("constant-init", "--engine", "cpu", "--epochs", "0");
        assertEquals(Main.EXIT_USAGE, e.code());
        assertTrue(e.err().contains("--epochs=0 must be between 1 and"), e.err());
        Outcome g = run("constant-init", "--engine", "gpu");
        assertEquals(Main.EXIT_USAGE, g.code());
        assertTrue(g.err().contains("allowed: auto, cpu, cuda, opencl"), g.err());
    }
}
