package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** activations, vanishing and the collapse grid end to end: summary keys, CSVs, decodable figures, report links. */
class FigureCommandsTest {
    @TempDir Path dir;

    @Test
    void activationsDrawsEveryActivationAndItsDerivative() throws Exception {
        Path out = dir.resolve("act");
        CollapseCommandTest.Result r = CollapseCommandTest.run("activations", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode s = OutputChecks.summary(out, "activations", "runs");
        assertEquals(10, s.get("runs").size());
        List<String> csv = Files.readAllLines(out.resolve("activations.csv"));
        assertEquals(602, csv.size(), "header plus 601 points on [-3, 3]");
        assertTrue(csv.get(0).startsWith("z,relu,relu_derivative,leaky_relu"), csv.get(0));
        OutputChecks.assertFigure(out, "activations");
        OutputChecks.assertReportLinksResolve(out);
    }

    @Test
    void vanishingRecordsGradientNormsPerLayerForEverySetup() throws Exception {
        Path out = dir.resolve("van");
        CollapseCommandTest.Result r = CollapseCommandTest.run("vanishing", "--networks", "1", "--epochs", "2",
                "--batch", "100", "--engine", "cpu", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode s = OutputChecks.summary(out, "vanishing", "runs", "config");
        JsonNode runs = s.get("runs");
        assertEquals(9, runs.size(), "tanh and sigmoid x 4 initialisers, relu x he_uniform");
        for (JsonNode run : runs) {
            assertEquals(6, run.get("grad_norm_init_per_layer").size(), "5 hidden layers and the output");
            assertEquals(2, run.get("grad_norm_per_epoch_per_layer").size());
            for (JsonNode n : run.get("grad_norm_init_per_layer")) assertTrue(n.asDouble() > 0, run.toString());
        }
        JsonNode small = runs.get(4), glorot = runs.get(7);
        assertEquals("sigmoid", small.get("activation").asText());
        assertTrue(small.get("grad_norm_init_per_layer").get(0).asDouble()
                < 1e-3 * small.get("grad_norm_init_per_layer").get(5).asDouble(),
                "sigmoid with N(0, 0.01): the first layer's gradient vanishes against the output's");
        assertEquals("glorot_normal", glorot.get("init").asText());
        assertEquals(1 + 9 * 3 * 6, Files.readAllLines(out.resolve("grad-norms.csv")).size());
        OutputChecks.assertFigure(out, "grad-norm-init");
        OutputChecks.assertFigure(out, "grad-panels");
        List<String> links = OutputChecks.assertReportLinksResolve(out);
        assertEquals(2 * 2 + 3, links.size(), "2 figures (PNG and SVG), summary, 2 CSVs: " + links);
        assertEquals(1200, javax.imageio.ImageIO.read(out.resolve("grad-panels.png").toFile()).getWidth(),
                "the panels' figure is 1200 wide at scale 1");
    }

    @Test
    void collapseGridRunsEveryCellAndDrawsOneFigurePerActivationAndInit() throws Exception {
        Path out = dir.resolve("grid");
        CollapseCommandTest.Result r = CollapseCommandTest.run("collapse", "--depths", "2,3", "--widths", "2,3,4",
                "--activations", "relu,leaky_relu", "--inits", "glorot_uniform,normal(0,0.5)", "--networks", "12",
                "--points", "64", "--test-points", "32", "--engine", "cpu", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode s = OutputChecks.summary(out, "collapse-grid", "cells", "depths", "widths");
        JsonNode cells = s.get("cells");
        assertEquals(2 * 3 * 2 * 2, cells.size(), "depths x widths x activations x inits");
        Set<String> seen = new HashSet<>();
        for (JsonNode c : cells) {
            seen.add(c.get("activation").asText() + c.get("init").asText() + c.get("width") + "x" + c.get("depth"));
            JsonNode exact = c.get("collapse_exact");
            double f = exact.get("fraction").asDouble();
            double lo = exact.get("ci95").get(0).asDouble(), hi = exact.get("ci95").get(1).asDouble();
            assertTrue(lo <= f && f <= hi, c.toString());
            assertEquals(12, c.get("networks").asInt());
        }
        assertEquals(24, seen.size(), "every cell once");
        assertEquals(25, Files.readAllLines(out.resolve("grid.csv")).size());
        OutputChecks.assertFigure(out, "collapse-vs-depth-relu-glorot_uniform");
        OutputChecks.assertFigure(out, "collapse-vs-depth-leaky_relu-normal-0.0-0.5");
        OutputChecks.assertReportLinksResolve(out);
    }

    @Test
    void collapseGridCellsAreDepthsTimesWidths() throws Exception {
        Path out = dir.resolve("grid2");
        CollapseCommandTest.Result r = CollapseCommandTest.run("collapse", "--depths", "2,4,6", "--widths", "2,5",
                "--networks", "8", "--points", "64", "--test-points", "32", "--engine", "cpu", "--threads", "1",
                "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertEquals(6, OutputChecks.summary(out, "collapse-grid").get("cells").size());
    }

    @Test
    void badGridInputNamesTheOptionAndExitsTwo() {
        String[][] cases = {{"--depths", "0,2"}, {"--widths", "2,2"}, {"--activations", "relu,relu6"},
            {"--inits", "orthogonal"}};
        for (String[] c : cases) {
            CollapseCommandTest.Result r = CollapseCommandTest.run("collapse", c[0], c[1], "--out",
                    dir.resolve("never").toString());
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.err);
            assertTrue(r.err.contains(c[0]) || r.err.contains(c[1].split(",")[c[1].split(",").length - 1]),
                    String.join(" ", c) + ": " + r.err);
        }
        CollapseCommandTest.Result both = CollapseCommandTest.run("collapse", "--depth", "3", "--depths", "2,3");
        assertEquals(2, both.code);
        assertTrue(both.err.contains("--depths"), both.err);
    }
}
