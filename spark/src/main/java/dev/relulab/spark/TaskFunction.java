package dev.relulab.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;

/** What an executor does with one task; {@link TaskRunner} trains it (tests wrap it to inject failures). */
@FunctionalInterface
public interface TaskFunction extends Serializable {
    TaskResult run(SweepTask task, TaskContext context) throws Exception;
}
