package dev.relulab.example;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.Engines;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.CollapseSummary;
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

/** The README's library example, verbatim between the markers (ReadmeExampleTest holds the two together). */
public final class ReadmeExample {
    private ReadmeExample() {}

    public static void main(String[] args) throws Exception {
        // README begin
        // Lu et al.'s collapse sweep from its preset, changed field by field: 2000 networks of width 3.
        CollapseSettings s = CollapseSettings.preset("lu2019");
        s.networks = 2000;
        s.width = 3;
        try (Engine engine = Engines.open(EngineKind.AUTO, new Engines.Options(), System.err::println)) {
            EnsembleResult r = new CollapseExperiment(s).run(engine, Progress.silent(1));
            CollapseSummary c = CollapseExperiment.summarise(r);
            System.out.printf("collapsed %.3f [%.3f, %.3f], born dead %.3f%n",
                    c.exact.fraction, c.exact.low, c.exact.high, c.bornDead.fraction);

            // Any ensemble of narrow nets on a 1-D target: 1 -> 8 x 4 ELU -> 1, He init, Adam, x sin(5x).
            Architecture arch = Architecture.mlp(1, 4, 8, 1, Activation.ELU, 1f, Loss.MSE,
                    Initializer.parse("he_normal"), Initializer.parse("zeros"));
            TrainingConfig cfg = new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.ADAM), 1e-3f, 2, 64, 500,
                    42L, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
            FunctionData data = new FunctionData(FunctionTarget.XSIN5X, -3f, 3f, 3000, 500);
            EnsembleResult e = new EnsembleTrainer(engine).train(cfg, data, Progress.silent(1));
            System.out.printf("mean final loss %.4f, dead units per layer %s%n", new CollapseSummary(e).meanFinalLoss,
                    java.util.Arrays.toString(new CollapseSummary(e).deadEnd));
        }
        // README end
    }
}
