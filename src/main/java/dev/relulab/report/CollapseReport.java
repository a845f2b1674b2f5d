package dev.relulab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.data.FunctionTarget;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.metrics.Proportion;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The terminal table and the summary.json of a collapse run. */
public final class CollapseReport {
    private CollapseReport() {}

    public static void printTable(PrintStream out, CollapseExperiment exp, CollapseSummary s, EnsembleResult r,
                                  String engine) {
        out.println("relulab collapse  " + exp.describe());
        out.println("engine            " + engine);
        out.println("training          " + r.trainingPath);
        if (r.trainedOpByOp.get() > 0) {
            out.println("                  " + r.trainedOpByOp.get() + " networks trained op by op (their values"
                    + " stopped being finite on the fused path)");
        }
        out.println();
        out.printf("%-28s %s%n", "networks", s.networks);
        row(out, "born dead", s.bornDead);
        row(out, "collapsed (structural)", s.structural);
        row(out, "collapsed (functional)", s.functional);
        row(out, "collapsed (exact)", s.exact);
        row(out, "diverged", s.diverged);
        out.printf("%-28s %.5g%n", "mean final loss", s.meanFinalLoss);
        out.printf("%-28s %s%n", "dead units/layer at start", layers(s.deadStart));
        out.printf("%-28s %s%n", "dead units/layer at end", layers(s.deadEnd));
        out.printf("%-28s %s%n", "revived units/layer", layers(s.revived));
        out.printf("%-28s %.3f s  (%.0f networks/s)%n", "time", r.seconds, r.networks / r.seconds);
        if (s.exact.count > s.structural.count) {
            out.println();
            out.printf("note: %d networks are constant to the last bit with no hidden layer entirely dead "
                    + "(float32 collapse without dead units)%n", countExactOnly(r));
        }
    }

    private static int countExactOnly(EnsembleResult r) {
        int c = 0;
        for (int e = 0; e < r.networks; e++) if (r.exact[e] && !r.structural[e]) c++;
        return c;
    }

    private static void row(PrintStream out, String name, Proportion p) {
        out.printf("%-28s %6.3f  95%% CI [%.3f, %.3f]  (%d)%n", name, p.fraction, p.low, p.high, p.count);
    }

    private static String layers(double[] perLayer) {
        return Arrays.stream(perLayer).mapToObj(v -> String.format("%.2f", v)).collect(Collectors.joining(" "));
    }

    /**
     * summary.json: the provenance header, then the required keys with their intervals and the configuration;
     * {@code mergedShards} is the number of shards a merged run came from (0: trained in one run).
     */
    public static void writeSummary(OutputFolder folder, Provenance p, CollapseExperiment exp, CollapseSummary s,
                                    EnsembleResult r, int mergedShards) throws IOException {
        SummaryJson.write(folder, p, body(exp, s, r, mergedShards));
    }

    static ObjectNode body(CollapseExperiment exp, CollapseSummary s, EnsembleResult r, int mergedShards) {
        ObjectNode root = Json.object();
        root.put("networks", s.networks);
        root.put("training_path", r.trainingPath);
        root.put("networks_trained_op_by_op", r.trainedOpByOp.get());
        root.put("networks_per_second", r.networks / r.seconds);
        root.put("born_dead_fraction", s.bornDead.fraction);
        root.put("collapse_fraction_structural", s.structural.fraction);
        root.put("collapse_fraction_functional", s.functional.fraction);
        root.put("collapse_fraction_exact", s.exact.fraction);
        root.put("diverged_fraction", s.diverged.fraction);
        root.set("dead_units_per_layer", Json.array(s.deadEnd));
        double[] by = new double[s.collapsedBy.length];
        for (int k = 0; k < by.length; k++) by[k] = s.collapsedBy[k].fraction;
        root.set("collapse_fraction_structural_by_epoch", Json.array(by));
        root.set("dead_units_start_per_layer", Json.array(s.deadStart));
        root.set("revived_units_per_layer", Json.array(s.revived));
        root.put("mean_final_loss", s.meanFinalLoss); // NaN (no epochs, all diverged) is written as null
        ObjectNode ci = root.putObject("confidence_95");
        interval(ci, "born_dead_fraction", s.bornDead);
        interval(ci, "collapse_fraction_structural", s.structural);
        interval(ci, "collapse_fraction_functional", s.functional);
        interval(ci, "collapse_fraction_exact", s.exact);
        if (mergedShards > 0) {
            root.put("merged_shards", mergedShards);
            root.put("seconds_note", "sum of the shards' training seconds; networks_per_second is per machine");
        }
        if (exp.shard != null) {
            ObjectNode shard = root.putObject("shard");
            shard.put("index", exp.shard.index());
            shard.put("count", exp.shard.count());
            shard.put("first_network", exp.config.firstNetwork);
            shard.put("networks", exp.config.networks);
        }
        root.set("config", config(exp.settings));
        return root;
    }

