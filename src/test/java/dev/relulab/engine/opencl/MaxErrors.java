package dev.relulab.engine.opencl;

import java.util.Map;
import java.util.TreeMap;

/** The largest parity error seen per quantity in this test JVM, printed at exit and written to target/opencl-max-errors.txt. */
final class MaxErrors {
    private static final Map<String, double[]> MAX = new TreeMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(MaxErrors::print));
    }

    private MaxErrors() {}

    /** Records the largest absolute error and the largest relative one (over |want| >= 1e-3) of a comparison. */
    static synchronized void record(String what, double abs, double rel) {
        MAX.merge(what, new double[] {abs, rel}, (a, b) -> new double[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
    }

    private static synchronized void print() {
        if (MAX.isEmpty()) return;
        StringBuilder b = new StringBuilder("OpenCL parity, per quantity: max |got - want|, max relative (|want| >= 1e-3)");
        MAX.forEach((k, v) -> b.append(String.format("%n  %-22s %10.3g %10.3g", k, v[0], v[1])));
        System.out.println(b);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "opencl-max-errors.txt"), b + "\n");
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("cannot write target/opencl-max-errors.txt: " + e);
        }
    }
}
