package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.Quantiles;
import dev.relulab.experiments.VanishingExperiment;
import dev.relulab.experiments.VanishingExperiment.Run;
import dev.relulab.experiments.VanishingExperiment.Setup;
import dev.relulab.metrics.Spread;
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
 * The outputs of a vanishing run: weight-gradient norms per layer at initialisation and per epoch (mean over the
 * ensemble's networks), their distributions, summary.json, CSVs, a figure of one panel per setup and report.html.
 */
public final class VanishingReport {
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

    /** Norm at initialisation against the layer, one line per setup with its range over networks (log scale). */
    public Figure initNorms() {
        Plot p = new Plot(null, Axis.categories("layer", layerNames()),
                Axis.log("||dW|| at the first step (Frobenius norm)"));
        int i = 0;
        for (Map.Entry<Setup, List<Run>> e : bySetup.entrySet()) {
            double[] x = new double[layers], y = new double[layers], lo = new double[layers], hi = new double[layers];
            for (int l = 0; l < layers; l++) {
                final int ll = l;
                Spread s = Spread.of(e.getValue().stream().mapToDouble(r -> r.initNorm()[ll]).toArray());
                x[l] = l;
                y[l] = s.mean();
                lo[l] = s.min();
                hi[l] = s.max();
            }
            p.band(e.getKey().label() + " range", i, x, lo, hi).unlisted();
            p.line(e.getKey().label(), i++, x, y).markers();
        }
        return new Figure("Weight-gradient norm per layer at initialisation").add(p).grid(1, 1000, 520)
                .note("Lines: mean over each setup's " + exp.networks + " networks; bands: their range (min to max).");
    }

    /** One panel per setup, every panel on the same log scale: the norm per layer over training. */
    public Figure overEpochs() {
        Figure f = new Figure("||dW|| per layer over training, one panel per setup (one y scale)")
                .grid(3, 1200, 330).sharedY().note("Epoch 0 is the first step, at initialisation; later points are "
                        + "epoch means. Lines: mean over the networks; bands: their range.");
        for (Setup s : bySetup.keySet()) f.add(overEpochs(s));
        return f;
    }

    private Plot overEpochs(Setup s) {
        List<Run> rs = bySetup.get(s);
        Plot p = new Plot(s.label(), Axis.linear("epoch").integer().exact(), Axis.log("||dW||"));
        int epochs = rs.get(0).normPerEpoch().length;
        double[] x = Curves.range(0, epochs + 1);
        for (int l = 0; l < layers; l++) {
            final int ll = l;
            double[] y = new double[epochs + 1], lo = new double[epochs + 1], hi = new double[epochs + 1];
            for (int e = 0; e <= epochs; e++) {
                final int ee = e;
                Spread sp = Spread.of(rs.stream().mapToDouble(r -> ee == 0 ? r.initNorm()[ll]
                        : r.normPerEpoch()[ee - 1][ll]).toArray());
                y[e] = sp.mean();
                lo[e] = sp.min();
                hi[e] = sp.max();
            }
            String name = layerNames().get(l);
            p.band(name + " range", l, x, lo, hi).unlisted();
            p.line(name, l, x, y);
        }
        return p;
    }

    private List<String> layerNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l < layers; l++) names.add("layer " + l);
        names.add("output");
        return names;
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
        html.figure(Figures.write(folder, "grad-panels", overEpochs()), "One panel per setup: ||dW|| per layer over "
                + "training, all panels on one log scale");
        html.link("summary.json", "summary.json").link("grad-norms.csv", "grad-norms.csv (per network, epoch, layer)")
                .link("grad-quantiles.csv", "grad-quantiles.csv (distribution of dW at the first and last step)");
        html.write(folder);
        return html;
    }
}