    private static void interval(ObjectNode ci, String key, Proportion p) {
        ci.set(key, Json.array(new double[] {p.low, p.high}));
    }

    public static ObjectNode config(CollapseSettings s) {
        ObjectNode c = Json.object();
        c.put("preset", s.preset);
        c.put("networks", s.networks);
        c.put("depth", s.depth);
        c.put("width", s.width);
        c.put("activation", s.activation.cliName());
        c.put("alpha", s.effectiveAlpha());
        c.put("init", s.init.toString());
        c.put("first_layer_init", s.firstInit == null ? s.init.toString() : s.firstInit.toString());
        c.put("bias_init", s.biasInit.toString());
        c.put("optimizer", s.optimizer.name().toLowerCase(java.util.Locale.ROOT));
        c.put("lr", s.lr);
        c.put("epochs", s.epochs);
        c.put("batch", s.batch);
        c.put("points", s.points);
        c.put("test_points", s.testPoints);
        c.put("target", s.target.cliName);
        c.put("x_range", s.xRange);
        c.put("seed", s.seed);
        c.put("dead_threshold", s.deadThreshold);
        c.put("functional_tolerance", s.functionalTolerance);
        c.put("probe_every_epoch", s.probeEveryEpoch);
        return c;
    }

    /** The settings that {@link #config} wrote, read back (for merging shards); errors name the missing key. */
    public static CollapseSettings settings(JsonNode c) {
        CollapseSettings s;
        try {
            s = CollapseSettings.preset(text(c, "preset"));
        } catch (IllegalArgumentException e) {
            s = new CollapseSettings();
            s.preset = text(c, "preset");
        }
        s.networks = number(c, "networks").intValue();
        s.depth = number(c, "depth").intValue();
        s.width = number(c, "width").intValue();
        s.activation = Activation.parse(text(c, "activation"));
        s.alpha = number(c, "alpha").floatValue();
        s.init = Initializer.parse(text(c, "init"));
        String first = text(c, "first_layer_init");
        s.firstInit = first.equals(s.init.toString()) ? null : Initializer.parse(first);
        s.biasInit = Initializer.parse(text(c, "bias_init"));
        s.optimizer = Optimizer.parseKind(text(c, "optimizer"));
        s.lr = number(c, "lr").floatValue();
        s.epochs = number(c, "epochs").intValue();
        s.batch = number(c, "batch").intValue();
        s.points = number(c, "points").intValue();
        s.testPoints = number(c, "test_points").intValue();
        s.target = FunctionTarget.parse(text(c, "target"));
        s.xRange = number(c, "x_range").floatValue();
        s.seed = number(c, "seed").longValue();
        s.deadThreshold = number(c, "dead_threshold").floatValue();
        s.functionalTolerance = number(c, "functional_tolerance").doubleValue();
        JsonNode probes = c.get("probe_every_epoch");
        s.probeEveryEpoch = probes == null || probes.asBoolean();
        return s;
    }

    private static String text(JsonNode c, String key) {
        JsonNode v = c.get(key);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("config." + key + " is missing or not text");
        return v.asText();
    }

    private static Number number(JsonNode c, String key) {
        JsonNode v = c.get(key);
        if (v == null || !v.isNumber()) throw new IllegalArgumentException("config." + key + " is missing or not a number");
        return v.numberValue();
    }
}
