package dev.relulab.report.scorecard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.scorecard.CollapseCell;
import dev.relulab.experiments.scorecard.DeepMoments;
import dev.relulab.experiments.scorecard.DeepRun;
import dev.relulab.experiments.scorecard.ScorecardSettings;
import dev.relulab.experiments.scorecard.StepTime;
import dev.relulab.experiments.scorecard.StepTimer;
import dev.relulab.experiments.scorecard.StoredTask;
import dev.relulab.experiments.scorecard.TaskRun;
import dev.relulab.metrics.Interval;
import dev.relulab.metrics.Proportion;
import dev.relulab.report.Csv;
import dev.relulab.report.Figures;
import dev.relulab.report.HtmlReport;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.Provenance;
import dev.relulab.report.SummaryJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a scorecard run: summary.json, the CSV files, the figures and report.html. */
public final class ScorecardReport {
    private final Measures m;
    private final Rows rows;

    public ScorecardReport(Measures m) {
        this.m = m;
        this.rows = new Rows(m);
    }

    public Rows rows() {
        return rows;
    }

    /** The experiment's keys of summary.json (docs/summary-json.md, "scorecard"). */
    public ObjectNode summary() {
        ScorecardSettings s = m.card.settings;
        ObjectNode root = Json.object();
        root.set("config", config(s, m.card.mnist));
        ArrayNode acts = root.putArray("activations");
        for (String a : m.activations) acts.addObject().put("activation", a).put("alpha",
                ScorecardSettings.alpha(dev.relulab.nn.Activation.parse(a)));
        long diverged = m.result.runs().stream().filter(TaskRun::diverged).count()
                + m.result.deep().stream().filter(DeepRun::diverged).count()
                + m.result.collapse().stream().mapToLong(CollapseCell::diverged).sum();
        long networks = m.result.runs().size() + m.result.deep().size()
                + m.result.collapse().stream().mapToLong(CollapseCell::networks).sum();
        root.put("diverged_fraction", diverged / (double) networks);
        ArrayNode speed = root.putArray("speed");
        for (StepTime t : m.result.speed()) {
            ObjectNode o = speed.addObject().put("shape", t.shape()).put("shape_detail", StepTimer.describe(t.shape()))
                    .put("activation", t.activation()).put("networks", t.networks()).put("steps", t.steps());
            o.set("seconds_per_network_step", interval(m.stepTime(t.shape(), t.activation())));
            o.set("relative_to_baseline", interval(m.ratio(t.shape(), t.activation())));
        }
        ArrayNode tasks = root.putArray("tasks");
        for (StoredTask t : m.card.tasks()) {
            for (String a : m.activations) {
                ObjectNode o = tasks.addObject().put("task", t.name()).put("activation", a)
                        .put("networks", m.runs(t.name(), a).size()).put("target_accuracy", t.target());
                o.set("epochs_to_target", interval(m.epochsTo(t, a)));
                o.set("never_reached", proportion(m.never(t, a)));
                o.set("test_accuracy", interval(m.testAccuracy(t.name(), a)));
                o.set("train_minus_test_accuracy", interval(m.gap(t.name(), a)));
                ArrayNode dead = o.putArray("dead_fraction_per_layer");
                for (int h = 0; h < t.hidden().length; h++) dead.add(interval(m.dead(t.name(), a, h)));
                o.put("diverged", m.diverged(t.name(), a));
            }
        }
        ArrayNode cells = root.putArray("collapse");
        for (CollapseCell c : m.result.collapse()) {
            ObjectNode o = cells.addObject().put("activation", c.activation()).put("depth", c.depth())
                    .put("networks", c.networks());
            o.set("born_dead", proportion(Rows.proportion(c, CollapseCell::bornDead)));
            o.set("collapse_structural", proportion(Rows.proportion(c, CollapseCell::structural)));
            o.set("collapse_functional", proportion(Rows.proportion(c, CollapseCell::functional)));
            o.set("collapse_exact", proportion(Rows.proportion(c, CollapseCell::exact)));
            o.set("diverged", proportion(Rows.proportion(c, CollapseCell::diverged)));
            o.set("dead_fraction_per_layer", Json.array(c.deadFractionPerLayer()));
        }
        ArrayNode moments = root.putArray("self_normalisation");
        for (var a : m.card.deep.activations()) {
            ObjectNode o = moments.addObject().put("activation", a.cliName()).put("init", DeepMoments.init(a).toString());
            ArrayNode layers = o.putArray("layers");
            for (int l = 0; l < s.deepDepth; l++) {
                ObjectNode q = layers.addObject().put("layer", l + 1);
                q.set("mean_at_init", interval(m.moment(a.cliName(), l, 0, false)));
                q.set("variance_at_init", interval(m.moment(a.cliName(), l, 1, false)));
                q.set("mean_after_training", interval(m.moment(a.cliName(), l, 0, true)));
                q.set("variance_after_training", interval(m.moment(a.cliName(), l, 1, true)));
            }
        }
        ObjectNode stars = root.putObject("stars");
        for (Stars.Rule r : Stars.Rule.values()) {
            ObjectNode o = stars.putObject(r.name().toLowerCase(java.util.Locale.ROOT));
            o.put("rule", r.text(m.baseline));
            for (String a : m.activations) {
                ObjectNode c = o.putObject(a);
                c.put("score", rows.starRules().score(r, a));
                c.put("measured", rows.starRules().stars(r, a));
                int notes = Stars.notes(r, a);
                if (notes == 0) c.putNull("notes"); else c.put("notes", notes);
            }
        }
        return root;
    }

