package dev.relulab.report.figure;

/**
 * One labelled tick of an axis at {@code value}; {@code exponent} is non-null for a power of ten drawn as
 * {@code text} with a raised exponent ("10" and "-4").
 */
public record Tick(double value, String text, String exponent) {
    public Tick(double value, String text) {
        this(value, text, null);
    }

    /** The label as one line of plain text ("10^-4" for a power of ten). */
    public String label() {
        return exponent == null ? text : text + "^" + exponent;
    }
}
