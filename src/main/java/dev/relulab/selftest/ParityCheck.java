package dev.relulab.selftest;

import dev.relulab.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Runs every engine operation on fresh random inputs on a candidate engine and on the reference (the CPU engine), and
 * compares the outputs within the bounds of {@link Tolerance}. The seed is reported, so a failure can be replayed.
 */
public final class ParityCheck {
    /** Most multiply-adds one op may cost the reference: a whole selftest then takes about ten seconds on one core. */
    public static final long DEFAULT_BUDGET = 16_000_000;

    private final Engine reference;
    private final long budget;

    public ParityCheck(Engine reference, long budget) {
        if (budget < 1) throw new IllegalArgumentException("budget=" + budget + " must be positive");
        this.reference = reference;
        this.budget = budget;
    }

    /** The ops of one run, drawn from {@code seed}: the same seed gives the same shapes and data. */
    public List<ParityOp> ops(long seed) {
        Draw d = new Draw(new Random(seed), budget);
        List<ParityOp> ops = new ArrayList<>();
        ops.addAll(DenseOps.all(d));
        ops.addAll(TrainingOps.all(d));
        ops.addAll(DataOps.all(d));
        ops.addAll(DeadOps.all(d));
        ops.addAll(InitOps.all(d));
        return ops;
    }

    /** One row per op: the candidate's outputs against the reference's. */
    public List<ParityRow> run(Engine candidate, long seed) {
        return run(candidate, seed, candidate.kind().cliName(), op -> true);
    }

    /** The ops {@code which} selects, with rows labelled {@code label} (an engine and the path it took). */
    public List<ParityRow> run(Engine candidate, long seed, String label, Predicate<ParityOp> which) {
        List<ParityRow> rows = new ArrayList<>();
        for (ParityOp op : ops(seed)) if (which.test(op)) rows.add(compare(candidate, op, label));
        return rows;
    }

    public ParityRow compare(Engine candidate, ParityOp op) {
        return compare(candidate, op, candidate.kind().cliName());
    }

    private ParityRow compare(Engine candidate, ParityOp op, String engine) {
        Map<String, Object> want = op.run(reference);
        Map<String, Object> got;
        try {
            got = op.run(candidate);
        } catch (RuntimeException e) {
            return new ParityRow(engine, op.kernel, op.shape, List.of(), e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        List<Comparison> outputs = new ArrayList<>();
        for (Map.Entry<String, Object> w : want.entrySet()) {
            String name = w.getKey();
            Object g = got.get(name);
            outputs.add(w.getValue() instanceof int[]
                    ? Comparison.ofInts(name, (int[]) g, (int[]) w.getValue())
                    : Comparison.of(name, (float[]) g, (float[]) w.getValue(), op.tolerance(name)));
        }
        return new ParityRow(engine, op.kernel, op.shape, outputs, null);
    }
}
