package dev.relulab.engine;

import java.util.Locale;

/**
 * Which path the dense layers' matrix products take where a GEMM library (cuBLAS) loaded: relulab's kernels always,
 * the library always, or, by default, the faster of the two for each wide layer shape, measured the first time the
 * shape runs. Chosen by {@code -Drelulab.gemm=auto|kernels|cublas}.
 */
public enum GemmMode {
    AUTO, KERNELS, CUBLAS;

    /** System property naming the mode. */
    public static final String PROPERTY = "relulab.gemm";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GemmMode parse(String text) {
        for (GemmMode m : values()) if (m.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) return m;
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + ": allowed: auto, kernels, cublas");
    }

    static GemmMode fromProperty() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }
}
