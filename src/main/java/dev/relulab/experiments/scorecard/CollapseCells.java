package dev.relulab.experiments.scorecard;

import dev.relulab.engine.Engine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.nn.Activation;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Progress;

/**
 * Born-dead and collapse probabilities of lu2019 nets (the preset: width 2, |x|, Glorot-uniform, sgd 0.01, 2 epochs
 * of batch 64 over 3000 points) at each depth of the settings, with the scorecard's activation and seed. These train
 * on the engine's default path (fused where it has one): only their outcomes count, not their speed.
 */
public final class CollapseCells {
    private final ScorecardSettings s;

    public CollapseCells(ScorecardSettings s) {
        this.s = s;
    }

    public CollapseSettings settings(Activation a, int depth) {
        CollapseSettings c = CollapseSettings.preset("lu2019");
        c.activation(a, ScorecardSettings.alpha(a));
        c.depth = depth;
        c.networks = s.collapseNetworks;
        c.seed = s.seed;
        return c;
    }

    public long steps(Activation a, int depth) {
        return new CollapseExperiment(settings(a, depth)).totalSteps();
    }

    public CollapseCell run(Engine engine, Activation a, int depth, Progress progress) {
        CollapseExperiment x = new CollapseExperiment(settings(a, depth));
        EnsembleResult r = x.run(engine, progress);
        double[] dead = new double[r.hiddenLayers];
        for (int n = 0; n < r.networks; n++) {
            for (int h = 0; h < r.hiddenLayers; h++) dead[h] += r.deadEnd[n][h] / (double) r.widths[h + 1] / r.networks;
        }
        return new CollapseCell(a.cliName(), depth, r.networks, count(r.bornDead), count(r.structural),
                count(r.functional), count(r.exact), count(r.diverged), dead);
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) if (f) c++;
        return c;
    }
}
