package dev.relulab.experiments.scorecard;

import dev.relulab.data.ClassificationData;
import dev.relulab.data.DataSet;
import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.MnistLrExperiment;
import dev.relulab.experiments.VariantsExperiment;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Loss;
import dev.relulab.train.Progress;
import dev.relulab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every part of the scorecard on one engine, part by part (speed; each activation's variants, MNIST and deep-net
 * ensembles; each activation and depth's lu2019 ensemble), keeping every finished part so that a killed run resumes
 * from the part it was in.
 */
public final class Scorecard {
    /** Finished parts kept across a kill, by key (speed, variants-relu, collapse-relu-10, ...). */
    public interface Kept {
        /** The part kept under {@code key}, or null. */
        <T> T get(String key, Class<T> type);

        void save(String key, Object part);
    }

    /** Everything measured. */
    public record Result(List<StepTime> speed, List<TaskRun> runs, List<CollapseCell> collapse, List<DeepRun> deep) {}

    public final ScorecardSettings settings;
    public final StoredTask variants, mnist;
    public final DeepMoments deep;
    public final CollapseCells collapse;
    public final StepTimer timer;

    /** The scorecard of {@code s}; {@code mnistData} is MNIST as loaded (its training part is used), or null. */
    public Scorecard(ScorecardSettings s, Split mnistData) {
        s.check();
        settings = s;
        Split v = ClassificationData.variantsPreset().generate(s.seed).trainTestSplit(0.2, s.seed).standardised();
        variants = new StoredTask("variants", v, new int[] {64, 32}, Loss.BCE, 1e-3f, s.variantsEpochs, 32,
                VariantsExperiment.PROBE_ROWS, s.variantsTarget);
        mnist = mnistData == null ? null : new StoredTask("mnist", subset(mnistData.train(), s.mnistImages),
                new int[] {128, 64, 32}, Loss.CCE, s.mnistLr, s.mnistEpochs, s.mnistBatch, MnistLrExperiment.PROBE_ROWS,
                s.mnistTarget);
        deep = new DeepMoments(s, v);
        collapse = new CollapseCells(s);
        timer = new StepTimer(s, v.train());
    }

    private static Split subset(DataSet train, int images) {
        if (images > train.rows) {
            throw new IllegalArgumentException("--mnist-images=" + images + " is more than the " + train.rows
                    + " training images of the MNIST data");
        }
        return MnistLrExperiment.trainAndValidation(train, images);
    }

    /** The stored tasks measured (variants, and MNIST when there is data). */
    public List<StoredTask> tasks() {
        return mnist == null ? List.of(variants) : List.of(variants, mnist);
    }

    /** Every training configuration of the run, for planning the heap before any work. */
    public List<TrainingConfig> configs() {
        List<TrainingConfig> out = new ArrayList<>();
        for (Activation a : settings.activations) {
            for (StoredTask t : tasks()) out.add(t.config(a, settings.seeds, settings.seed));
            for (String shape : List.of(StepTimer.NARROW, StepTimer.VARIANTS)) out.add(timer.config(shape, a, 2));
        }
        for (Activation a : deep.activations()) out.add(deep.config(a));
        return out;
    }

    public Result run(Engine engine, Kept kept, Consumer<String> log) {
        StepTime[] speed = part(kept, "speed", StepTime[].class, log, () -> {
            try (Progress p = Progress.start("scorecard speed", timer.units(), false)) {
                return timer.measure(engine, p).toArray(new StepTime[0]);
            }
        });
        List<TaskRun> runs = new ArrayList<>();
        for (StoredTask t : tasks()) {
            for (Activation a : settings.activations) {
                runs.addAll(Arrays.asList(part(kept, t.name() + "-" + a.cliName(), TaskRun[].class, log, () -> {
                    try (Progress p = Progress.start("scorecard " + t.name() + " " + a.cliName(),
                            t.steps(settings.seeds), false)) {
                        return t.run(engine, a, settings.seeds, settings.seed, p).toArray(new TaskRun[0]);
                    }
                })));
            }
        }
        List<CollapseCell> cells = new ArrayList<>();
        for (Activation a : settings.activations) {
            for (int d : settings.depths) {
                cells.add(part(kept, "collapse-" + a.cliName() + "-" + d, CollapseCell.class, log, () -> {
                    try (Progress p = Progress.start("scorecard lu2019 " + a.cliName() + " depth " + d,
                            collapse.steps(a, d), false)) {
                        return collapse.run(engine, a, d, p);
                    }
                }));
            }
        }
        List<DeepRun> deepRuns = new ArrayList<>();
        for (Activation a : deep.activations()) {
            deepRuns.addAll(Arrays.asList(part(kept, "deep-" + a.cliName(), DeepRun[].class, log, () -> {
                try (Progress p = Progress.start("scorecard deep " + a.cliName(), deep.steps(), false)) {
                    return deep.run(engine, a, p).toArray(new DeepRun[0]);
                }
            })));
        }
        return new Result(Arrays.asList(speed), runs, cells, deepRuns);
    }

    private static <T> T part(Kept kept, String key, Class<T> type, Consumer<String> log,
                              java.util.function.Supplier<T> work) {
        T done = kept.get(key, type);
        if (done != null) {
            log.accept("scorecard: " + key + " kept from the interrupted run");
            return done;
        }
        long t0 = System.nanoTime();
        T part = work.get();
        kept.save(key, part);
        log.accept(String.format(java.util.Locale.ROOT, "scorecard: %s %.1f s", key, (System.nanoTime() - t0) / 1e9));
        return part;
    }
}
