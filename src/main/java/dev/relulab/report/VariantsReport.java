package dev.relulab.report;

import dev.relulab.experiments.VariantsExperiment.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToIntFunction;
import org.knowm.xchart.XYChart;

/**
 * The figures and files of a variants run beside its summary.json: dead units and validation accuracy per epoch per
 * variant, test accuracy, report.html.
 */
public final class VariantsReport {
    private final Map<String, List<Run>> byActivation = new LinkedHashMap<>();

    public VariantsReport(List<Run> runs) {
        for (Run r : runs) byActivation.computeIfAbsent(r.activation(), k -> new ArrayList<>()).add(r);
    }

    /** Mean dead units of hidden layer {@code layer} after each epoch, one line per variant. */
    public XYChart deadPerEpoch(int layer) {
        XYChart c = perEpoch(Charts.xy("Dead units of hidden layer " + (layer + 1) + " per epoch", "epoch",
                "dead units (mean over networks)"), r -> r.deadUnitsPerEpoch().length,
                (r, ep) -> r.deadUnitsPerEpoch()[ep][layer]);
        double top = c.getSeriesMap().values().stream()
                .flatMapToDouble(sr -> java.util.Arrays.stream(sr.getYData())).max().orElse(0);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(Math.ceil(Math.max(1, top) * 1.1));
        return c;
    }

    /** Mean validation (test-set) accuracy after each epoch, one line per variant: the notebook's training curves. */
    public XYChart validationAccuracyPerEpoch() {
        XYChart c = perEpoch(Charts.xy("Validation accuracy during training", "epoch",
                "validation accuracy (mean over networks)"), r -> r.validationAccuracyPerEpoch().length,
                (r, ep) -> r.validationAccuracyPerEpoch()[ep]);
        c.getStyler().setYAxisMax(1.0);
        return c;
    }

    /** One line per variant on {@code c}: the mean of {@code value} over its networks at epochs 1, 2, ... */
    private XYChart perEpoch(XYChart c, ToIntFunction<Run> epochs, ToDoubleBiFunction<Run, Integer> value) {
        int k = 0;
        for (Map.Entry<String, List<Run>> e : byActivation.entrySet()) {
            int n = epochs.applyAsInt(e.getValue().get(0));
            double[] x = new double[n];
            for (int ep = 0; ep < n; ep++) x[ep] = ep + 1;
            Charts.line(c, e.getKey(), x, Charts.meanPerEpoch(e.getValue(), n, value), k++)
                    .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return c;
    }

    /** Test accuracy of every network, one column of points per variant (x = the variant's index). */
    public XYChart accuracy() {
        XYChart c = Charts.xy("Test accuracy per variant (x: " + String.join(", ", byActivation.keySet()) + ")",
                "variant", "test accuracy");
        int k = 0;
        for (Map.Entry<String, List<Run>> e : byActivation.entrySet()) {
            List<Run> rs = e.getValue();
            double[] x = new double[rs.size()], y = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                x[i] = k + 1;
                y[i] = rs.get(i).testAccuracy();
            }
            Charts.points(c, e.getKey(), x, y, k++);
        }
        return c;
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
        html.figure(Figures.write(folder, "dead-per-epoch-l1", deadPerEpoch(0)), "Dead units of the first hidden "
                + "layer (64 units) after each epoch, on 100 training rows");
        html.figure(Figures.write(folder, "validation-accuracy", validationAccuracyPerEpoch()), "Validation (test-set) "
                + "accuracy after each epoch, mean over networks");
        html.figure(Figures.write(folder, "test-accuracy", accuracy()), "Test accuracy of every network");
        html.link("summary.json", "summary.json").link("epochs.csv", "epochs.csv (dead units per layer and validation "
                + "accuracy per epoch)");
        html.write(folder);
        return html;
    }
}
