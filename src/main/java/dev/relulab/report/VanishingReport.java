package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.Quantiles;
import dev.relulab.experiments.VanishingExperiment;
import dev.relulab.experiments.VanishingExperiment.Run;
import dev.relulab.experiments.VanishingExperiment.Setup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The outputs of a vanishing run: weight-gradient norms per layer at initialisation and per epoch (mean over the
 * ensemble's networks), their distributions, summary.json, CSVs, one figure per setup and report.html.
 */
public final class VanishingReport {
    /** Log axes cannot show 0: a norm that underflowed is drawn at this floor (the CSV keeps the real value). */
    private static final double LOG_FLOOR = 1e-30;
    private final VanishingExperiment exp;
    private final Map<Setup, List<Run>> bySetup = new LinkedHashMap<>();
    private final int layers;

    public VanishingReport(VanishingExperiment exp, List<Run> runs) {
        this.exp = exp;
        for (Run r : runs) bySetup.computeIfAbsent(r.setup(), k -> new ArrayList<>()).add(r);
        this.layers = runs.get(0).initNorm().length;
    }

    private static double mean(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    public String[] header() {
        List<String> h = new ArrayList<>(List.of("setup"));
        for (int l = 1; l <= layers; l++) h.add((l == layers ? "out" : "L" + l) + " init");
        for (int l = 1; l <= layers; l++) h.add((l == layers ? "out" : "L" + l) + " last ep");
        h.add("test acc");
        return h.toArray(new String[0]);
    }

    /** Per setup: mean dW norm per layer at initialisation and over the last epoch, and test accuracy. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<Setup, List<Run>> e : bySetup.entrySet()) {
            List<String> c = new ArrayList<>(List.of(e.getKey().label()));
            for (int l = 0; l < layers; l++) {
                final int ll = l;
                c.add(String.format(Locale.ROOT, "%.2e", mean(e.getValue(), r -> r.initNorm()[ll])));
            }
            for (int l = 0; l < layers; l++) {
                final int ll = l;
                c.add(String.format(Locale.ROOT, "%.2e",
                        mean(e.getValue(), r -> r.normPerEpoch()[r.normPerEpoch().length - 1][ll])));
            }
            c.add(String.format(Locale.ROOT, "%.3f", mean(e.getValue(), Run::testAccuracy)));
            rows.add(c.toArray(new String[0]));
        }
        return rows;
    }

    /** The experiment's keys of summary.json (after the provenance header). */
    public ObjectNode summary() {
        ObjectNode root = Json.object();
        ObjectNode cfg = root.putObject("config");
        cfg.put("data", "ball (1000 points, 10 dims; test: seed + 1)");
        cfg.put("depth", exp.depth);
        cfg.put("width", exp.width);
        cfg.put("loss", "bce");
        cfg.put("optimizer", "sgd");
        cfg.put("lr", exp.lr);
        cfg.put("epochs", exp.epochs);
        cfg.put("batch", exp.batch);
        cfg.put("networks_per_setup", exp.networks);
        cfg.put("seed", exp.seed);
        long all = bySetup.values().stream().mapToLong(List::size).sum();
        long diverged = bySetup.values().stream().flatMap(List::stream).filter(Run::diverged).count();
        root.put("diverged_fraction", diverged / (double) all);
        ArrayNode runs = root.putArray("runs");
        for (List<Run> rs : bySetup.values()) {
            for (Run r : rs) {
                ObjectNode o = runs.addObject();
                o.put("activation", r.setup().activation().cliName());
                o.put("init", r.setup().init().toString());
                o.put("network", r.network());
                o.set("grad_norm_init_per_layer", Json.array(r.initNorm()));
                ArrayNode pe = o.putArray("grad_norm_per_epoch_per_layer");
                for (double[] e : r.normPerEpoch()) pe.add(Json.array(e));
                o.set("grad_quantiles_init_per_layer", quantiles(r.initQuantiles()));
                o.set("grad_quantiles_end_per_layer", quantiles(r.endQuantiles()));
                o.put("test_accuracy", r.testAccuracy());
                o.put("final_train_loss", r.finalTrainLoss());
                o.put("diverged", r.diverged());
            }
        }
        return root;
    }

    private static ArrayNode quantiles(Quantiles[] qs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Quantiles q : qs) a.add(Json.MAPPER.valueToTree(q));
        return a;
    }

    /** One row per network, epoch (0 = the first step, at initialisation) and layer. */
    public String normsCsv() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Run> rs : bySetup.values()) {
            for (Run r : rs) {
                for (int e = 0; e <= r.normPerEpoch().length; e++) {
                    for (int l = 0; l < layers; l++) {
                        double v = e == 0 ? r.initNorm()[l] : r.normPerEpoch()[e - 1][l];
                        rows.add(List.of(r.setup().activation().cliName(), r.setup().init().toString(), r.network(), e,
                                l + 1, v));
                    }
                }
            }
        }
        return Csv.of(List.of("activation", "init", "network", "epoch", "layer", "grad_norm"), rows);
    }

    /** Percentiles of dW at the first and the last step, one row per network, layer and moment. */
    public String quantilesCsv() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Run> rs : bySetup.values()) {
            for (Run r : rs) {
                for (int l = 0; l < layers; l++) {
                    for (String when : new String[] {"init", "end"}) {
                        Quantiles q = when.equals("init") ? r.initQuantiles()[l] : r.endQuantiles()[l];
                        rows.add(List.of(r.setup().activation().cliName(), r.setup().init().toString(), r.network(),
                                l + 1, when, q.p01(), q.p25(), q.p50(), q.p75(), q.p99(), q.meanAbs()));
                    }
                }
            }
        }
        return Csv.of(List.of("activation", "init", "network", "layer", "when", "p01", "p25", "p50", "p75", "p99",
                "mean_abs"), rows);
    }

    /** Norm at initialisation against the layer, one line per setup (log scale). */
    public XYChart initNorms() {
        XYChart c = Charts.xy("Weight-gradient norm per layer at initialisation", "layer (" + layers + " = output)",
                "||dW|| (mean over networks)", 900, 550);
        c.getStyler().setYAxisLogarithmic(true);
        double[] x = new double[layers];
        for (int l = 0; l < layers; l++) x[l] = l + 1;
        int i = 0;
        for (Map.Entry<Setup, List<Run>> e : bySetup.entrySet()) {
            double[] y = new double[layers];
            for (int l = 0; l < layers; l++) {
                final int ll = l;
                y[l] = floor(mean(e.getValue(), r -> r.initNorm()[ll]));
            }
            Charts.line(c, e.getKey().label(), x, y, i++);
        }
        return c;
    }

    /** One setup: norm per layer over training, epoch 0 the first step (log scale). */
    public XYChart overEpochs(Setup s) {
        List<Run> rs = bySetup.get(s);
        XYChart c = Charts.xy("||dW|| per layer: " + s.label(), "epoch (0 = initialisation, else epoch mean)",
                "||dW|| (mean over networks)", 640, 400);
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        int epochs = rs.get(0).normPerEpoch().length;
        double[] x = new double[epochs + 1];
        for (int e = 0; e <= epochs; e++) x[e] = e;
        for (int l = 0; l < layers; l++) {
            final int ll = l;
            double[] y = new double[epochs + 1];
            y[0] = floor(mean(rs, r -> r.initNorm()[ll]));
            for (int e = 1; e <= epochs; e++) {
                final int ee = e - 1;
                y[e] = floor(mean(rs, r -> r.normPerEpoch()[ee][ll]));
            }
            Charts.line(c, l + 1 == layers ? "output" : "layer " + (l + 1), x, y, l)
                    .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            for (double v : y) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // XChart labels a log axis only at powers of ten: within a decade or so a linear axis says more.
        c.getStyler().setYAxisLogarithmic(hi > 20 * lo);
        return c;
    }

    private static double floor(double v) {
        return Double.isFinite(v) ? Math.max(v, LOG_FLOOR) : LOG_FLOOR;
    }

    public HtmlReport write(OutputFolder folder, Provenance p) throws IOException {
        ObjectNode summary = SummaryJson.build(p, summary());
        folder.write("summary.json", w -> Json.MAPPER.writeValue(w, summary));
        folder.write("grad-norms.csv", w -> w.write(normsCsv()));
        folder.write("grad-quantiles.csv", w -> w.write(quantilesCsv()));
        HtmlReport html = new HtmlReport("relulab vanishing: weight gradients per layer");
        html.paragraph(String.format(Locale.ROOT, "Ball data (1000 points, 10 dimensions), 10 -> %d x %d -> 1 sigmoid, "
                        + "bce, SGD lr %s, batch %d, %d epochs, %d networks per setup, engine %s, %.1f s. Cells: mean "
                        + "||dW|| over the networks at the first step (init) and over the last epoch.", exp.depth,
                exp.width, exp.lr, exp.batch, exp.epochs, exp.networks, summary.get("engine").asText(),
                summary.get("seconds").asDouble()));
        html.table(header(), rows());
        html.figure(Figures.write(folder, "grad-norm-init", initNorms()), "Gradient norm per layer at initialisation");
        List<XYChart> panels = new ArrayList<>();
        for (Setup s : bySetup.keySet()) panels.add(overEpochs(s));
        html.image(Figures.writePanels(folder, "grad-panels", panels, 3), "One panel per setup: ||dW|| per layer "
                + "over training (each panel also as its own PNG and SVG below)");
        int k = 0;
        for (Setup s : bySetup.keySet()) {
            html.figure(Figures.write(folder, "grad-" + s.stem(), panels.get(k++)), s.label());
        }
        html.link("grad-panels.svg", "grad-panels.svg (all panels, vector)")
                .link("summary.json", "summary.json").link("grad-norms.csv", "grad-norms.csv (per network, epoch, layer)")
                .link("grad-quantiles.csv", "grad-quantiles.csv (distribution of dW at the first and last step)");
        html.write(folder);
        return html;
    }
}
