package dev.relulab.perf;

import java.util.List;
import java.util.Locale;

/** Writes the rows of {@link ActivationBench} for one engine as a Markdown table, with times relative to ReLU. */
public final class ActivationTable {
    /** What the columns and the copy row mean, for the text under the tables. */
    public static final String NOTES = String.join("\n",
            "- Each activation runs as one dense call with one input and N units (E=1, B=1, nIn=1, nOut=N):"
                    + " z = w x + b, a = phi(z); alpha is the activation's default, PReLU slopes are "
                    + ActivationBench.PRELU_SLOPE + ". The linear row is the cost of the layer without an"
                    + " activation.",
            "- GB/s counts the call's compulsory traffic: forward reads w, b and writes z, a (16 B per unit,"
                    + " PReLU 20 B with its slope); backward reads z, dA and writes dA, dW, db (20 B, PReLU 28 B"
                    + " with slope and dSlope).",
            "- ms: the median of the timed runs by the engine's clock, named under each engine's heading (CUDA"
                    + " events, OpenCL profiling events; on the CPU, wall time).",
            "- vs ReLU: median time divided by ReLU's median time in the same direction (1.00 = as fast).",
            "- % of copy: the row's GB/s as a share of the copy's GB/s measured in the same run; near 100% an"
                    + " activation runs at the memory-bound limit, and its arithmetic is free.",
            "- copy: Engine.copy of N floats (cuMemcpyDtoDAsync on CUDA, clEnqueueCopyBuffer on OpenCL,"
                    + " System.arraycopy on the CPU; 8 B per element read and written), the engine's bandwidth"
                    + " reference for the GB/s columns.");

    private ActivationTable() {}

    /** The table of {@code rows} measured over {@code elements} elements; the rows must include relu and the copy. */
    public static String markdown(List<ActivationRow> rows, long elements) {
        ActivationRow relu = row(rows, "relu"), copy = row(rows, ActivationBench.COPY);
        double copyGBs = copy.forward().gigabytesPerSecond(copy.forwardBytes());
        StringBuilder out = new StringBuilder();
        out.append("| activation | fwd ms | fwd Melem/s | fwd GB/s | fwd vs ReLU | fwd % of copy | bwd ms | bwd Melem/s"
                + " | bwd GB/s | bwd vs ReLU | bwd % of copy |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ActivationRow r : rows) {
            boolean isCopy = r == copy;
            out.append("| ").append(r.name()).append(" | ")
                    .append(cells(r.forward(), r.forwardBytes(), isCopy ? null : relu.forward(), copyGBs, elements))
                    .append(" | ")
                    .append(r.backward() == null ? "- | - | - | - | -"
                            : cells(r.backward(), r.backwardBytes(), relu.backward(), copyGBs, elements))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static ActivationRow row(List<ActivationRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the rows have no " + name + " row to compare with"));
    }

    /** Time, rates, the ratio to {@code relu} (none when null: the copy) and the share of the copy's GB/s. */
    private static String cells(Timing t, long bytes, Timing relu, double copyGBs, long elements) {
        double gbs = t.gigabytesPerSecond(bytes);
        return String.format(Locale.ROOT, "%.3f | %.0f | %.2f | %s | %.0f%%", t.medianSeconds() * 1e3,
                t.elementsPerSecond(elements) / 1e6, gbs,
                relu == null ? "-" : String.format(Locale.ROOT, "%.2f", t.medianSeconds() / relu.medianSeconds()),
                100 * gbs / copyGBs);
    }
}
