package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.ConstantInitExperiment;
import dev.relulab.experiments.ConstantInitExperiment.Run;
import dev.relulab.metrics.Interval;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outputs of a constant-init run: per network the dead fraction and the distinct units of each hidden layer, in
 * summary.json, runs.csv, two figures (mean over networks per activation) and report.html.
 */
public final class ConstantInitReport {
    private final ConstantInitExperiment exp;
    private final List<Run> runs;
    private final Map<String, List<Run>> byActivation = new LinkedHashMap<>();

    public ConstantInitReport(ConstantInitExperiment exp, List<Run> runs) {
        this.exp = exp;
        this.runs = List.copyOf(runs);
        for (Run r : runs) byActivation.computeIfAbsent(r.activation(), k -> new ArrayList<>()).add(r);
    }

    public String[] header() {
        return new String[] {"activation", "network", "dead L1 %", "dead L2 %", "distinct L1", "distinct L2", "loss",
            "diverged"};
    }

    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(new String[] {r.activation(), Integer.toString(r.network()), pct(r.deadFractionPerLayer()[0]),
                pct(r.deadFractionPerLayer()[1]), Integer.toString(r.distinctUnitsPerLayer()[0]),
                Integer.toString(r.distinctUnitsPerLayer()[1]), String.format(Locale.ROOT, "%.4f", r.finalLoss()),
                r.diverged() ? "yes" : "no"});
        }
        return rows;
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f", 100 * f);
    }

    /** The experiment's keys of summary.json. */
    public ObjectNode summary() {
        ObjectNode root = Json.object();
        ObjectNode cfg = root.putObject("config");
        cfg.put("seed", exp.seed);
        cfg.put("networks", exp.networks);
        cfg.put("epochs", exp.epochs);
        cfg.put("batch", exp.batch);
        cfg.put("lr", exp.lr);
        cfg.put("optimizer", "adam");
        cfg.set("widths", Json.MAPPER.valueToTree(new int[] {ConstantInitExperiment.FEATURES,
            ConstantInitExperiment.WIDTH, ConstantInitExperiment.WIDTH, 1}));
        ArrayNode acts = cfg.putArray("activations");
        byActivation.keySet().forEach(acts::add);
        root.put("diverged_fraction", runs.stream().filter(Run::diverged).count() / (double) runs.size());
        ArrayNode rs = root.putArray("runs");
        for (Run r : runs) {
            ObjectNode o = rs.addObject();
            o.put("activation", r.activation());
            o.put("network", r.network());
            o.set("dead_fraction_per_layer", Json.array(r.deadFractionPerLayer()));
            o.set("distinct_units_per_layer", Json.MAPPER.valueToTree(r.distinctUnitsPerLayer()));
            o.put("final_loss", r.finalLoss());
            o.put("diverged", r.diverged());
        }
        return root;
    }

    public String runsCsv() throws IOException {
        List<String> head = List.of("activation", "network", "dead_fraction_l1", "dead_fraction_l2",
                "distinct_units_l1", "distinct_units_l2", "final_loss", "diverged");
        List<List<Object>> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(List.of(r.activation(), r.network(), r.deadFractionPerLayer()[0], r.deadFractionPerLayer()[1],
                    r.distinctUnitsPerLayer()[0], r.distinctUnitsPerLayer()[1], r.finalLoss(), r.diverged() ? 1 : 0));
        }
        return Csv.of(head, rows);
    }

    /** Dead fraction of each hidden layer, mean and interval per activation. */
    public Figure deadPerLayer() {
        return perLayer("Dead units per hidden layer", Axis.linear("dead fraction of the layer's "
                + ConstantInitExperiment.WIDTH + " units").range(0, 1), 1, Run::deadFractionPerLayer);
    }

    /** Distinct units of each hidden layer (1: every unit the same function), mean and interval per activation. */
    public Figure distinctPerLayer() {
        return perLayer("Distinct units per hidden layer", Axis.linear("distinct units (out of "
                + ConstantInitExperiment.WIDTH + ")").integer().range(0, ConstantInitExperiment.WIDTH),
                ConstantInitExperiment.WIDTH, r -> java.util.Arrays.stream(r.distinctUnitsPerLayer()).asDoubleStream()
                        .toArray());
    }

    /**
     * Per hidden layer, the mean over each activation's networks of {@code perLayer(run)[h]} with its 95% interval,
     * the activations drawn a little apart at each layer.
     */
    private Figure perLayer(String title, Axis y, double max, java.util.function.Function<Run, double[]> perLayer) {
        int H = perLayer.apply(runs.get(0)).length;
        Plot p = new Plot(title, Axis.linear("hidden layer").integer().ticks(Curves.range(1, H)), y);
        int k = 0, n = byActivation.size();
        for (Map.Entry<String, List<Run>> e : byActivation.entrySet()) {
            double[] x = new double[H], m = new double[H], lo = new double[H], hi = new double[H];
            for (int h = 0; h < H; h++) {
                final int hh = h;
                Interval iv = Interval.mean(e.getValue().stream().mapToDouble(r -> perLayer.apply(r)[hh]).toArray())
                        .within(0, max);
                x[h] = h + 1 + 0.1 * (k - (n - 1) / 2.0);
                m[h] = iv.estimate();
                lo[h] = iv.low();
                hi[h] = iv.high();
            }
            p.line(e.getKey(), k, x, m).markers();
            p.intervals(e.getKey() + " 95% CI", k++, x, m, lo, hi).unlisted();
        }
        return Figure.of(p).note(exp.networks == 1 ? "One network per activation (no interval)."
                : "Mean over each activation's " + exp.networks + " networks with its 95% t interval.");
    }

    public HtmlReport write(OutputFolder folder, Provenance p, String description) throws IOException {
        SummaryJson.write(folder, p, summary());
        folder.write("runs.csv", w -> w.write(runsCsv()));
        HtmlReport html = new HtmlReport("relulab constant-init: symmetric constant weights, ReLU against Swish");
        html.paragraph(description);
        html.table(header(), rows());
        html.figure(Figures.write(folder, "dead-per-layer", deadPerLayer()), "Dead fraction of each hidden layer on "
                + "the 1000 training rows after training");
        html.figure(Figures.write(folder, "distinct-per-layer", distinctPerLayer()), "Distinct units per hidden "
                + "layer: 1 means the symmetry never broke");
        html.link("summary.json", "summary.json").link("runs.csv", "runs.csv (one row per network)");
        html.write(folder);
        return html;
    }
}
