package dev.relulab.report.scorecard;

import dev.relulab.experiments.scorecard.CollapseCell;
import dev.relulab.experiments.scorecard.DeepRun;
import dev.relulab.experiments.scorecard.Scorecard;
import dev.relulab.experiments.scorecard.StepTime;
import dev.relulab.experiments.scorecard.StoredTask;
import dev.relulab.experiments.scorecard.TaskRun;
import dev.relulab.metrics.Interval;
import dev.relulab.metrics.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The scorecard's numbers, each with its 95% interval over seeds (or repetitions): step times and their ratio to the
 * baseline, epochs to the target accuracy, seeds that never reach it, accuracies, dead fractions, born-dead and
 * collapse proportions, and the deep net's moments.
 */
public final class Measures {
    public final Scorecard card;
    public final Scorecard.Result result;
    public final List<String> activations;
    public final String baseline;

    public Measures(Scorecard card, Scorecard.Result result) {
        this.card = card;
        this.result = result;
        this.activations = card.settings.activations.stream().map(a -> a.cliName()).toList();
        this.baseline = card.settings.baseline().cliName();
    }

    public StepTime steps(String shape, String act) {
        for (StepTime t : result.speed()) if (t.shape().equals(shape) && t.activation().equals(act)) return t;
        throw new IllegalArgumentException("no step time for " + shape + ", " + act);
    }

    /** Seconds per network-step: the median over the repetitions and its distribution-free interval. */
    public Interval stepTime(String shape, String act) {
        return Interval.median(steps(shape, act).secondsPerNetworkStep());
    }

    /** Step time over the baseline's in the same repetition: the median over the repetitions, as {@link #stepTime}. */
    public Interval ratio(String shape, String act) {
        double[] a = steps(shape, act).secondsPerNetworkStep(), b = steps(shape, baseline).secondsPerNetworkStep();
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] / b[i];
        return Interval.median(r);
    }

    public List<TaskRun> runs(String task, String act) {
        List<TaskRun> out = new ArrayList<>();
        for (TaskRun r : result.runs()) if (r.task().equals(task) && r.activation().equals(act)) out.add(r);
        return out;
    }

    private Interval mean(String task, String act, ToDoubleFunction<TaskRun> f) {
        return Interval.mean(runs(task, act).stream().filter(r -> !r.diverged()).mapToDouble(f).toArray());
    }

    /** Epochs until the validation accuracy reached the task's target: the median over seeds (never = infinity). */
    public Interval epochsTo(StoredTask task, String act) {
        return Interval.median(runs(task.name(), act).stream().mapToDouble(r -> r.epochsTo(task.target())).toArray());
    }

    /** Seeds whose validation accuracy never reached the target. */
    public Proportion never(StoredTask task, String act) {
        List<TaskRun> rs = runs(task.name(), act);
        return new Proportion(rs.stream().filter(r -> Double.isInfinite(r.epochsTo(task.target()))).count(), rs.size());
    }

    public Interval testAccuracy(String task, String act) {
        return mean(task, act, TaskRun::testAccuracy).within(0, 1);
    }

    /** Training accuracy minus test accuracy at the end (positive: the net fits its training rows better). */
    public Interval gap(String task, String act) {
        return mean(task, act, r -> r.trainAccuracy() - r.testAccuracy());
    }

    public Interval dead(String task, String act, int layer) {
        return mean(task, act, r -> r.deadFractionPerLayer()[layer]).within(0, 1);
    }

    public long diverged(String task, String act) {
        return runs(task, act).stream().filter(TaskRun::diverged).count();
    }

    public CollapseCell cell(String act, int depth) {
        for (CollapseCell c : result.collapse()) if (c.activation().equals(act) && c.depth() == depth) return c;
        throw new IllegalArgumentException("no lu2019 cell for " + act + " at depth " + depth);
    }

    public List<DeepRun> deep(String act) {
        return result.deep().stream().filter(r -> r.activation().equals(act)).toList();
    }

    /** The deep net's mean ({@code which} 0) or variance (1) at hidden layer {@code layer}, init or end. */
    public Interval moment(String act, int layer, int which, boolean end) {
        return Interval.mean(deep(act).stream().filter(r -> !r.diverged())
                .mapToDouble(r -> (end ? r.endMoments() : r.initMoments())[layer][which]).toArray());
    }

    public int deepestDepth() {
        return card.settings.depths.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
