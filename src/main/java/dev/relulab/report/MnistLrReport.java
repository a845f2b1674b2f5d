package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.MnistLrExperiment;
import dev.relulab.experiments.MnistLrExperiment.Run;
import dev.relulab.experiments.NotebookFigures;
import dev.relulab.metrics.Spread;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import org.knowm.xchart.XYChart;

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

    /** Mean dead percent per layer against the rate (log axis), with the min-max band over seeds. */
    public XYChart deadAgainstRate() {
        XYChart c = Charts.xy("Dead ReLU units after training (MNIST, Adam)", "learning rate", "dead units (%)");
        c.getStyler().setXAxisLogarithmic(true);
        double[] x = rateAxis();
        for (int h = 0; h < layers; h++) {
            double[] mean = new double[x.length], lo = new double[x.length], hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Spread s = deadSpread(exp.rates[i], h);
                mean[i] = s.mean();
                lo[i] = s.min();
                hi[i] = s.max();
            }
            Charts.band(c, "L" + (h + 1) + " range", x, lo, hi, h);
            Charts.line(c, "layer " + (h + 1) + " (mean)", x, mean, h);
        }
        return c;
    }

    /** Validation accuracy of every run against the rate, with the mean over seeds. */
    public XYChart accuracyAgainstRate() {
        XYChart c = Charts.xy("Validation accuracy after training", "learning rate", "validation accuracy (%)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        double[] x = rateAxis(), mean = new double[x.length];
        for (int i = 0; i < x.length; i++) mean[i] = accuracySpread(exp.rates[i]).mean();
        double[] rx = new double[runs.size()], ry = new double[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
            rx[k] = runs.get(k).lr();
            ry[k] = 100 * runs.get(k).valAccuracy();
        }
        Charts.points(c, "each seed", rx, ry, 0);
        Charts.line(c, "mean over seeds", x, mean, 0);
        return c;
    }

    /** Mean dead percent of the first hidden layer after each epoch, one line per rate. */
    public XYChart deadPerEpoch(int layer) {
        return perEpoch(Charts.xy("Dead units of hidden layer " + (layer + 1) + " per epoch",
                "epoch (0 = initialisation)", "dead units (%)"), 0, runs.get(0).deadFractionPerEpoch().length,
                (r, ep) -> 100 * r.deadFractionPerEpoch()[ep][layer]);
    }

    /** Mean validation accuracy after each epoch, one line per rate (the Keras history's val_accuracy). */
    public XYChart accuracyPerEpoch() {
        XYChart c = perEpoch(Charts.xy("Validation accuracy during training", "epoch", "validation accuracy (%)"), 1,
                runs.get(0).valAccuracyPerEpoch().length, (r, ep) -> 100 * r.valAccuracyPerEpoch()[ep]);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        return c;
    }

    /** One line per rate on {@code c}: the mean over seeds of {@code value} at epochs first, first + 1, ... */
    private XYChart perEpoch(XYChart c, int first, int epochs, ToDoubleBiFunction<Run, Integer> value) {
        double[] x = new double[epochs];
        for (int e = 0; e < epochs; e++) x[e] = first + e;
        for (int i = 0; i < exp.rates.length; i++) {
            Charts.line(c, "lr " + exp.rates[i], x, Charts.meanPerEpoch(at(exp.rates[i]), epochs, value), i);
        }
        return c;
    }

    private double[] rateAxis() {
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
                + "the learning rate (band: min to max over seeds)");
        html.figure(Figures.write(folder, "accuracy-vs-lr", accuracyAgainstRate()), "Validation accuracy");
        html.figure(Figures.write(folder, "dead-per-epoch-l1", deadPerEpoch(0)), "Dead units of the first hidden "
                + "layer after each epoch, mean over seeds");
        html.figure(Figures.write(folder, "accuracy-per-epoch", accuracyPerEpoch()), "Validation accuracy after each "
                + "epoch, mean over seeds");
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
