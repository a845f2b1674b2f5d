package dev.relulab.report;

import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.metrics.Proportion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/** The figure and report.html of a single collapse run, beside its summary.json and networks.csv. */
public final class CollapseRunReport {
    private CollapseRunReport() {}

    /** Mean dead units per hidden layer at initialisation and at the end. */
    public static XYChart deadPerLayer(CollapseSummary s, int width) {
        XYChart c = Charts.xy("Dead units per hidden layer (mean over networks)", "hidden layer", "dead units");
        c.getStyler().setYAxisMin(0.0).setYAxisMax((double) width);
        int n = s.deadEnd.length;
        double[] x = new double[n];
        for (int h = 0; h < n; h++) x[h] = h + 1;
        Charts.line(c, "at initialisation", x, s.deadStart, 0);
        Charts.line(c, "after training", x, s.deadEnd, 3);
        return c;
    }

    public static HtmlReport write(OutputFolder folder, CollapseExperiment exp, CollapseSummary s, String engine,
                                   double seconds) throws IOException {
        HtmlReport html = new HtmlReport("relulab collapse");
        html.paragraph(exp.describe() + "; engine " + engine + String.format(Locale.ROOT, "; %.1f s.", seconds));
        List<String[]> rows = new ArrayList<>();
        rows.add(row("born dead", s.bornDead));
        rows.add(row("collapsed (structural)", s.structural));
        rows.add(row("collapsed (functional)", s.functional));
        rows.add(row("collapsed (exact)", s.exact));
        rows.add(row("diverged", s.diverged));
        html.table(new String[] {"of " + s.networks + " networks", "fraction", "95% CI", "count"}, rows);
        html.figure(Figures.write(folder, "dead-per-layer", deadPerLayer(s, exp.settings.width)),
                "Dead units per hidden layer at initialisation and after training");
        html.link("summary.json", "summary.json").link("networks.csv", "networks.csv (one row per network)");
        html.write(folder);
        return html;
    }

    private static String[] row(String name, Proportion p) {
        return new String[] {name, String.format(Locale.ROOT, "%.3f", p.fraction),
            String.format(Locale.ROOT, "[%.3f, %.3f]", p.low, p.high), Long.toString(p.count)};
    }
}
