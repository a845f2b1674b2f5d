package dev.relulab.selftest;

import dev.relulab.data.FunctionTarget;
import dev.relulab.random.Purpose;
import java.util.ArrayList;
import java.util.List;

/** Parity ops of data on the engine: function targets from counters, row gathers, and fills. */
final class DataOps {
    private DataOps() {}

    static List<ParityOp> all(Draw d) {
        List<ParityOp> ops = new ArrayList<>();
        for (FunctionTarget f : FunctionTarget.values()) ops.add(functionPoints(d, f));
        ops.add(gatherRows(d));
        ops.add(fill(d, false));
        ops.add(fill(d, true));
        ops.add(copy(d, false));
        ops.add(copy(d, true));
        return ops;
    }

    static ParityOp functionPoints(Draw d, FunctionTarget f) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_BATCH));
        int E = s[0], B = s[1];
        int epoch = d.rng.nextBoolean() ? -1 : d.rng.nextInt(100);
        int nPoints = B + d.rng.nextInt(10_000), start = d.rng.nextInt(nPoints - B + 1);
        long seed = d.rng.nextLong();
        int netBase = d.rng.nextInt(1_000_000);
        Purpose purpose = Purpose.values()[d.rng.nextInt(Purpose.values().length)];
        float lo = (float) (-3 * d.rng.nextDouble()), hi = (float) (0.1 + 3 * d.rng.nextDouble());
        return new ParityOp("functionPoints " + f.cliName, Draw.shape("E=" + E, "B=" + B, "N=" + nPoints,
                "epoch=" + epoch, purpose.name().toLowerCase(java.util.Locale.ROOT)))
                .out("x", E * B, Tolerance.ELEMENTWISE)
                .out("y", E * B, Tolerance.ELEMENTWISE)
                .call((eng, b) -> eng.functionPoints(f, lo, hi, seed, netBase, E, purpose, nPoints, start, B, epoch,
                        b.apply("x"), b.apply("y")));
    }

    static ParityOp gatherRows(Draw d) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_BATCH), d.size(784), d.size(16));
        int E = s[0], B = s[1], dim = s[2], k = s[3];
        int nRows = B + d.rng.nextInt(2000), rowBase = d.rng.nextInt(100), start = d.rng.nextInt(nRows - B + 1);
        int epoch = d.rng.nextBoolean() ? -1 : d.rng.nextInt(100), netBase = d.rng.nextInt(1_000_000);
        long seed = d.rng.nextLong();
        int rows = rowBase + nRows;
        return new ParityOp("gatherRows", Draw.shape("E=" + E, "B=" + B, "d=" + dim, "k=" + k, "N=" + nRows,
                "epoch=" + epoch))
                .in("data", d.normal((long) rows * dim, 0, 1))
                .in("labels", d.normal((long) rows * k, 0, 1))
                .out("x", E * B * dim, Tolerance.EXACT)
                .out("y", E * B * k, Tolerance.EXACT)
                .call((eng, b) -> eng.gatherRows(b.apply("data"), b.apply("labels"), rowBase, nRows, dim, k, seed,
                        netBase, E, start, B, epoch, b.apply("x"), b.apply("y")));
    }

    /** Copies a prefix of one buffer into another; the destination's elements after {@code count} must survive. */
    static ParityOp copy(Draw d, boolean ints) {
        int n = Math.toIntExact(Math.min(d.budget, (long) d.size(Draw.MAX_NETWORKS) * d.size(Draw.MAX_WIDTH)));
        int count = 1 + d.rng.nextInt(n);
        ParityOp op = new ParityOp(ints ? "copy int" : "copy float", Draw.shape("n=" + n, "count=" + count));
        if (ints) op.in("src", d.flags(n, 0.5)).inOut("dst", d.flags(n, 0.5));
        else op.in("src", d.normal(n, 0, 1)).inOut("dst", d.normal(n, 0, 1), Tolerance.EXACT);
        return op.call((eng, b) -> eng.copy(b.apply("src"), b.apply("dst"), count));
    }

    /** Fills a prefix of a buffer and leaves the rest alone; the elements after {@code count} must survive. */
    static ParityOp fill(Draw d, boolean ints) {
        int n = Math.toIntExact(Math.min(d.budget, (long) d.size(Draw.MAX_NETWORKS) * d.size(Draw.MAX_WIDTH)));
        int count = 1 + d.rng.nextInt(n);
        float value = ints ? d.rng.nextInt(1000) - 500 : (float) d.rng.nextGaussian();
        ParityOp op = new ParityOp(ints ? "fill int" : "fill float", Draw.shape("n=" + n, "count=" + count));
        if (ints) op.inOut("dst", d.flags(n, 0.5));
        else op.inOut("dst", d.normal(n, 0, 1), Tolerance.EXACT);
        return op.call((eng, b) -> {
            eng.fill(b.apply("dst"), value, count);
            eng.synchronize();
        });
    }
}
