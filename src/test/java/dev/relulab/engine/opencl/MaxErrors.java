package dev.relulab.engine.opencl;

import java.util.Map;
import java.util.TreeMap;

/** The largest parity error seen per quantity in this test JVM, printed at exit and written to target/opencl-max-errors.txt. */
final class MaxErrors {
    private static final Map<String, Double> MAX = new TreeMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(MaxErrors::print));
    }

    private MaxErrors() {}

    static synchronized void record(String what, double err) {
        MAX.merge(what, err, Math::max);
    }

    private static synchronized void print() {
        if (MAX.isEmpty()) return;
        StringBuilder b = new StringBuilder("OpenCL parity, max |got - want| per quantity:");
        MAX.forEach((k, v) -> b.append(String.format("%n  %-28s %.3g", k, v)));
        System.out.println(b);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "opencl-max-errors.txt"), b + "\n");
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("cannot write target/opencl-max-errors.txt: " + e);
        }
    }
}
