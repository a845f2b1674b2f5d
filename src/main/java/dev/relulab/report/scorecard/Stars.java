package dev.relulab.report.scorecard;

import dev.relulab.experiments.scorecard.CollapseCell;
import dev.relulab.experiments.scorecard.StepTimer;
import dev.relulab.experiments.scorecard.StoredTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stars from the numbers, by rules written once here and printed beside the table, next to the notes' stars (seeds
 * 004, "Performance Comparison"). Each rule turns one score into 1 to 5 stars by four thresholds; implementation ease
 * is not measured and keeps the notes' stars.
 */
public final class Stars {
    /** One row of the star table: its name, how its score is computed, and the thresholds of 5, 4, 3 and 2 stars. */
    public enum Rule {
        TRAINING_SPEED("Training Speed", "r = geometric mean over the two shapes of the step time relative to %s "
                + "(op by op)", new double[] {1.10, 1.25, 1.50, 2.00}, "r"),
        CONVERGENCE("Convergence Rate", "c = mean over the tasks of the median epochs to the target accuracy divided "
                + "by the smallest median of any activation (a median of never counts as c = infinity)",
                new double[] {1.10, 1.25, 1.50, 2.00}, "c"),
        DEAD_NEURON_RISK("Dead Neuron Risk", "d = the largest of: a hidden layer's mean dead fraction at the end "
                + "(every task), and the born-dead and structural-collapse probabilities of the deepest lu2019 nets "
                + "(more stars: less risk)", new double[] {0.01, 0.05, 0.15, 0.40}, "d"),
        GENERALISATION("Generalization", "g = mean over the tasks of the best activation's mean test accuracy minus "
                + "this one's, in percentage points", new double[] {0.5, 1, 2, 4}, "g"),
        IMPLEMENTATION_EASE("Implementation Ease", "not measurable: the notes' stars", new double[0], null);

        public final String title, how, symbol;
        final double[] thresholds;

        Rule(String title, String how, double[] thresholds, String symbol) {
            this.title = title;
            this.how = how;
            this.thresholds = thresholds;
            this.symbol = symbol;
        }

        /** 5 stars for a score at most the first threshold, ..., 1 above the last (or for NaN). */
        public int stars(double score) {
            for (int k = 0; k < thresholds.length; k++) if (score <= thresholds[k]) return 5 - k;
            return 1;
        }

        /** The rule as a line of text: "r <= 1.1: 5, <= 1.25: 4, ...". */
        public String text(String baseline) {
            if (symbol == null) return how;
            StringBuilder b = new StringBuilder(String.format(how, baseline)).append(". Stars: ");
            for (int k = 0; k < thresholds.length; k++) {
                b.append(symbol).append(" <= ").append(fmt(thresholds[k])).append(": ").append(5 - k).append(", ");
            }
            return b.append("above: 1.").toString();
        }
    }

    /** The notes' stars, ReLU, Leaky ReLU, PReLU, ELU and SELU in order; the notes rate neither Swish nor GELU. */
    static final Map<Rule, int[]> NOTES = new LinkedHashMap<>();
    static final List<String> NOTED = List.of("relu", "leaky_relu", "prelu", "elu", "selu");

    static {
        NOTES.put(Rule.TRAINING_SPEED, new int[] {5, 5, 4, 3, 3});
        NOTES.put(Rule.CONVERGENCE, new int[] {2, 3, 4, 4, 5});
        NOTES.put(Rule.DEAD_NEURON_RISK, new int[] {1, 5, 5, 5, 5});
        NOTES.put(Rule.GENERALISATION, new int[] {3, 3, 4, 4, 5});
        NOTES.put(Rule.IMPLEMENTATION_EASE, new int[] {5, 5, 4, 3, 2});
    }

    private final Measures m;

    public Stars(Measures m) {
        this.m = m;
    }

    /** The notes' stars for {@code act}, or 0 when the notes do not rate it. */
    public static int notes(Rule rule, String act) {
        int i = NOTED.indexOf(act);
        return i < 0 ? 0 : NOTES.get(rule)[i];
    }

    /** The measured score of {@code rule} for {@code act} (NaN for implementation ease). */
    public double score(Rule rule, String act) {
        switch (rule) {
            case TRAINING_SPEED: {
                double a = m.ratio(StepTimer.NARROW, act).estimate(), b = m.ratio(StepTimer.VARIANTS, act).estimate();
                return Math.sqrt(a * b);
            }
            case CONVERGENCE: {
                double sum = 0;
                for (StoredTask t : m.card.tasks()) {
                    double best = Double.POSITIVE_INFINITY;
                    for (String a : m.activations) best = Math.min(best, m.epochsTo(t, a).estimate());
                    sum += m.epochsTo(t, act).estimate() / best;
                }
                return sum / m.card.tasks().size();
            }
            case DEAD_NEURON_RISK: {
                double d = 0;
                for (StoredTask t : m.card.tasks()) {
                    for (int h = 0; h < t.hidden().length; h++) d = Math.max(d, m.dead(t.name(), act, h).estimate());
                }
                CollapseCell c = m.cell(act, m.deepestDepth());
                return Math.max(d, Math.max(c.bornDead(), c.structural()) / (double) c.networks());
            }
            case GENERALISATION: {
                double sum = 0;
                for (StoredTask t : m.card.tasks()) {
                    double best = 0;
                    for (String a : m.activations) best = Math.max(best, m.testAccuracy(t.name(), a).estimate());
                    sum += 100 * (best - m.testAccuracy(t.name(), act).estimate());
                }
                return sum / m.card.tasks().size();
            }
            default:
                return Double.NaN;
        }
    }

    /** The measured stars (implementation ease: the notes', 0 when they have none). */
    public int stars(Rule rule, String act) {
        if (rule == Rule.IMPLEMENTATION_EASE) return notes(rule, act);
        return rule.stars(score(rule, act));
    }

    /** n stars as five characters: filled, then open. */
    public static String glyphs(int n) {
        if (n == 0) return "-";
        return "\u2605".repeat(n) + "\u2606".repeat(5 - n);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
