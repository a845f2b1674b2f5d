package dev.relulab.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one-dimensional targets of Lu et al. (2019, p. 13), generated on the fly from counters: point i of network e
 * is x = lo + (hi - lo) u(seed, e, i), y = f(x). {@code code} is the kernels' switch value.
 */
public enum FunctionTarget {
    ABS(0, "abs", "|x|"),
    XSIN5X(1, "xsin5x", "x*sin(5x)"),
    STEP_SIN(2, "stepsin", "1{x>0} + 0.2*sin(5x)");

    public final int code;
    public final String cliName;
    public final String formula;

    FunctionTarget(int code, String cliName, String formula) {
        this.code = code;
        this.cliName = cliName;
        this.formula = formula;
    }

    /** f(x) in float32, the same expression as the kernels'. */
    public float apply(float x) {
        switch (this) {
            case ABS: return Math.abs(x);
            case XSIN5X: return x * (float) Math.sin(5f * x);
            case STEP_SIN: return (x > 0f ? 1f : 0f) + 0.2f * (float) Math.sin(5f * x);
            default: throw new AssertionError(this);
        }
    }

    /** Accepts the short name or the formula as written in EXPERIMENTS.md ({@code x*sin(5x)}). */
    public static FunctionTarget parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (FunctionTarget f : values()) {
            if (f.cliName.equals(t) || f.formula.replace(" ", "").equals(t) || f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return f;
            }
        }
        if (t.equals("abs(x)") || t.equals("|x|")) return ABS;
        if (t.equals("xsin(5x)") || t.equals("x*sin(5*x)")) return XSIN5X;
        throw new IllegalArgumentException("unknown target '" + text + "'; allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(f -> f.cliName + " (" + f.formula + ")").collect(Collectors.joining(", "));
    }
}
