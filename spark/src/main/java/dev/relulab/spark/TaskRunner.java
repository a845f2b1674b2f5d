package dev.relulab.spark;

import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.report.CollapseReport;
import dev.relulab.report.Json;
import dev.relulab.report.NetworksCsv;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Plan;
import dev.relulab.train.Progress;
import dev.relulab.train.Shard;
import java.io.StringWriter;
import org.apache.spark.TaskContext;

/**
 * Trains a task on the executor: the cell's settings read back from their JSON, its shard trained as
 * {@code relulab collapse --shard K/N} would train it (same networks, same ids, same bytes), on the engine
 * {@link ExecutorEngines} lends this task. The heap plan is checked first, so a task too large for its executor fails
 * in one line rather than in an OutOfMemoryError.
 */
public final class TaskRunner implements TaskFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public TaskResult run(SweepTask task, TaskContext context) throws Exception {
        CollapseSettings s = CollapseReport.settings(Json.MAPPER.readTree(task.config()));
        CollapseExperiment exp = new CollapseExperiment(s, new Shard(task.shardIndex(), task.shardCount()));
        if (exp.config.firstNetwork != task.first() || exp.config.networks != task.count()) {
            throw new IllegalStateException(task + ": the shard holds networks [" + exp.config.firstNetwork + ", "
                    + (exp.config.firstNetwork + exp.config.networks) + ")");
        }
        try (ExecutorEngines.Lease lease = ExecutorEngines.borrow(task.engine(), context)) {
            Plan.check(s.sizeOptions() + " (Spark task " + task + "; a smaller --task-memory cuts smaller tasks)",
                    lease.engine(), exp.config, 0, false);
            EnsembleResult r = exp.run(lease.engine(), Progress.silent(exp.totalSteps()));
            StringWriter w = new StringWriter();
            NetworksCsv.write(r, w);
            return new TaskResult(w.toString(), r.seconds, lease.engine().kind().cliName(),
                    lease.engine().deviceName(), r.trainingPath, r.trainedOpByOp.get());
        }
    }
}
