package dev.relulab.report;

import dev.relulab.experiments.VariantsExperiment;
import dev.relulab.experiments.VariantsExperiment.Run;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToIntFunction;

/**
 * The figures and files of a variants run beside its summary.json: dead units and validation accuracy per epoch per
 * variant, test accuracy, report.html.
 */
public final class VariantsReport {
    private final Map<String, List<Run>> byActivation = new LinkedHashMap<>();
    private final int[] hidden;

    /** The report of {@code runs}, networks with hidden layers of {@code hidden} units. */
    public VariantsReport(List<Run> runs, int[] hidden) {
        this.hidden = hidden.clone();
        for (Run r : runs) byActivation.computeIfAbsent(r.activation(), k -> new ArrayList<>()).add(r);
    }

    /** Dead fraction of every hidden layer after each epoch: one panel per layer on one y scale, a band per variant. */
    public Figure deadPerEpoch(int[] widths) {
        Figure f = new Figure("Dead units per epoch (fraction of each hidden layer, on " + VariantsExperiment.PROBE_ROWS
                + " training rows)").grid(widths.length, widths.length == 1 ? Figure.WIDTH : 1100, Figure.PANEL_HEIGHT)
                .sharedY().note(bandsNote() + (noneDead() ? " No unit of any variant was dead after any epoch: every line lies"
                        + " on 0." : ""));
        for (int h = 0; h < widths.length; h++) {
            final int layer = h;
            f.add(perEpoch(new Plot("hidden layer " + (h + 1) + " (" + widths[h] + " units)",
                    Axis.linear("epoch").integer().exact(), Axis.linear("dead fraction").including(0).including(0.1)),
                    r -> r.deadUnitsPerEpoch().length,
                    (r, ep) -> r.deadUnitsPerEpoch()[ep][layer] / (double) widths[layer]));
        }
        return f;
    }

    private boolean noneDead() {
        for (List<Run> rs : byActivation.values()) {
            for (Run r : rs) for (int[] epoch : r.deadUnitsPerEpoch()) for (int d : epoch) if (d != 0) return false;
        }
        return true;
    }

    /** Mean validation (test-set) accuracy after each epoch with its band, one line per variant. */
    public Figure validationAccuracyPerEpoch() {
        return Figure.of(perEpoch(new Plot("Validation accuracy during training", Axis.linear("epoch").integer().exact(),
                Axis.linear("validation accuracy (fraction)")), r -> r.validationAccuracyPerEpoch().length,
                (r, ep) -> r.validationAccuracyPerEpoch()[ep])).note(bandsNote());
    }

    private String bandsNote() {
        int n = byActivation.values().iterator().next().size();
        return n == 1 ? "One network per variant (no band; --networks N for more)." : "Lines: mean over each variant's " + n + " networks; bands: "
                + "95% t intervals of the mean.";
    }

    /** A line and its 95% band per variant on {@code p}: the mean of {@code value} over its networks at epochs 1, 2, ... */
    private Plot perEpoch(Plot p, ToIntFunction<Run> epochs, ToDoubleBiFunction<Run, Integer> value) {
        int k = 0;
        for (Map.Entry<String, List<Run>> e : byActivation.entrySet()) {
            int n = epochs.applyAsInt(e.getValue().get(0));
            Curves.lineWithBand(p, e.getKey(), k++, Curves.range(1, n), Curves.meanFractionPer(e.getValue(), n, value));
        }
        return p;
    }

    /** Test accuracy per variant: every network's as a faint point, and the mean with its 95% interval. */
    public Figure accuracy() {
        List<String> names = new ArrayList<>(byActivation.keySet());
        Plot p = new Plot("Test accuracy per variant", Axis.categories("activation", names),
                Axis.linear("test accuracy (fraction)"));
        int k = 0;
        for (List<Run> rs : byActivation.values()) Curves.meanAndPoints(p, names.get(k), k++, rs, Run::testAccuracy);
        int n = byActivation.values().iterator().next().size();
        return Figure.of(p).note(n == 1 ? "One network per variant (no interval; --networks N for more)."
                : "Marks: mean over each variant's " + n + " networks with its 95% t interval; faint points: each network.");
    }

