package dev.relulab.experiments;

/**
 * The mnist-lr notebook's own results (EXPERIMENTS.md), to print beside measured ones: dead percent per hidden layer
 * and validation accuracy per learning rate; null where the notebook gives none.
 */
public final class NotebookFigures {
    /** One rate's figures; {@code note} says how the notebook's run differed from the preset. */
    public record Row(float lr, double[] deadPercent, Double accuracyPercent, String note) {}

    private static final Row[] ROWS = {
        new Row(0.5f, new double[] {98.44, 96.88, 100.0}, 10.0, "accuracy about 10%"),
        new Row(0.1f, new double[] {96.88, 90.62, 87.50}, 38.09, "batch 128, validated on the test set"),
        new Row(0.01f, new double[] {28.12, 15.62, 18.75}, 97.07, ""),
    };

    private NotebookFigures() {}

    /** The notebook's row for {@code lr}, or null. */
    public static Row of(float lr) {
        for (Row r : ROWS) if (r.lr == lr) return r;
        return null;
    }
}
