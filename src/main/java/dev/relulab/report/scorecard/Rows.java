package dev.relulab.report.scorecard;

import dev.relulab.experiments.scorecard.CollapseCell;
import dev.relulab.experiments.scorecard.StepTimer;
import dev.relulab.experiments.scorecard.StoredTask;
import dev.relulab.metrics.Interval;
import dev.relulab.metrics.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The measured table as text, one row per measurement and one column per activation, every cell an estimate with its
 * 95% interval in brackets; and the star table, measured beside the notes'.
 */
public final class Rows {
    /** One row: the part of the notes' table it answers, what it measures, and a cell per activation. */
    public record Row(String section, String metric, List<String> cells) {}

    private final Measures m;
    private final Stars stars;

    public Rows(Measures m) {
        this.m = m;
        this.stars = new Stars(m);
    }

    public String[] header() {
        List<String> h = new ArrayList<>(List.of("row", "measurement"));
        h.addAll(m.activations);
        return h.toArray(new String[0]);
    }

    private Row row(String section, String metric, Function<String, String> cell) {
        return new Row(section, metric, m.activations.stream().map(cell).toList());
    }

    public List<Row> measured() {
        List<Row> rows = new ArrayList<>();
        for (String shape : List.of(StepTimer.NARROW, StepTimer.VARIANTS)) {
            rows.add(row("Training Speed", "us per network-step (median), " + shape + " ("
                    + StepTimer.describe(shape) + ")", a -> format(m.stepTime(shape, a), 1e6, 2)));
        }
        for (String shape : List.of(StepTimer.NARROW, StepTimer.VARIANTS)) {
            rows.add(row("Training Speed", "step time / " + m.baseline + "'s (median), " + shape,
                    a -> format(m.ratio(shape, a), 1, 2)));
        }
        for (StoredTask t : m.card.tasks()) {
            rows.add(row("Convergence Rate", t.name() + ": epochs to validation accuracy " + t.target() + " (median)",
                    a -> format(m.epochsTo(t, a), 1, 1)));
            rows.add(row("Convergence Rate", t.name() + ": seeds that never reach it (fraction)",
                    a -> format(m.never(t, a))));
        }
        for (StoredTask t : m.card.tasks()) {
            for (int h = 0; h < t.hidden().length; h++) {
                final int layer = h;
                rows.add(row("Dead Neuron Risk", t.name() + taskNote(t) + ": dead fraction of hidden layer " + (h + 1)
                        + " (" + t.hidden()[h] + " units) at the end", a -> format(m.dead(t.name(), a, layer), 1, 3)));
            }
        }
        for (int d : m.card.settings.depths) {
            rows.add(row("Dead Neuron Risk", "lu2019 depth " + d + ": born dead (fraction)",
                    a -> format(proportion(m.cell(a, d), CollapseCell::bornDead))));
            rows.add(row("Dead Neuron Risk", "lu2019 depth " + d + ": collapsed, structural (fraction)",
                    a -> format(proportion(m.cell(a, d), CollapseCell::structural))));
        }
        for (StoredTask t : m.card.tasks()) {
            rows.add(row("Generalization", t.name() + ": test accuracy (held-out rows)",
                    a -> format(m.testAccuracy(t.name(), a), 1, 3)));
            rows.add(row("Generalization", t.name() + ": training minus test accuracy",
                    a -> format(m.gap(t.name(), a), 1, 3)));
        }
        return rows;
    }

    private String taskNote(StoredTask t) {
        return t.name().equals("mnist") ? " (Adam " + t.lr() + ")" : "";
    }

    static Proportion proportion(CollapseCell c, java.util.function.ToIntFunction<CollapseCell> count) {
        return new Proportion(count.applyAsInt(c), c.networks());
    }

    /** The star table: per rule a row of measured stars (with the score) and a row of the notes' stars under it. */
    public List<Row> stars() {
        List<Row> rows = new ArrayList<>();
        for (Stars.Rule r : Stars.Rule.values()) {
            if (r != Stars.Rule.IMPLEMENTATION_EASE) {
                rows.add(row(r.title, "measured (" + r.symbol + ")", a -> Stars.glyphs(stars.stars(r, a)) + " ("
                        + String.format(Locale.ROOT, "%.2f", stars.score(r, a)) + ")"));
            }
            rows.add(row(r.title, r == Stars.Rule.IMPLEMENTATION_EASE ? "the notes' (not measured)" : "the notes'",
                    a -> Stars.glyphs(Stars.notes(r, a))));
        }
        return rows;
    }

    /** The activation the ratios are relative to. */
    public String baseline() {
        return m.baseline;
    }

    public Stars starRules() {
        return stars;
    }

    /** A row as table cells: its section, its measurement, then its cells. */
    public static String[] cells(Row r) {
        List<String> c = new ArrayList<>(List.of(r.section(), r.metric()));
        c.addAll(r.cells());
        return c.toArray(new String[0]);
    }

    /** "estimate [low, high]" with {@code digits} decimals after scaling; "never" for an infinite median. */
    static String format(Interval iv, double scale, int digits) {
        if (iv.n() == 0) return "-";
        String f = "%." + digits + "f";
        String e = value(iv.estimate() * scale, f);
        if (Double.isNaN(iv.low())) return e;
        return e + " [" + value(iv.low() * scale, f) + ", " + value(iv.high() * scale, f) + "]";
    }

    private static String value(double v, String f) {
        return Double.isInfinite(v) ? "never" : String.format(Locale.ROOT, f, v);
    }

    static String format(Proportion p) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.fraction, p.low, p.high);
    }
}
