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
import java.util.List;

/**
 * SELU's self-normalisation claim, measured: a deep net (20 -> depth x width -> 1, bce, Adam 0.001, batch 32) on the
 * standardised variants inputs, whose activations' mean and variance per hidden layer are taken over the probe rows
 * and units at initialisation and after training. SELU and ELU start from lecun_normal (SELU's prescribed init; ELU
 * is SELU without its two constants, so only they differ), ReLU from he_normal (its own prescribed init).
 */
public final class DeepMoments {
    /** Rows of the training set the moments are taken over. */
    public static final int PROBE_ROWS = 200;
    private final ScorecardSettings s;
    private final Split split;

    public DeepMoments(ScorecardSettings s, Split split) {
        this.s = s;
        this.split = split;
    }

    /** The initialiser each measured activation starts from. */
    public static Initializer init(Activation a) {
        return Initializer.of(a == Activation.RELU ? Initializer.Kind.HE_NORMAL : Initializer.Kind.LECUN_NORMAL);
    }

    /** The activations of this part: SELU, ELU and ReLU, those of them the scorecard measures. */
    public List<Activation> activations() {
        List<Activation> out = new ArrayList<>();
        for (Activation a : List.of(Activation.SELU, Activation.ELU, Activation.RELU)) {
            if (s.activations.contains(a)) out.add(a);
        }
        return out;
    }

    public TrainingConfig config(Activation a) {
        Architecture arch = Architecture.mlp(split.train().features, s.deepWidth, s.deepDepth, 1, a,
                ScorecardSettings.alpha(a), Loss.BCE, init(a), Initializer.of(Initializer.Kind.ZEROS));
        return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.ADAM), 1e-3f, s.deepEpochs, 32, s.seeds, s.seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
    }

    public long steps() {
        return (long) s.seeds * s.deepEpochs * ((split.train().rows + 31) / 32);
    }

    public List<DeepRun> run(Engine engine, Activation a, Progress progress) {
        TrainingConfig cfg = config(a);
        ProbeRecorder rec = new ProbeRecorder(engine, s.seeds, Loss.BCE, false).keepingMoments();
        StoredData data = new StoredData(split.train(), split.test(), Math.min(PROBE_ROWS, split.train().rows));
        EnsembleResult r = new EnsembleTrainer(rec).train(cfg, data, progress);
        List<DeepRun> runs = new ArrayList<>();
        for (int n = 0; n < s.seeds; n++) {
            List<double[][]> m = rec.momentsPerProbe(n);
            runs.add(new DeepRun(a.cliName(), init(a).toString(), n, m.get(0), m.get(m.size() - 1), r.diverged[n]));
        }
        return runs;
    }
}
