package dev.relulab.experiments.scorecard;

import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.ProbeRecorder;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.Progress;
import dev.relulab.train.StoredData;
import dev.relulab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classification task on stored data (the variants set or the MNIST subset): one ensemble of {@code seeds}
 * networks per activation, Glorot-uniform weights and zero biases, Adam. The test pass after every epoch runs over
 * the held-out rows followed by the training rows, so one pass gives the validation and the training accuracy;
 * dead units are counted on the first {@code probeRows} training rows.
 *
 * @param name the task's name in tables and files (variants, mnist)
 * @param split training and held-out rows, inputs already scaled
 * @param hidden the hidden widths
 * @param loss bce (one output) or cce
 * @param target the validation accuracy that counts as converged
 */
public record StoredTask(String name, Split split, int[] hidden, Loss loss, float lr, int epochs, int batch,
                         int probeRows, double target) {
    public Architecture architecture(Activation a) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = split.train().features;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = split.train().outputs;
        Initializer[] inits = new Initializer[widths.length - 1];
        Arrays.fill(inits, Initializer.of(Initializer.Kind.GLOROT_UNIFORM));
        return new Architecture(widths, a, ScorecardSettings.alpha(a), loss, inits,
                Initializer.of(Initializer.Kind.ZEROS));
    }

    public TrainingConfig config(Activation a, int seeds, long seed) {
        return new TrainingConfig(architecture(a), Optimizer.of(Optimizer.Kind.ADAM), lr, epochs, batch, seeds, seed,
                0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false).testingEveryEpoch();
    }

    /** Steps of one activation's ensemble, for a progress bar. */
    public long steps(int seeds) {
        return (long) seeds * epochs * ((split.train().rows + batch - 1) / batch);
    }

    /** Trains {@code seeds} networks with activation {@code a}. */
    public List<TaskRun> run(Engine engine, Activation a, int seeds, long seed, Progress progress) {
        TrainingConfig cfg = config(a, seeds, seed);
        ProbeRecorder rec = new ProbeRecorder(engine, seeds, loss, false).splittingTestPassAt(split.test().rows);
        StoredData data = new StoredData(split.train(), split.test().append(split.train()),
                Math.min(probeRows, split.train().rows));
        EnsembleResult r = new EnsembleTrainer(rec).train(cfg, data, progress);
        List<TaskRun> runs = new ArrayList<>();
        for (int n = 0; n < seeds; n++) {
            double[] dead = new double[hidden.length];
            for (int h = 0; h < hidden.length; h++) dead[h] = r.deadEnd[n][h] / (double) hidden[h];
            runs.add(new TaskRun(name, a.cliName(), n, rec.testAccuracyPerPass(n), rec.secondPartAccuracyPerPass(n),
                    dead, r.diverged[n]));
        }
        return runs;
    }
}
