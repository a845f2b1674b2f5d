package dev.relulab.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Shard;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folders of a collapse run's shards ({@code collapse --shard K/N}) read back as the one run they cut: the same
 * configuration and version in every folder, each shard of 1..N once, every network once, and (unless mixing is
 * allowed) one engine and training path, the condition for the merged files to equal one run's bit for bit. Errors
 * name the folder.
 */
public final class ShardMerge {
    public final CollapseExperiment experiment;
    public final EnsembleResult result;
    /** The engines and devices the shards ran on, each distinct one once. */
    public final String engine, device;
    public final int shards;

    private ShardMerge(CollapseExperiment experiment, EnsembleResult result, String engine, String device, int shards) {
        this.experiment = experiment;
        this.result = result;
        this.engine = engine;
        this.device = device;
        this.shards = shards;
    }

    /**
     * Reads and checks the shard folders; the merged result's seconds are the shards' training seconds summed.
     * {@code allowMixed} lets shards trained on different engines or training paths merge (their results agree only
     * within the engines' parity tolerances).
     */
    public static ShardMerge read(List<Path> dirs, boolean allowMixed) throws IOException {
        if (dirs.isEmpty()) throw new IllegalArgumentException("no shard folders given");
        List<JsonNode> summaries = new ArrayList<>();
        List<Shard> shards = new ArrayList<>();
        for (Path dir : dirs) {
            summaries.add(summary(dir));
            shards.add(shardOf(summaries.get(summaries.size() - 1), dir));
        }
        JsonNode first = summaries.get(0);
        int count = shards.get(0).count();
        Path[] byIndex = new Path[count + 1];
        for (int i = 0; i < dirs.size(); i++) {
            JsonNode s = summaries.get(i);
            Shard shard = shards.get(i);
            if (shard.count() != count) {
                throw new IllegalArgumentException(dirs.get(i) + " is shard " + shard + " but " + dirs.get(0)
                        + " is one of " + count);
            }
            if (byIndex[shard.index()] != null) {
                throw new IllegalArgumentException("shard " + shard + " given twice: " + byIndex[shard.index()]
                        + " and " + dirs.get(i));
            }
            byIndex[shard.index()] = dirs.get(i);
            sameAs(first, s, "config", dirs.get(0), dirs.get(i));
            sameAs(first, s, "relulab_version", dirs.get(0), dirs.get(i));
            if (!allowMixed && !(s.path("engine").equals(first.path("engine"))
                    && s.path("training_path").equals(first.path("training_path")))) {
                throw new IllegalArgumentException(dirs.get(0) + " ran on " + how(first) + " but " + dirs.get(i)
                        + " on " + how(s) + ": engines agree within their parity tolerances, not bit for bit; run "
                        + "every shard on one engine, or pass --allow-mixed-engines");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) if (byIndex[k] == null) missing.add(k + "/" + count);
        if (!missing.isEmpty()) throw new IllegalArgumentException("shard " + String.join(", ", missing) + " missing");

        CollapseSettings settings;
        try {
            settings = CollapseReport.settings(first.path("config"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dirs.get(0).resolve("summary.json") + ": " + e.getMessage(), e);
        }
        CollapseExperiment exp = new CollapseExperiment(settings);
        int total = settings.networks;
        EnsembleResult r = new EnsembleResult(0, total, exp.config.arch.widths());
        r.epochs = exp.config.epochs;
        boolean[] seen = new boolean[total];
        Set<String> engines = new LinkedHashSet<>(), devices = new LinkedHashSet<>(), paths = new LinkedHashSet<>();
        double seconds = 0;
        for (int i = 0; i < dirs.size(); i++) {
            JsonNode s = summaries.get(i);
            Shard shard = shards.get(i);
            int lo = shard.first(total), hi = lo + shard.size(total);
            if (s.path("shard").path("first_network").asInt(-1) != lo || s.path("networks").asInt(-1) != hi - lo) {
                throw new IllegalArgumentException(dirs.get(i) + ": shard " + shard + " of " + total
                        + " networks should hold networks [" + lo + ", " + hi + ")");
            }
            Path csv = dirs.get(i).resolve("networks.csv");
            if (!Files.isRegularFile(csv)) throw new IllegalArgumentException(dirs.get(i) + " has no networks.csv");
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                NetworksCsv.read(in, csv.toString(), lo, hi, r, seen);
            }
            for (int e = lo; e < hi; e++) {
                if (!seen[e]) throw new IllegalArgumentException(csv + " lacks network " + e);
            }
            engines.add(s.path("engine").asText("?"));
            devices.add(s.path("device").asText("?"));
            paths.add(s.path("training_path").asText("?"));
            r.trainedOpByOp.addAndGet(s.path("networks_trained_op_by_op").asInt(0));
            seconds += s.path("seconds").asDouble(0);
        }
        r.seconds = seconds;
        r.trainingPath = String.join(" + ", paths);
        return new ShardMerge(exp, r, String.join(" + ", engines), String.join("; ", devices), count);
    }

    private static JsonNode summary(Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no summary.json: not the folder of a collapse --shard run");
        }
        JsonNode s;
        try {
            s = Json.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON (cut short by a killed run?): "
                    + e.getOriginalMessage());
        }
        if (s == null || !s.isObject()) throw new IllegalArgumentException(file + " is empty or not a JSON object");
        if (!"collapse".equals(s.path("experiment").asText())) {
            throw new IllegalArgumentException(file + " is not a collapse run's summary");
        }
        return s;
    }

    private static Shard shardOf(JsonNode s, Path dir) {
        JsonNode shard = s.get("shard");
        if (shard == null) throw new IllegalArgumentException(dir + " holds a whole run, not a shard (no \"shard\" in "
                + "its summary.json)");
        try {
            return new Shard(shard.path("index").asInt(), shard.path("count").asInt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve("summary.json") + ": " + e.getMessage(), e);
        }
    }

    private static String how(JsonNode s) {
        return s.path("engine").asText("?") + " (" + s.path("training_path").asText("?") + ")";
    }

    /** Requires equal {@code key} values, naming the first differing field of an object. */
    private static void sameAs(JsonNode a, JsonNode b, String key, Path da, Path db) {
        String what = Json.firstDifference(a.path(key), b.path(key), key);
        if (what != null) {
            throw new IllegalArgumentException(da + " and " + db + " are not shards of one run: " + what + " differs");
        }
    }
}
