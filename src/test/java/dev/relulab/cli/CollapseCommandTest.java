package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collapse command end to end: its files and their keys, and one-line errors with exit code 2 for bad input. */
class CollapseCommandTest {
    @TempDir
    Path tmp;

    static final class Result {
        int code;
        String out, err;
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Result r = new Result();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        r.out = out.toString(StandardCharsets.UTF_8);
        r.err = err.toString(StandardCharsets.UTF_8);
        return r;
    }

    @Test
    void writesSummaryAndOneCsvRowPerNetwork() throws Exception {
        Path out = tmp.resolve("run");
        Result r = run("collapse", "--networks", "40", "--depth", "4", "--points", "300", "--engine", "cpu",
                "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("collapsed (exact)") && r.out.contains("95% CI"), r.out);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("networks", "engine", "seconds", "born_dead_fraction", "collapse_fraction_structural",
                "collapse_fraction_functional", "collapse_fraction_exact", "dead_units_per_layer")) {
            assertTrue(s.has(key), "summary.json lacks " + key);
        }
        assertEquals(40, s.get("networks").asInt());
        assertEquals("cpu", s.get("engine").asText());
        assertEquals(4, s.get("dead_units_per_layer").size());
        assertEquals(4, s.get("config").get("depth").asInt());
        List<String> csv = Files.readAllLines(out.resolve("networks.csv"));
        assertEquals(41, csv.size(), "header plus one row per network");
        String header = csv.get(0);
        assertTrue(header.startsWith("network,born_dead,collapsed_structural,collapsed_functional,collapsed_exact,"
                + "diverged,final_loss,dead_l1,dead_l2,dead_l3,dead_l4"), header);
        long exactRows = csv.stream().skip(1).filter(l -> l.split(",")[4].equals("1")).count();
        assertEquals(s.get("collapse_fraction_exact").asDouble(), exactRows / 40.0, 1e-12, "csv and summary agree");
        OutputChecks.assertFigure(out, "dead-per-layer");
        OutputChecks.assertReportLinksResolve(out);
    }

    @Test
    void badValuesGiveOneLineNamingTheOptionAndExitTwoWithoutOutput() {
        Path out = tmp.resolve("never");
        String[][] cases = {
            {"--width", "0"}, {"--activation", "relu6"}, {"--lr", "fast"}, {"--lr", "-1"}, {"--networks", "0"},
            {"--init", "orthogonal"}, {"--target", "sin"}, {"--engine", "tpu"}, {"--preset", "lu2020"},
            {"--bias-init", "he_normal"}, {"--dead-threshold", "2"}, {"--test-points", "1"},
        };
        for (String[] c : cases) {
            Result r = run("collapse", c[0], c[1], "--out", out.toString());
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.err);
            String first = r.err.lines().findFirst().orElse("");
            assertTrue(first.contains(c[0]) || first.contains(c[1]), "error must name the option: " + first);
            assertFalse(r.err.contains("Exception"), "no stack trace: " + r.err);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
        Result r = run("collapse", "--activation", "relu6", "--out", out.toString());
        assertTrue(r.err.contains("leaky_relu"), "lists the allowed activations: " + r.err);
    }

    @Test
    void aBadFusedOrderPropertyIsAUsageErrorThatNamesTheValues() {
        Path out = tmp.resolve("run");
        System.setProperty(dev.relulab.engine.FusedOrder.PROPERTY, "sometimes");
        Result r;
        try {
            r = run("collapse", "--networks", "2", "--engine", "cpu", "--out", out.toString());
        } finally {
            System.clearProperty(dev.relulab.engine.FusedOrder.PROPERTY);
        }
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("relulab.fused.order=sometimes") && r.err.contains("auto, true, false"), r.err);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void unwritableOutputIsAUsageError() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Result r = run("collapse", "--networks", "2", "--out", file.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--out"), r.err);
        assertEquals("x", Files.readString(file), "the file is left alone");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary files left");
        }
    }

    @Test
    void anEngineThatDoesNotOpenLeavesNoOutputFolder() {
        Path out = tmp.resolve("nested").resolve("run");
        Result r = run("collapse", "--networks", "2", "--engine", "cuda", "--out", out.toString());
        org.junit.jupiter.api.Assumptions.assumeTrue(r.code != 0, "a CUDA device answered here");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.lines().count() == 1 && r.err.contains("--engine cuda"), r.err);
        assertFalse(Files.exists(tmp.resolve("nested")), "no folder made for a run that never started");
    }

    @Test
    void helpTeachesThePresetsAndTheOutputs() {
        Result r = run("collapse", "--help");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("lu2019-leaky") && r.out.contains("networks.csv") && r.out.contains("Example"), r.out);
    }
}