    static ObjectNode config(ScorecardSettings s, StoredTask mnist) {
        ObjectNode c = Json.object();
        c.put("preset", s.preset).put("seeds", s.seeds).put("seed", s.seed).put("baseline", s.baseline().cliName());
        c.put("speed_reps", s.speedReps).put("speed_steps", s.speedSteps)
                .put("speed_networks_lu2019", s.speedNarrowNetworks).put("speed_networks_variants", s.speedVariantsNetworks);
        c.put("variants_epochs", s.variantsEpochs).put("variants_target", s.variantsTarget);
        c.put("mnist", s.mnist == null ? null : s.mnist.toString());
        if (mnist != null) {
            c.put("mnist_images", s.mnistImages).put("mnist_train_rows", mnist.split().train().rows)
                    .put("mnist_heldout_rows", mnist.split().test().rows).put("mnist_epochs", s.mnistEpochs)
                    .put("mnist_batch", s.mnistBatch).put("mnist_lr", s.mnistLr).put("mnist_target", s.mnistTarget);
        }
        c.set("depths", Json.MAPPER.valueToTree(s.depths));
        c.put("collapse_networks", s.collapseNetworks);
        c.put("deep_depth", s.deepDepth).put("deep_width", s.deepWidth).put("deep_epochs", s.deepEpochs)
                .put("deep_probe_rows", DeepMoments.PROBE_ROWS);
        return c;
    }

    private static ObjectNode interval(Interval iv) {
        ObjectNode o = Json.object();
        o.put("estimate", iv.estimate());
        o.put("n", iv.n());
        o.set("ci95", Json.array(new double[] {iv.low(), iv.high()}));
        return o;
    }

    private static ObjectNode proportion(Proportion p) {
        ObjectNode o = Json.object();
        o.put("fraction", p.fraction);
        o.put("count", p.count);
        o.set("ci95", Json.array(new double[] {p.low, p.high}));
        return o;
    }

