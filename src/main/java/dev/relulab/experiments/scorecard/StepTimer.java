package dev.relulab.experiments.scorecard;

import dev.relulab.data.DataSet;
import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.DataSource;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.Progress;
import dev.relulab.train.StoredData;
import dev.relulab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Time per training step at two shapes, the lu2019 net (1 -> 10 x 2 -> 1, mse, sgd, batch 64) and the variants net
 * (20 -> 64 -> 32 -> 1, bce, Adam, batch 32), on the op-by-op path, where every network does every step's whole work
 * (the fused paths skip the work of dead ReLU networks, which would time death rather than the activation). Each
 * round trains every activation for 2 epochs of {@code speedSteps} steps under a {@link StepClock}, whose median
 * interval is the round's time per network-step; one untimed round warms the JIT up, every round visits the
 * activations in a rotated order, and a ratio to the baseline is taken within a round.
 */
public final class StepTimer {
    public static final String NARROW = "lu2019 net", VARIANTS = "variants net";
    private final ScorecardSettings s;
    private final DataSet variantsTrain;

    public StepTimer(ScorecardSettings s, DataSet variantsTrain) {
        this.s = s;
        this.variantsTrain = variantsTrain;
    }

    /** What the two shapes are, for the report. */
    public static String describe(String shape) {
        return shape.equals(NARROW) ? "1 -> 10 x 2 -> 1, mse, sgd lr 0.01, batch 64"
                : "20 -> 64 -> 32 -> 1, bce, Adam lr 0.001, batch 32";
    }

    /** Times every activation at both shapes. */
    public List<StepTime> measure(Engine engine, Progress progress) {
        List<StepTime> out = new ArrayList<>();
        for (String shape : List.of(NARROW, VARIANTS)) out.addAll(measure(engine, shape, progress));
        return out;
    }

    List<StepTime> measure(Engine engine, String shape, Progress progress) {
        List<Activation> acts = s.activations;
        double[][] perStep = new double[acts.size()][s.speedReps];
        StepClock clock = new StepClock(engine);
        EnsembleTrainer trainer = new EnsembleTrainer(clock).opByOp();
        for (int round = 0; round <= s.speedReps; round++) {
            for (int j = 0; j < acts.size(); j++) {
                int k = (j + round) % acts.size();
                double t = stepSeconds(clock, trainer, shape, acts.get(k));
                if (round > 0) perStep[k][round - 1] = t;
                progress.advance(1);
            }
        }
        List<StepTime> out = new ArrayList<>();
        for (int k = 0; k < acts.size(); k++) {
            out.add(new StepTime(shape, acts.get(k).cliName(), networks(shape), s.speedSteps, perStep[k]));
        }
        return out;
    }

    /** Rounds x activations x shapes, for a progress bar. */
    public long units() {
        return 2L * (s.speedReps + 1) * s.activations.size();
    }

    int networks(String shape) {
        return shape.equals(NARROW) ? s.speedNarrowNetworks : s.speedVariantsNetworks;
    }

    /** The median over the clocked steps of one 2-epoch training of {@code a} at {@code shape}. */
    private double stepSeconds(StepClock clock, EnsembleTrainer trainer, String shape, Activation a) {
        clock.reset();
        trainer.train(config(shape, a, 2), data(shape), Progress.silent(1));
        return dev.relulab.metrics.Interval.median(clock.samples()).estimate();
    }

    TrainingConfig config(String shape, Activation a, int epochs) {
        float alpha = ScorecardSettings.alpha(a);
        Initializer glorot = Initializer.of(Initializer.Kind.GLOROT_UNIFORM), zeros = Initializer.of(Initializer.Kind.ZEROS);
        if (shape.equals(NARROW)) {
            Architecture arch = Architecture.mlp(1, 2, 10, 1, a, alpha, Loss.MSE, glorot, zeros);
            return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.SGD), 0.01f, epochs, 64, networks(shape), s.seed,
                    0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
        }
        Initializer[] inits = {glorot, glorot, glorot};
        Architecture arch = new Architecture(new int[] {variantsTrain.features, 64, 32, 1}, a, alpha, Loss.BCE, inits,
                zeros);
        return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.ADAM), 1e-3f, epochs, 32, networks(shape), s.seed,
                0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
    }

    DataSource data(String shape) {
        if (shape.equals(NARROW)) {
            return new FunctionData(FunctionTarget.ABS, (float) -Math.sqrt(7), (float) Math.sqrt(7), 64 * s.speedSteps,
                    64);
        }
        int rows = Math.min(variantsTrain.rows, 32 * s.speedSteps);
        DataSet train = variantsTrain.slice(0, rows);
        return new StoredData(train, train.slice(0, Math.min(32, rows)), Math.min(32, rows));
    }
}
