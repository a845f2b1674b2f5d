package dev.relulab.report.scorecard;

import dev.relulab.experiments.scorecard.CollapseCell;
import dev.relulab.experiments.scorecard.StepTimer;
import dev.relulab.experiments.scorecard.StoredTask;
import dev.relulab.experiments.scorecard.TaskRun;
import dev.relulab.metrics.Interval;
import dev.relulab.metrics.Proportion;
import dev.relulab.report.Curves;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The scorecard's figures; every activation keeps its colour (its place in the settings) in all of them, and every
 * estimate carries its 95% interval or band.
 */
public final class ScorecardFigures {
    private final Measures m;

    public ScorecardFigures(Measures m) {
        this.m = m;
    }

    private int color(String act) {
        return m.activations.indexOf(act);
    }

    private Axis activationAxis() {
        return Axis.categories("activation", m.activations);
    }

    /** Intervals at each activation's category, one series per group, groups drawn a little apart. */
    private void grouped(Plot p, List<String> groups, Function<String, Function<String, Interval>> value) {
        int n = groups.size();
        for (int g = 0; g < n; g++) {
            double[] x = new double[m.activations.size()], y = new double[x.length], lo = new double[x.length],
                    hi = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                Interval iv = value.apply(groups.get(g)).apply(m.activations.get(k));
                x[k] = k + (n == 1 ? 0 : 0.24 * (g / (n - 1.0) - 0.5));
                y[k] = iv.estimate();
                lo[k] = iv.low();
                hi[k] = iv.high();
            }
            p.intervals(groups.get(g), g, x, y, lo, hi);
        }
    }

    /** Step time relative to the baseline per activation, an interval per shape, and the baseline's 1 dashed. */
    public Figure speed() {
        Plot p = new Plot("Time per training step relative to " + m.baseline, activationAxis(),
                Axis.linear("step time / " + m.baseline + "'s (ratio)").including(0));
        p.reference(m.baseline + " = 1", 7, 1).unlisted();
        grouped(p, List.of(StepTimer.NARROW, StepTimer.VARIANTS), shape -> a -> m.ratio(shape, a));
        return Figure.of(p).note("Op by op on " + m.card.settings.speedReps + " timed repetitions (median of the "
                + "per-repetition ratio and its distribution-free 95% interval); " + StepTimer.NARROW + ": "
                + StepTimer.describe(StepTimer.NARROW) + "; " + StepTimer.VARIANTS + ": "
                + StepTimer.describe(StepTimer.VARIANTS) + ".");
    }

    /** Validation accuracy after each epoch per task, a line and band per activation and the target dashed. */
    public Figure convergence() {
        List<StoredTask> tasks = m.card.tasks();
        Figure f = new Figure("Validation accuracy during training (target dashed)")
                .grid(tasks.size(), tasks.size() == 1 ? 800 : 1200, 420)
                .note("Lines: mean over the seeds; bands: 95% t intervals. " + (tasks.size() > 1
                        ? "Each task has its own y scale (different data sets)." : ""));
        for (StoredTask t : tasks) {
            Plot p = new Plot(t.name() + " (" + t.split().train().rows + " training rows)",
                    Axis.linear("epoch").integer().exact(), Axis.linear("validation accuracy (fraction)"));
            for (String a : m.activations) {
                List<TaskRun> rs = m.runs(t.name(), a);
                int n = rs.get(0).validationAccuracyPerEpoch().length;
                Curves.lineWithBand(p, a, color(a), Curves.range(1, n),
                        Curves.meanFractionPer(rs, n, (r, e) -> r.validationAccuracyPerEpoch()[e]));
            }
            p.reference("target " + t.target(), 7, t.target()).unlisted();
            f.add(p);
        }
        return f;
    }

    /** Dead fraction of each hidden layer at the end, per task: an interval per layer at each activation. */
    public Figure deadUnits() {
        List<StoredTask> tasks = m.card.tasks();
        Figure f = new Figure("Dead units at the end of training (fraction of each hidden layer)")
                .grid(tasks.size(), tasks.size() == 1 ? 800 : 1200, 420).sharedY()
                .note("Mean over the seeds with its 95% t interval; one y scale for every panel.");
        for (StoredTask t : tasks) {
            Plot p = new Plot(t.name() + (t.name().equals("mnist") ? " (Adam " + t.lr() + ")" : ""), activationAxis(),
                    Axis.linear("dead fraction").including(0).including(0.1));
            List<String> layers = new java.util.ArrayList<>();
            for (int h = 0; h < t.hidden().length; h++) layers.add("layer " + (h + 1));
            grouped(p, layers, layer -> a -> m.dead(t.name(), a, Integer.parseInt(layer.substring(6)) - 1));
            f.add(p);
        }
        return f;
    }

    /** Born-dead and structural-collapse probability of lu2019 nets against depth: a line and band per activation. */
    public Figure collapse() {
        Figure f = new Figure("lu2019 nets (width 2): born dead and collapsed against depth").grid(2, 1200, 420)
                .sharedY().note(m.card.settings.collapseNetworks + " networks per activation and depth; bands: 95% "
                        + "Wilson intervals.");
        f.add(collapsePanel("born dead", CollapseCell::bornDead));
        f.add(collapsePanel("collapsed (structural)", CollapseCell::structural));
        return f;
    }

    private Plot collapsePanel(String title, ToIntFunction<CollapseCell> count) {
        double[] depths = m.card.settings.depths.stream().mapToDouble(Integer::doubleValue).toArray();
        Plot p = new Plot(title, Axis.linear("depth (hidden layers)").integer().ticks(depths),
                Axis.linear("fraction of networks").range(0, 1));
        for (String a : m.activations) {
            double[] y = new double[depths.length], lo = new double[depths.length], hi = new double[depths.length];
            for (int i = 0; i < depths.length; i++) {
                Proportion pr = Rows.proportion(m.cell(a, (int) depths[i]), count);
                y[i] = pr.fraction;
                lo[i] = pr.low;
                hi[i] = pr.high;
            }
            p.band(a + " 95% CI", color(a), depths, lo, hi).unlisted();
            p.line(a, color(a), depths, y).markers();
        }
        return p;
    }

    /** Test and training accuracy at the end per task: two intervals at each activation. */
    public Figure generalisation() {
        List<StoredTask> tasks = m.card.tasks();
        Figure f = new Figure("Accuracy at the end: held-out (test) and training rows")
                .grid(tasks.size(), tasks.size() == 1 ? 800 : 1200, 420).note("Mean over the seeds with its 95% t "
                        + "interval. " + (tasks.size() > 1 ? "Each task has its own y scale." : ""));
        for (StoredTask t : tasks) {
            Plot p = new Plot(t.name(), activationAxis(), Axis.linear("accuracy (fraction)"));
            grouped(p, List.of("test", "training"), which -> a -> which.equals("test") ? m.testAccuracy(t.name(), a)
                    : Interval.mean(m.runs(t.name(), a).stream().filter(r -> !r.diverged())
                    .mapToDouble(TaskRun::trainAccuracy).toArray()).within(0, 1));
            f.add(p);
        }
        return f;
    }

    /** The deep net's per-layer mean and variance, at initialisation (dashed) and after training, against 0 and 1. */
    public Figure moments() {
        int depth = m.card.settings.deepDepth;
        Figure f = new Figure("Self-normalisation: activations' mean and variance per hidden layer ("
                + m.card.settings.deepDepth + " x " + m.card.settings.deepWidth + ")").grid(2, 1200, 440)
                .note("Dashed: at initialisation; solid: after " + m.card.settings.deepEpochs + " epoch(s). Mean over "
                        + "the seeds with 95% t bands; grey dashed: SELU's fixed point (mean 0, variance 1). The two "
                        + "panels have their own y scales.");
        for (int which = 0; which < 2; which++) {
            Plot p = new Plot(which == 0 ? "mean" : "variance", Axis.linear("hidden layer").integer().exact(),
                    Axis.linear(which == 0 ? "mean of the activations" : "variance of the activations")
                            .including(which == 0 ? 0 : 1));
            p.reference(which == 0 ? "fixed point: mean 0" : "fixed point: variance 1", 7, which == 0 ? 0 : 1)
                    .unlisted();
            double[] x = Curves.range(1, depth);
            for (var a : m.card.deep.activations()) {
                String name = a.cliName() + " (" + dev.relulab.experiments.scorecard.DeepMoments.init(a) + ")";
                final int w = which;
                for (boolean end : new boolean[] {false, true}) {
                    Interval[] v = new Interval[depth];
                    for (int l = 0; l < depth; l++) v[l] = m.moment(a.cliName(), l, w, end);
                    double[] y = new double[depth], lo = new double[depth], hi = new double[depth];
                    for (int l = 0; l < depth; l++) {
                        y[l] = v[l].estimate();
                        lo[l] = v[l].low();
                        hi[l] = v[l].high();
                    }
                    p.band(name + (end ? "" : " init") + " 95% CI", color(a.cliName()), x, lo, hi).unlisted();
                    if (end) p.line(name, color(a.cliName()), x, y);
                    else p.line(name + " at init", color(a.cliName()), x, y).dashed().unlisted();
                }
            }
            f.add(p);
        }
        return f;
    }
}
