package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.ConstantInitExperiment;
import dev.relulab.experiments.ConstantInitExperiment.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

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

    /** Mean over networks of {@code perLayer(run)[h]} against the hidden layer, one line per activation. */
    private XYChart perLayer(String title, String y, java.util.function.Function<Run, double[]> perLayer) {
        XYChart c = Charts.xy(title, "hidden layer", y);
        int k = 0;
        for (Map.Entry<String, List<Run>> e : byActivation.entrySet()) {
            int H = perLayer.apply(e.getValue().get(0)).length;
            double[] x = new double[H], m = new double[H];
            for (int h = 0; h < H; h++) {
                final int hh = h;
                x[h] = h + 1;
                m[h] = e.getValue().stream().mapToDouble(r -> perLayer.apply(r)[hh]).average().orElse(Double.NaN);
            }
            Charts.line(c, e.getKey(), x, m, k++);
        }
        return c;
    }

    public HtmlReport write(OutputFolder folder, Provenance p, String description) throws IOException {
        SummaryJson.write(folder, p, summary());
        folder.write("runs.csv", w -> w.write(runsCsv()));
        HtmlReport html = new HtmlReport("relulab constant-init: symmetric constant weights, ReLU against Swish");
        html.paragraph(description);
        html.table(header(), rows());
        html.figure(Figures.write(folder, "dead-per-layer", perLayer("Dead units per hidden layer (mean over networks)",
                "dead fraction", Run::deadFractionPerLayer)), "Dead fraction of each hidden layer on the 1000 "
                + "training rows after training");
        html.figure(Figures.write(folder, "distinct-per-layer", perLayer("Distinct units per hidden layer",
                "distinct units", r -> java.util.Arrays.stream(r.distinctUnitsPerLayer()).asDoubleStream().toArray())),
                "Distinct units per hidden layer: 1 means the symmetry never broke");
        html.link("summary.json", "summary.json").link("runs.csv", "runs.csv (one row per network)");
        html.write(folder);
        return html;
    }
}
