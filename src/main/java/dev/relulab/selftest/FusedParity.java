package dev.relulab.selftest;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.Progress;
import dev.relulab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The fused whole-network training ({@link Engine#trainFused}) against the op-by-op trainer on the reference engine:
 * lu2019-like trainings, one row each. Dead counts, revived counts and divergence must be equal; the final loss and
 * the test predictions' std within the reduction bound (ReLU, Leaky ReLU and PReLU runs are bit-identical; ELU calls
 * float exp where Java rounds a double).
 */
public final class FusedParity {
    /** Networks per row: enough to see collapse and revival, about a second on the CPU reference. */
    static final int NETWORKS = 256;

    private FusedParity() {}

    /** One row per configuration the candidate can train fused; none when it has no fused training. */
    public static List<ParityRow> run(Engine reference, Engine candidate, long seed) {
        List<ParityRow> rows = new ArrayList<>();
        row(reference, candidate, seed, Activation.RELU, Optimizer.Kind.SGD, 2, 10, Initializer.Kind.GLOROT_UNIFORM,
                rows);
        row(reference, candidate, seed + 1, Activation.PRELU, Optimizer.Kind.ADAM, 4, 3, Initializer.Kind.HE_NORMAL,
                rows);
        row(reference, candidate, seed + 2, Activation.ELU, Optimizer.Kind.MOMENTUM, 4, 3, Initializer.Kind.RAI, rows);
        return rows;
    }

    private static void row(Engine reference, Engine candidate, long seed, Activation act, Optimizer.Kind opt,
                            int width, int depth, Initializer.Kind init, List<ParityRow> rows) {
        Architecture arch = Architecture.mlp(1, width, depth, 1, act, act.defaultAlpha, Loss.MSE, Initializer.of(init),
                Initializer.of(Initializer.Kind.ZEROS));
        TrainingConfig cfg = new TrainingConfig(arch, Optimizer.of(opt), (float) opt.defaultLr, 2, 64, NETWORKS, seed,
                0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
        float range = (float) Math.sqrt(7);
        FunctionData data = new FunctionData(FunctionTarget.ABS, -range, range, 3000, 500);
        EnsembleTrainer fused = new EnsembleTrainer(candidate);
        if (!fused.usesFused(cfg, data)) return;
        String kernel = "trainFused " + act.cliName() + " " + opt.name().toLowerCase(java.util.Locale.ROOT);
        String shape = Draw.shape("E=" + NETWORKS, "1-" + width + "x" + depth + "-1", "seed=" + seed);
        String engine = candidate.kind().cliName();
        EnsembleResult want = train(new EnsembleTrainer(reference).opByOp(), cfg, data), got;
        try {
            got = train(fused, cfg, data);
        } catch (RuntimeException e) {
            rows.add(new ParityRow(engine, kernel, shape, List.of(), e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
            return;
        }
        List<Comparison> out = new ArrayList<>();
        out.add(Comparison.ofInts("deadStart", flat(got.deadStart), flat(want.deadStart)));
        out.add(Comparison.ofInts("deadEnd", flat(got.deadEnd), flat(want.deadEnd)));
        out.add(Comparison.ofInts("revived", flat(got.revived), flat(want.revived)));
        out.add(Comparison.ofInts("diverged", ints(got.diverged), ints(want.diverged)));
        out.add(Comparison.of("finalLoss", got.finalLoss, want.finalLoss, Tolerance.REDUCTION));
        out.add(Comparison.of("predictionStd", got.predictionStd, want.predictionStd, Tolerance.REDUCTION));
        rows.add(new ParityRow(engine, kernel, shape, out, null));
    }

    private static EnsembleResult train(EnsembleTrainer trainer, TrainingConfig cfg, FunctionData data) {
        return trainer.train(cfg, data, Progress.silent(EnsembleTrainer.totalSteps(cfg, data)));
    }

    private static int[] flat(int[][] v) {
        return java.util.Arrays.stream(v).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static int[] ints(boolean[] v) {
        int[] r = new int[v.length];
        for (int k = 0; k < v.length; k++) r[k] = v[k] ? 1 : 0;
        return r;
    }
}
