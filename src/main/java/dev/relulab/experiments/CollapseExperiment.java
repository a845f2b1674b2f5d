package dev.relulab.experiments;

import dev.relulab.engine.Engine;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.Checkpoint;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.Progress;
import dev.relulab.train.Shard;
import dev.relulab.train.TrainingConfig;

/**
 * Lu et al.'s collapse experiment: an ensemble of deep narrow networks 1 -> depth x width -> 1 fitted to a function
 * of x with mse, then per network born dead, collapsed (structural, functional, exact), diverged and dead units.
 */
public final class CollapseExperiment {
    public final CollapseSettings settings;
    public final TrainingConfig config;
    public final FunctionData data;
    /** The part of the ensemble this run trains, or null for all of it. */
    public final Shard shard;

    public CollapseExperiment(CollapseSettings s) {
        this(s, null);
    }

    /** Trains only {@code shard} of the ensemble (null: all); its networks keep the ids and results of a whole run. */
    public CollapseExperiment(CollapseSettings s, Shard shard) {
        s.check();
        if (shard != null && shard.count() > s.networks) {
            throw new IllegalArgumentException("--shard " + shard + ": " + shard.count() + " shards of " + s.networks
                    + " networks would leave some empty; use at most " + s.networks + " shards");
        }
        this.settings = s;
        this.shard = shard;
        Architecture arch = Architecture.mlp(1, s.width, s.depth, 1, s.activation, s.effectiveAlpha(), Loss.MSE,
                s.init, s.biasInit);
        if (s.firstInit != null) arch = arch.withLayerInit(1, s.firstInit);
        TrainingConfig whole = new TrainingConfig(arch, Optimizer.of(s.optimizer), s.lr, s.epochs, s.batch, s.networks,
                s.seed, s.deadThreshold, s.functionalTolerance, s.probeEveryEpoch);
        this.config = shard == null ? whole : whole.shard(shard.first(s.networks), shard.size(s.networks));
        this.data = new FunctionData(s.target, -s.xRange, s.xRange, s.points, s.testPoints);
    }

    /** Trains the ensemble on {@code engine}. */
    public EnsembleResult run(Engine engine, Progress progress) {
        return run(engine, progress, null);
    }

    /** Trains the ensemble, keeping finished chunks in {@code checkpoint} and skipping those it holds (null: none). */
    public EnsembleResult run(Engine engine, Progress progress, Checkpoint checkpoint) {
        return new EnsembleTrainer(engine).checkpointing(checkpoint).train(config, data, progress);
    }

    /** Progress steps of the run, for sizing a progress bar. */
    public long totalSteps() {
        return EnsembleTrainer.totalSteps(config, data);
    }

    /** One line describing the configuration, for tables and logs. */
    public String describe() {
        CollapseSettings s = settings;
        return String.format("%s: 1 -> %d x %d %s -> 1, init %s%s, bias %s, %s lr %s, %d epochs, batch %d, "
                        + "%d points, target %s, seed %d", s.preset, s.depth, s.width, s.activation.cliName(), s.init,
                s.firstInit == null ? "" : " (first layer " + s.firstInit + ")", s.biasInit,
                s.optimizer.name().toLowerCase(java.util.Locale.ROOT), s.lr, s.epochs, s.batch, s.points,
                s.target.formula, s.seed) + (shard == null ? "" : String.format(", shard %s (networks %d to %d)",
                shard, config.firstNetwork, config.firstNetwork + config.networks - 1));
    }

    /** The summary of a finished run. */
    public static CollapseSummary summarise(EnsembleResult r) {
        return new CollapseSummary(r);
    }
}