    /** One row per trained network of the stored tasks: accuracies, epochs to the target, dead fractions. */
    public String runsCsv() throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (StoredTask t : m.card.tasks()) {
            for (TaskRun r : m.result.runs()) {
                if (!r.task().equals(t.name())) continue;
                double e = r.epochsTo(t.target());
                StringBuilder dead = new StringBuilder();
                for (double d : r.deadFractionPerLayer()) dead.append(dead.length() == 0 ? "" : " ").append(d);
                out.add(List.of(r.task(), r.activation(), r.network(), r.testAccuracy(), r.trainAccuracy(),
                        Double.isInfinite(e) ? "" : Integer.toString((int) e), dead.toString(), r.diverged() ? 1 : 0));
            }
        }
        return Csv.of(List.of("task", "activation", "network", "test_accuracy", "train_accuracy", "epochs_to_target",
                "dead_fraction_per_layer", "diverged"), out);
    }

    /** One row per shape, activation and timed repetition. */
    public String speedCsv() throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (StepTime t : m.result.speed()) {
            for (int k = 0; k < t.secondsPerNetworkStep().length; k++) {
                out.add(List.of(t.shape(), t.activation(), k + 1, t.networks(), t.steps(), t.secondsPerNetworkStep()[k]));
            }
        }
        return Csv.of(List.of("shape", "activation", "repetition", "networks", "steps", "seconds_per_network_step"),
                out);
    }

    /** The measured table: one row per measurement and activation, estimate and interval as numbers. */
    public String tableCsv() throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (Rows.Row r : rows.measured()) {
            for (int k = 0; k < m.activations.size(); k++) out.add(List.of(r.section(), r.metric(), m.activations.get(k),
                    r.cells().get(k)));
        }
        return Csv.of(List.of("row", "measurement", "activation", "value [95% CI]"), out);
    }

    /** Per deep net, layer and moment: at initialisation and after training. */
    public String momentsCsv() throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (DeepRun r : m.result.deep()) {
            for (int l = 0; l < r.initMoments().length; l++) {
                out.add(List.of(r.activation(), r.init(), r.network(), l + 1, r.initMoments()[l][0],
                        r.initMoments()[l][1], r.endMoments()[l][0], r.endMoments()[l][1], r.diverged() ? 1 : 0));
            }
        }
        return Csv.of(List.of("activation", "init", "network", "layer", "mean_at_init", "variance_at_init",
                "mean_after_training", "variance_after_training", "diverged"), out);
    }

    public HtmlReport write(OutputFolder folder, Provenance p, String description) throws IOException {
        SummaryJson.write(folder, p, summary());
        folder.write("table.csv", w -> w.write(tableCsv()));
        folder.write("runs.csv", w -> w.write(runsCsv()));
        folder.write("speed.csv", w -> w.write(speedCsv()));
        folder.write("moments.csv", w -> w.write(momentsCsv()));
        HtmlReport html = new HtmlReport("relulab scorecard: the notes' star table, measured");
        html.paragraph(description);
        html.heading("Stars from the numbers, beside the notes'");
        List<String[]> star = new ArrayList<>();
        for (Rows.Row r : rows.stars()) star.add(Rows.cells(r));
        html.table(rows.header(), star);
        for (Stars.Rule r : Stars.Rule.values()) html.paragraph(r.title + ": " + r.text(m.baseline));
        html.heading("The measurements (estimate [95% interval])");
        List<String[]> measured = new ArrayList<>();
        for (Rows.Row r : rows.measured()) measured.add(Rows.cells(r));
        html.table(rows.header(), measured);
        ScorecardFigures f = new ScorecardFigures(m);
        html.figure(Figures.write(folder, "speed", f.speed()), "Training speed relative to " + m.baseline);
        html.figure(Figures.write(folder, "convergence", f.convergence()), "Convergence");
        html.figure(Figures.write(folder, "dead-units", f.deadUnits()), "Dead units at the end");
        html.figure(Figures.write(folder, "lu2019-collapse", f.collapse()), "Born dead and collapse of lu2019 nets");
        html.figure(Figures.write(folder, "generalisation", f.generalisation()), "Generalisation");
        if (!m.result.deep().isEmpty()) {
            html.heading("Self-normalisation (SELU's claim)");
            html.table(momentsHeader(), momentsRows());
            html.figure(Figures.write(folder, "self-normalisation", f.moments()), "Per-layer mean and variance");
        }
        html.link("summary.json", "summary.json").link("table.csv", "table.csv (the measurements)")
                .link("runs.csv", "runs.csv (one row per network of the variants and MNIST tasks)")
                .link("speed.csv", "speed.csv (every timed repetition)")
                .link("moments.csv", "moments.csv (per deep network, layer and moment)");
        html.write(folder);
        return html;
    }

    public String[] momentsHeader() {
        return new String[] {"activation (init)", "layer", "mean at init", "variance at init", "mean after training",
            "variance after training"};
    }

    /** The moments at a few layers (1, a quarter, half and all the depth). */
    public List<String[]> momentsRows() {
        int depth = m.card.settings.deepDepth;
        java.util.TreeSet<Integer> layers = new java.util.TreeSet<>(List.of(1, Math.max(1, depth / 4),
                Math.max(1, depth / 2), depth));
        List<String[]> out = new ArrayList<>();
        for (var a : m.card.deep.activations()) {
            for (int l : layers) {
                String act = a.cliName();
                out.add(new String[] {act + " (" + DeepMoments.init(a) + ")", Integer.toString(l),
                    Rows.format(m.moment(act, l - 1, 0, false), 1, 3), Rows.format(m.moment(act, l - 1, 1, false), 1, 3),
                    Rows.format(m.moment(act, l - 1, 0, true), 1, 3), Rows.format(m.moment(act, l - 1, 1, true), 1, 3)});
            }
        }
        return out;
    }
}
