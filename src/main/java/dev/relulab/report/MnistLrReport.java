package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.MnistLrExperiment;
import dev.relulab.experiments.MnistLrExperiment.Run;
import dev.relulab.experiments.NotebookFigures;
import dev.relulab.metrics.Spread;
import dev.relulab.metrics.Proportion;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

/**
 * The outputs of an mnist-lr run: per rate the mean and spread over seeds of each layer's dead percentage and of the
 * validation accuracy next to the notebook's figures, summary.json, runs.csv, epochs.csv, figures and report.html.
 */
public final class MnistLrReport {
    private final MnistLrExperiment exp;
    private final List<Run> runs;
    private final int layers;

    public MnistLrReport(MnistLrExperiment exp, List<Run> runs) {
        this.exp = exp;
        this.runs = runs;
        this.layers = runs.get(0).deadFraction().length;
    }

    /** Runs trained at {@code lr}. */
    private List<Run> at(float lr) {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) if (r.lr() == lr) out.add(r);
        return out;
    }

    private Spread deadSpread(float lr, int h) {
        return Spread.of(at(lr).stream().mapToDouble(r -> 100 * r.deadFraction()[h]).toArray());
    }

    private Spread accuracySpread(float lr) {
        return Spread.of(at(lr).stream().mapToDouble(r -> 100 * r.valAccuracy()).toArray());
    }

    public String[] header() {
        List<String> h = new ArrayList<>(List.of("lr", "seeds"));
        for (int l = 1; l <= layers; l++) h.add("dead L" + l + " %");
        h.add("val acc %");
        h.add("diverged");
        h.add("notebook dead %");
        h.add("notebook acc %");
        return h.toArray(new String[0]);
    }

    /** One row per rate: mean ± sample std [min, max] over seeds, then the notebook's figures. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (float lr : exp.rates) {
            List<String> c = new ArrayList<>(List.of(Float.toString(lr), Integer.toString(at(lr).size())));
            for (int h = 0; h < layers; h++) c.add(format(deadSpread(lr, h)));
            c.add(format(accuracySpread(lr)));
            c.add(Long.toString(at(lr).stream().filter(Run::diverged).count()));
            NotebookFigures.Row nb = NotebookFigures.of(lr);
            c.add(nb == null ? "-" : join(nb.deadPercent()));
            c.add(nb == null ? "-" : String.format(Locale.ROOT, "%.2f", nb.accuracyPercent())
                    + (nb.note().isEmpty() ? "" : " (" + nb.note() + ")"));
            rows.add(c.toArray(new String[0]));
        }
        return rows;
    }

    private static String format(Spread s) {
        if (s.n() == 0) return "nan";
        if (s.n() == 1) return String.format(Locale.ROOT, "%.2f", s.mean());
        return String.format(Locale.ROOT, "%.2f ± %.2f [%.2f, %.2f]", s.mean(), s.std(), s.min(), s.max());
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", x));
        return b.toString();
    }

    /** summary.json with experiment, engine, seconds, config, per-rate aggregates and one entry per run. */
    public ObjectNode summary(String data, int trainRows, int validationRows) {
        ObjectNode root = Json.object();
        ObjectNode cfg = root.putObject("config");
        cfg.put("data", data);
        cfg.put("train_rows", trainRows);
        cfg.put("validation_rows", validationRows);
        cfg.put("probe_rows", Math.min(MnistLrExperiment.PROBE_ROWS, trainRows));
        cfg.set("rates", floats(exp.rates));
        cfg.put("seeds_per_rate", exp.seeds);
        cfg.put("epochs", exp.epochs);
        cfg.put("batch", exp.batch);
        cfg.put("seed", exp.seed);
        cfg.put("optimizer", "adam");
        cfg.set("hidden", Json.MAPPER.valueToTree(exp.hidden));
        ArrayNode perRate = root.putArray("rates");
        for (float lr : exp.rates) {
            ObjectNode o = perRate.addObject();
            o.put("lr", lr);
            ArrayNode dead = o.putArray("dead_fraction_per_layer");
            for (int h = 0; h < layers; h++) dead.add(spread(deadSpread(lr, h), 0.01));
            o.set("validation_accuracy", spread(accuracySpread(lr), 0.01));
            NotebookFigures.Row nb = NotebookFigures.of(lr);
            if (nb != null) {
                ObjectNode n = o.putObject("notebook");
                n.set("dead_percent_per_layer", Json.array(nb.deadPercent()));
                n.put("validation_accuracy_percent", nb.accuracyPercent());
                n.put("note", nb.note());
            }
        }
        root.put("diverged_fraction", runs.stream().filter(Run::diverged).count() / (double) runs.size());
        ArrayNode rs = root.putArray("runs");
        for (Run r : runs) {
            ObjectNode o = rs.addObject();
            o.put("lr", r.lr());
            o.put("seed", r.seed());
            o.put("network", r.network());
            o.set("dead_fraction_per_layer", Json.array(r.deadFraction()));
            o.set("validation_accuracy_per_epoch", Json.array(r.valAccuracyPerEpoch()));
            o.put("validation_accuracy", r.valAccuracy());
            o.put("validation_loss", r.valLoss());
            o.put("final_train_loss", r.finalTrainLoss());
            o.put("diverged", r.diverged());
        }
        return root;
    }

    private static ObjectNode spread(Spread s, double scale) {
        ObjectNode o = Json.object();
        o.put("mean", s.mean() * scale);
        o.put("std", s.std() * scale);
        o.put("min", s.min() * scale);
        o.put("max", s.max() * scale);
        return o;
    }

    private static ArrayNode floats(float[] v) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (float x : v) a.add(x);
        return a;
    }

    public String runsCsv() {
        StringBuilder b = new StringBuilder("lr,seed,network");
        for (int h = 1; h <= layers; h++) b.append(",dead_fraction_l").append(h);
        b.append(",validation_accuracy,validation_loss,final_train_loss,diverged\n");
        for (Run r : runs) {
            b.append(r.lr()).append(',').append(r.seed()).append(',').append(r.network());
            for (double d : r.deadFraction()) b.append(',').append(d);
            b.append(',').append(r.valAccuracy()).append(',').append(r.valLoss()).append(',')
                    .append(r.finalTrainLoss()).append(',').append(r.diverged() ? 1 : 0).append('\n');
        }
        return b.toString();
    }

    /** Dead fraction per hidden layer after each epoch (epoch 0 = initialisation), one row per network and epoch. */
    public String epochsCsv() {
        StringBuilder b = new StringBuilder("lr,seed,network,epoch");
        for (int h = 1; h <= layers; h++) b.append(",dead_fraction_l").append(h);
        b.append(",validation_accuracy\n");
        for (Run r : runs) {
            for (int e = 0; e < r.deadFractionPerEpoch().length; e++) {
                b.append(r.lr()).append(',').append(r.seed()).append(',').append(r.network()).append(',').append(e);
                for (double d : r.deadFractionPerEpoch()[e]) b.append(',').append(d);
                b.append(',');
                if (e >= 1 && e <= r.valAccuracyPerEpoch().length) b.append(r.valAccuracyPerEpoch()[e - 1]);
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Mean dead percent per layer against the rate (log axis, a tick at every rate), with the seeds' range. */
    public Figure deadAgainstRate() {
        Plot p = new Plot("Dead ReLU units after training (MNIST, Adam)", rateAxis(),
                Axis.linear("dead units, % of the layer").range(0, 100));
        double[] x = rates();
        for (int h = 0; h < layers; h++) {
            double[] mean = new double[x.length], lo = new double[x.length], hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Spread s = deadSpread(exp.rates[i], h);
                mean[i] = s.mean();
                lo[i] = s.min();
                hi[i] = s.max();
            }
            p.band("layer " + (h + 1) + " range", h, x, lo, hi).unlisted();
            p.line("layer " + (h + 1) + " (" + exp.hidden[h] + " units)", h, x, mean).markers();
        }
        return Figure.of(p).note(seedsNote());
    }

    /** Validation accuracy of every run against the rate, with the mean over seeds. */
    public Figure accuracyAgainstRate() {
        Plot p = new Plot("Validation accuracy after training", rateAxis(),
                Axis.linear("validation accuracy (%)").range(0, 100));
        double[] x = rates(), mean = new double[x.length], lo = new double[x.length], hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Spread s = accuracySpread(exp.rates[i]);
            mean[i] = s.mean();
            lo[i] = s.min();
            hi[i] = s.max();
        }
        double[] rx = new double[runs.size()], ry = new double[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
            rx[k] = runs.get(k).lr();
            ry[k] = 100 * runs.get(k).valAccuracy();
        }
        p.band("range", 0, x, lo, hi).unlisted();
        p.points("each seed", 0, rx, ry);
        p.line("mean over seeds", 0, x, mean).markers();
        return Figure.of(p).note(seedsNote());
    }

    /** Dead percent of every hidden layer after each epoch: a panel per layer on one scale, a line per rate. */
    public Figure deadPerEpoch() {
        Figure f = new Figure("Dead units per epoch (MNIST, Adam; % of each hidden layer)")
                .grid(layers, 1200, 400).sharedY().note(seedsNote() + " Epoch 0 is initialisation.");
        int epochs = runs.get(0).deadFractionPerEpoch().length;
        for (int h = 0; h < layers; h++) {
            final int layer = h;
            f.add(perEpoch(new Plot("hidden layer " + (h + 1) + " (" + exp.hidden[h] + " units)",
                    Axis.linear("epoch").integer().exact(), Axis.linear("dead units (%)").range(0, 100)), 0, epochs,
                    (r, ep) -> 100 * r.deadFractionPerEpoch()[ep][layer]));
        }
        return f;
    }

    /**
     * Layer death over training: per hidden layer a panel, per rate the fraction of its seeds whose layer was
     * entirely dead (on the probe images) at some probe up to each epoch, with its Wilson band.
     */
    public Figure layersDeadByEpoch() {
        int epochs = runs.get(0).deadFractionPerEpoch().length - 1;
        Figure f = new Figure("Layers entirely dead by each epoch (MNIST, Adam)").grid(layers, 1200, 400).sharedY()
                .note("Steps: the fraction of each rate's " + exp.seeds + " seeds whose layer was entirely dead (on the "
                        + "probe images) at some probe up to the epoch; bars: 95% Wilson intervals, drawn a little apart "
                        + "per rate.");
        for (int h = 0; h < layers; h++) {
            Plot p = new Plot("hidden layer " + (h + 1) + " (" + exp.hidden[h] + " units)", Curves.epochAxis(epochs),
                    Axis.linear("dead by then, fraction of seeds").range(0, 1));
            for (int i = 0; i < exp.rates.length; i++) {
                List<Run> at = new ArrayList<>();
                for (Run r : runs) if (r.lr() == exp.rates[i]) at.add(r);
                double[] x = Curves.range(0, epochs + 1), y = new double[epochs + 1], lo = new double[epochs + 1],
                        hi = new double[epochs + 1], bar = new double[epochs + 1];
                for (int e = 0; e <= epochs; e++) {
                    long by = 0;
                    for (Run r : at) if (deathEpoch(r, h) <= e) by++;
                    Proportion pr = new Proportion(by, at.size());
                    y[e] = pr.fraction;
                    lo[e] = pr.low;
                    hi[e] = pr.high;
                    bar[e] = e + 0.06 * (i - (exp.rates.length - 1) / 2.0);
                }
                p.step("lr " + exp.rates[i], i, x, y);
                p.intervals("lr " + exp.rates[i] + " 95% CI", i, bar, y, lo, hi).unlisted();
            }
            f.add(p);
        }
        return f;
    }

    /** The first probe (0: initialisation) at which every unit of layer h was dead; infinite when none. */
    static double deathEpoch(Run r, int h) {
        double[][] d = r.deadFractionPerEpoch();
        for (int e = 0; e < d.length; e++) if (d[e][h] == 1.0) return e;
        return Double.POSITIVE_INFINITY;
    }

    /** Mean validation accuracy after each epoch, one line per rate (the Keras history's val_accuracy). */
    public Figure accuracyPerEpoch() {
        return Figure.of(perEpoch(new Plot("Validation accuracy during training", Axis.linear("epoch").integer()
                .exact(), Axis.linear("validation accuracy (%)").range(0, 100)), 1,
                runs.get(0).valAccuracyPerEpoch().length, (r, ep) -> 100 * r.valAccuracyPerEpoch()[ep]))
                .note(seedsNote());
    }

    /** One line per rate on {@code p}: the mean over seeds of {@code value} at epochs first, first + 1, ..., and their range. */
    private Plot perEpoch(Plot p, int first, int epochs, ToDoubleBiFunction<Run, Integer> value) {
        double[] x = Curves.range(first, epochs);
        for (int i = 0; i < exp.rates.length; i++) {
            List<Run> rs = at(exp.rates[i]);
            double[] mean = new double[epochs], lo = new double[epochs], hi = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                final int ep = e;
                Spread s = Spread.of(rs.stream().mapToDouble(r -> value.applyAsDouble(r, ep)).toArray());
                mean[e] = s.mean();
                lo[e] = s.min();
                hi[e] = s.max();
            }
            p.band("lr " + exp.rates[i] + " range", i, x, lo, hi).unlisted();
            p.line("lr " + exp.rates[i], i, x, mean).markers();
        }
        return p;
    }

    private String seedsNote() {
        return exp.seeds == 1 ? "One seed per rate (no band)."
                : "Lines: mean over the " + exp.seeds + " seeds of each rate; bands: their range (min to max).";
    }

    private Axis rateAxis() {
        return Axis.log("learning rate").ticks(rates());
    }

    private double[] rates() {
        double[] x = new double[exp.rates.length];
        for (int i = 0; i < x.length; i++) x[i] = exp.rates[i];
        return x;
    }

    /** Writes every file of the run into {@code folder}; returns the report (for tests to check its links). */
    public HtmlReport write(OutputFolder folder, Provenance p, ObjectNode body) throws IOException {
        ObjectNode summary = SummaryJson.build(p, body);
        folder.write("summary.json", w -> Json.MAPPER.writeValue(w, summary));
        folder.write("runs.csv", w -> w.write(runsCsv()));
        folder.write("epochs.csv", w -> w.write(epochsCsv()));
        HtmlReport html = new HtmlReport("relulab mnist-lr: dead ReLU units against the learning rate");
        html.paragraph(String.format(Locale.ROOT, "784-%s-10 ReLU, softmax + cce, Adam, %d epochs, batch %d, %d seeds "
                        + "per rate; engine %s; %.1f s. Dead units on the first %d training images; the last 20%% of "
                        + "the training images are the validation set. Cells: mean ± std [min, max] over seeds.",
                join(exp.hidden), exp.epochs, exp.batch, exp.seeds, summary.get("engine").asText(),
                summary.get("seconds").asDouble(), summary.get("config").get("probe_rows").asInt()));
        html.table(header(), rows());
        html.figure(Figures.write(folder, "dead-vs-lr", deadAgainstRate()), "Dead units per hidden layer against "
                + "the learning rate");
        html.figure(Figures.write(folder, "accuracy-vs-lr", accuracyAgainstRate()), "Validation accuracy");
        html.figure(Figures.write(folder, "dead-per-epoch", deadPerEpoch()), "Dead units of every hidden layer "
                + "after each epoch");
        html.figure(Figures.write(folder, "accuracy-per-epoch", accuracyPerEpoch()), "Validation accuracy after each "
                + "epoch");
        html.figure(Figures.write(folder, "layers-dead-by-epoch", layersDeadByEpoch()), "Fraction of seeds with each "
                + "hidden layer entirely dead by each epoch");
        html.link("summary.json", "summary.json").link("runs.csv", "runs.csv (one row per network)")
                .link("epochs.csv", "epochs.csv (dead fraction per layer and validation accuracy after each epoch)");
        html.write(folder);
        return html;
    }

    private static String join(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int x : v) b.append(b.length() == 0 ? "" : "-").append(x);
        return b.toString();
    }
}
