package dev.relulab.selftest;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints parity rows as a table, one line per engine and kernel, with the first mismatches under a failing line. */
public final class ParityTable {
    private static final String FORMAT = "%-7s %-26s %-44s %-9s %10s %7s  %s%n";

    private ParityTable() {}

    public static void print(List<ParityRow> rows, PrintStream out) {
        out.printf(Locale.ROOT, FORMAT, "engine", "kernel", "shape", "output", "rel.error", "bound", "result");
        for (ParityRow r : rows) {
            if (r.error != null) {
                out.printf(Locale.ROOT, FORMAT, r.engine, r.kernel, r.shape, "-", "-", "-", "FAIL");
                out.println("        " + r.error);
                continue;
            }
            Comparison c = r.worst();
            out.printf(Locale.ROOT, FORMAT, r.engine, r.kernel, r.shape, c.output, error(c.relativeError),
                    c.tolerance == Tolerance.EXACT ? "exact" : String.format(Locale.ROOT, "%.0e", c.tolerance.bound),
                    r.pass() ? "pass" : "FAIL");
            for (Comparison bad : r.outputs) {
                if (bad.pass) continue;
                out.println("        " + bad.output + ": " + String.join("; ", bad.mismatches));
            }
        }
    }

    private static String error(double e) {
        return e == 0 ? "0" : String.format(Locale.ROOT, "%.2e", e);
    }
}