    /** One row per network and epoch: dead units of every hidden layer, then the validation accuracy. */
    public String epochsCsv() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Run> rs : byActivation.values()) {
            for (Run r : rs) {
                for (int ep = 0; ep < r.deadUnitsPerEpoch().length; ep++) {
                    StringBuilder dead = new StringBuilder();
                    for (int d : r.deadUnitsPerEpoch()[ep]) dead.append(dead.length() == 0 ? "" : " ").append(d);
                    rows.add(List.of(r.activation(), r.network(), ep + 1, dead.toString(),
                            r.validationAccuracyPerEpoch()[ep], r.diverged() ? 1 : 0));
                }
            }
        }
        return Csv.of(List.of("activation", "network", "epoch", "dead_units_per_layer", "validation_accuracy",
                "diverged"), rows);
    }

    /** The experiment's keys of summary.json (after the provenance header). */
    public static com.fasterxml.jackson.databind.node.ObjectNode summary(dev.relulab.experiments.VariantsExperiment x,
                                                                         int trainRows, int testRows, List<Run> runs) {
        var root = Json.object();
        var cfg = root.putObject("config");
        cfg.put("seed", x.seed);
        cfg.put("networks", x.networks);
        cfg.put("epochs", x.epochs);
        cfg.put("batch", x.batch);
        cfg.put("lr", x.lr);
        cfg.put("optimizer", "adam");
        cfg.set("hidden", Json.MAPPER.valueToTree(x.hidden));
        cfg.put("probe_rows", dev.relulab.experiments.VariantsExperiment.PROBE_ROWS);
        cfg.put("train_rows", trainRows);
        cfg.put("test_rows", testRows);
        root.put("diverged_fraction", runs.stream().filter(Run::diverged).count() / (double) runs.size());
        var json = root.putArray("runs");
        for (Run r : runs) {
            var m = json.addObject();
            m.put("activation", r.activation());
            m.put("alpha", r.alpha());
            m.put("network", r.network());
            m.set("dead_units_first_layer", Json.MAPPER.valueToTree(r.deadUnitsFirstLayer()));
            m.set("dead_units_per_layer_per_epoch", Json.MAPPER.valueToTree(r.deadUnitsPerEpoch()));
            m.set("validation_accuracy_per_epoch", Json.array(r.validationAccuracyPerEpoch()));
            m.put("test_accuracy", r.testAccuracy());
            m.put("test_loss", r.testLoss());
            m.put("final_train_loss", r.finalTrainLoss());
            m.put("diverged", r.diverged());
        }
        return root;
    }

    /** Writes summary.json, epochs.csv, the figures and report.html. */
    public HtmlReport write(OutputFolder folder, Provenance p, com.fasterxml.jackson.databind.node.ObjectNode summary,
                            String description, String[] header, List<String[]> rows) throws IOException {
        SummaryJson.write(folder, p, summary);
        folder.write("epochs.csv", w -> w.write(epochsCsv()));
        HtmlReport html = new HtmlReport("relulab variants: the ReLU family on make_classification data");
        html.paragraph(description);
        html.table(header, rows);
        html.figure(Figures.write(folder, "dead-per-epoch", deadPerEpoch(hidden)), "Dead fraction of each hidden "
                + "layer after each epoch, on the first " + VariantsExperiment.PROBE_ROWS + " training rows");
        html.figure(Figures.write(folder, "validation-accuracy", validationAccuracyPerEpoch()), "Validation (test-set) "
                + "accuracy after each epoch");
        html.figure(Figures.write(folder, "test-accuracy", accuracy()), "Test accuracy per variant");
        html.link("summary.json", "summary.json").link("epochs.csv", "epochs.csv (dead units per layer and validation "
                + "accuracy per epoch)");
        html.write(folder);
        return html;
    }
}
