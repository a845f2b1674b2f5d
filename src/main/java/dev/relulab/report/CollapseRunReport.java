package dev.relulab.report;

import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.metrics.Interval;
import dev.relulab.metrics.Proportion;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import dev.relulab.train.EnsembleResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figure and report.html of a single collapse run, beside its summary.json and networks.csv. */
public final class CollapseRunReport {
    /** How far the two series are moved apart at each layer, so that equal values stay visible. */
    private static final double DODGE = 0.12;

    private CollapseRunReport() {}

    /** Dead fraction of each hidden layer at initialisation and at the end: mean over networks and its 95% interval. */
    public static Figure deadPerLayer(EnsembleResult r) {
        int layers = r.hiddenLayers, width = r.widths[1];
        Plot p = new Plot("Dead units per hidden layer", Axis.linear("hidden layer").integer().ticks(Curves.range(1,
                layers)), Axis.linear("dead fraction of the layer's " + width + " units").range(0, 1));
        series(p, "at initialisation", 0, -DODGE, r.deadStart, r.widths);
        series(p, "after training", 3, DODGE, r.deadEnd, r.widths);
        return Figure.of(p).note("Mean over the " + r.networks + " networks with its 95% t interval; the two series "
                + "are drawn a little apart at each layer.");
    }

    /** The fraction of networks structurally collapsed by each epoch (a step line and its Wilson band). */
    public static Figure collapsedByEpoch(CollapseSummary s, int epochs, boolean probedEveryEpoch) {
        Plot p = new Plot("Structural collapse over training", Curves.epochAxis(epochs),
                Axis.linear("collapsed by then, fraction of the " + s.networks + " networks").range(0, 1));
        Curves.cumulativeFraction(p, "collapsed", 0, s.collapsedBy);
        return Figure.of(p).note("A network collapses at the first probe that finds a hidden layer entirely dead on the "
                + "training points; dots: the probes; band: 95% Wilson interval" + (probedEveryEpoch ? "." : "; this run probed only "
                + "at initialisation and at the end, so the steps in between are flat."));
    }

    private static void series(Plot p, String name, int color, double dodge, int[][] dead, int[] widths) {
        int layers = widths.length - 2;
        double[] x = new double[layers], y = new double[layers], lo = new double[layers], hi = new double[layers];
        for (int h = 0; h < layers; h++) {
            final int hh = h;
            double[] f = java.util.Arrays.stream(dead).mapToDouble(d -> d[hh] / (double) widths[hh + 1]).toArray();
            Interval m = Interval.mean(f).within(0, 1);
            x[h] = h + 1 + dodge;
            y[h] = m.estimate();
            lo[h] = m.low();
            hi[h] = m.high();
        }
        p.line(name, color, x, y).markers();
        p.intervals(name + " 95% CI", color, x, y, lo, hi).unlisted();
    }

    public static HtmlReport write(OutputFolder folder, CollapseExperiment exp, CollapseSummary s, EnsembleResult r,
                                   String engine) throws IOException {
        HtmlReport html = new HtmlReport("relulab collapse");
        html.paragraph(exp.describe() + "; engine " + engine + String.format(Locale.ROOT, "; %.1f s.", r.seconds));
        List<String[]> rows = new ArrayList<>();
        rows.add(row("born dead", s.bornDead));
        rows.add(row("collapsed (structural)", s.structural));
        rows.add(row("collapsed (functional)", s.functional));
        rows.add(row("collapsed (exact)", s.exact));
        rows.add(row("diverged", s.diverged));
        html.table(new String[] {"of " + s.networks + " networks", "fraction", "95% CI", "count"}, rows);
        html.figure(Figures.write(folder, "dead-per-layer", deadPerLayer(r)),
                "Dead fraction of each hidden layer at initialisation and after training");
        html.figure(Figures.write(folder, "collapse-by-epoch", collapsedByEpoch(s, exp.config.epochs,
                exp.config.probeEveryEpoch)), "Fraction of networks structurally collapsed by each epoch");
        html.link("summary.json", "summary.json").link("networks.csv", "networks.csv (one row per network)");
        html.write(folder);
        return html;
    }

    private static String[] row(String name, Proportion p) {
        return new String[] {name, String.format(Locale.ROOT, "%.3f", p.fraction),
            String.format(Locale.ROOT, "[%.3f, %.3f]", p.low, p.high), Long.toString(p.count)};
    }
}
