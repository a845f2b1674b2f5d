package dev.relulab.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The Spark side of a sweep: every task of the plan that the run folder's work area does not hold yet becomes one
 * partition of one job; as each task succeeds (on its first attempt or a retry: the bytes are the same), the driver
 * writes its networks into the work area as a piece that report.ChunkCheckpoint reads, and its engine and seconds
 * beside it. A driver killed mid-job leaves the finished pieces, and {@code --resume} submits only the rest.
 */
public final class SweepJob {
    private final JavaSparkContext sc;
    private final TaskFunction function;
    private final PrintStream log;

    /** A job on {@code sc} whose tasks run {@code function}; a line per finished task goes to {@code log}. */
    public SweepJob(JavaSparkContext sc, TaskFunction function, PrintStream log) {
        this.sc = sc;
        this.function = function;
        this.log = log;
    }

    /** The tasks of {@code plan} whose piece and record are not both in {@code folder}'s work area. */
    public static List<SweepTask> pending(SweepPlan plan, OutputFolder folder) {
        List<SweepTask> out = new ArrayList<>();
        for (SweepTask t : plan.tasks) {
            if (!Files.isRegularFile(folder.work().resolve(t.pieceName()))
                    || !Files.isRegularFile(folder.work().resolve(t.metaName()))) {
                out.add(t);
            }
        }
        return out;
    }

    /** Runs {@code tasks} as one Spark job, one task per partition, keeping each result in {@code folder}. */
    public void run(List<SweepTask> tasks, OutputFolder folder) {
        if (tasks.isEmpty()) return;
        JavaRDD<SweepTask> rdd = sc.parallelize(tasks, tasks.size());
        ClassTag<TaskResult> tag = ClassTag$.MODULE$.apply(TaskResult.class);
        int[] done = {0};
        sc.sc().runJob(rdd.rdd(), new Train(function), new AbstractFunction2<Object, TaskResult, BoxedUnit>() {
            @Override
            public BoxedUnit apply(Object partition, TaskResult r) {
                // called on the driver, once per partition, with the result of the attempt that succeeded
                SweepTask t = tasks.get((Integer) partition);
                keep(folder, t, r);
                log.printf("relulab-spark: %d of %d tasks done (%s, %s on %s, %.1f s)%n", ++done[0],
                        tasks.size(), t, r.trainingPath(), r.engine(), r.seconds());
                return BoxedUnit.UNIT;
            }
        }, tag);
    }

    /** Writes a task's piece, then its record (a task counts as done only with both). */
    static void keep(OutputFolder folder, SweepTask t, TaskResult r) {
        long lines = r.csv().chars().filter(c -> c == '\n').count();
        if (lines != t.count() + 1L) {
            throw new IllegalStateException(t + " sent " + lines + " lines for " + t.count() + " networks");
        }
        ObjectNode meta = Json.object();
        meta.put("engine", r.engine());
        meta.put("device", r.device());
        meta.put("training_path", r.trainingPath());
        meta.put("seconds", r.seconds());
        meta.put("networks_trained_op_by_op", r.trainedOpByOp());
        try {
            folder.writeWork(t.pieceName(), w -> w.write(r.csv()));
            folder.writeWork(t.metaName(), w -> Json.MAPPER.writeValue(w, meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + t + " in " + folder.work(), e);
        }
    }

    /** The executor's side of a partition: its one task through the task function, failures naming the task. */
    private static final class Train extends AbstractFunction2<TaskContext, Iterator<SweepTask>, TaskResult>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final TaskFunction function;

        Train(TaskFunction function) {
            this.function = function;
        }

        @Override
        public TaskResult apply(TaskContext context, Iterator<SweepTask> partition) {
            SweepTask t = partition.next();
            try {
                return function.run(t, context);
            } catch (Exception e) {
                throw new IllegalStateException("relulab-spark task " + t + ", attempt " + context.attemptNumber()
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
