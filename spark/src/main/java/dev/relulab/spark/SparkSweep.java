package dev.relulab.spark;

import dev.relulab.cli.CollapseCommand;
import dev.relulab.cli.UsageError;
import dev.relulab.cli.VersionProvider;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.Provenance;
import dev.relulab.train.Plan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code relulab-spark [--task-networks N] [--task-memory MIB] collapse OPTIONS}: the main class spark-submit runs.
 * OPTIONS are those of {@code relulab collapse} (a single run or a grid, --out, --overwrite, --resume, --engine);
 * the job cuts the run into tasks, trains them on the executors and writes the folder {@code relulab collapse}
 * would write. Bad input is one line and exit code 2, before Spark starts.
 */
@Command(name = "relulab-spark", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a collapse run or grid as Apache Spark tasks (spark-submit's main class).",
        description = {
            "Cuts the run into tasks (each grid cell's networks into shards, sized by",
            "--task-networks and --task-memory), trains each task on its executor (CUDA on",
            "the GPU Spark gave the task, else the CPU engine with spark.task.cpus",
            "threads), retries failed tasks (the results are deterministic, so a retry",
            "writes the same bytes) and writes the folder 'relulab collapse' writes, with",
            "the same networks.csv or grid.csv (times aside). Everything after 'collapse'",
            "is 'relulab collapse' options; see docs/spark.md for spark-submit.",
            "",
            "Example:",
            "  spark-submit --class dev.relulab.spark.SparkSweep --jars target/relulab.jar \\",
            "    spark/target/relulab-spark.jar collapse --depths 2,6,10 --widths 2,3 --out runs/g",
            ""})
public final class SparkSweep {
    @Option(names = "--task-networks", paramLabel = "N", description = "At most N networks per task (default: "
            + SweepPlan.DEFAULT_TASK_NETWORKS + ").")
    int taskNetworks = SweepPlan.DEFAULT_TASK_NETWORKS;

    @Option(names = "--task-memory", paramLabel = "MIB", description = "Heap a task may plan to use on its executor, "
            + "in MiB; tasks are cut so their results fit (default: " + SweepPlan.DEFAULT_TASK_MEMORY_MIB + ").")
    long taskMemoryMib = SweepPlan.DEFAULT_TASK_MEMORY_MIB;

    @Parameters(index = "0", paramLabel = "collapse", description = "The experiment: collapse.")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "OPTION", description = "Options of 'relulab collapse'.")
    List<String> collapseArgs = List.of();

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%^-]+");

    public static void main(String[] args) {
        System.exit(run(null, new TaskRunner(), System.out, System.err, args));
    }

    /**
     * Runs the job and returns the exit code. {@code sc} is the Spark context to use, or null to start one from
     * spark-submit's configuration once the options are checked; {@code function} trains a task.
     */
    public static int run(JavaSparkContext sc, TaskFunction function, PrintStream out, PrintStream err,
                          String... args) {
        SparkSweep job = new SparkSweep();
        CollapseCommand collapse = new CollapseCommand();
        CommandLine cl = new CommandLine(job).setStopAtPositional(true);
        CommandLine collapseCl = new CommandLine(collapse);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return 0;
            }
            if (cl.isVersionHelpRequested()) {
                out.println("relulab-spark " + VersionProvider.version());
                return 0;
            }
            if (!"collapse".equals(job.experiment)) {
                throw new CommandLine.ParameterException(cl, "'" + job.experiment + "' is not an experiment "
                        + "relulab-spark runs; allowed: collapse");
            }
            collapseCl.parseArgs(job.collapseArgs.toArray(new String[0]));
            if (collapseCl.isUsageHelpRequested()) {
                collapseCl.usage(out);
                return 0;
            }
        } catch (CommandLine.ParameterException e) {
            err.println("relulab-spark: " + e.getMessage());
            err.println("Try 'relulab-spark --help' or 'relulab-spark collapse --help' for the options.");
            return 2;
        }
        try {
            return job.execute(sc, function, collapse, out, err, commandLine(args));
        } catch (UsageError | IllegalArgumentException e) {
            err.println("relulab-spark: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("relulab-spark: file error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            if (!(e instanceof SparkException)) throw e;
            // a task failed on every attempt (spark.task.maxFailures): the cause names the task and what it threw
            err.println("relulab-spark: the Spark job failed: " + rootMessage(e));
            return 1;
        }
    }

    private int execute(JavaSparkContext given, TaskFunction function, CollapseCommand collapse, PrintStream out,
                        PrintStream err, String commandLine) throws IOException {
        Instant started = Instant.now();
        CollapseCommand.Request request = collapse.request();
        if (request.threads() != 0) {
            throw new UsageError("--threads: each CPU task of relulab-spark runs spark.task.cpus threads; leave "
                    + "--threads out and set spark.task.cpus");
        }
        if (taskMemoryMib < 1) throw new UsageError("--task-memory=" + taskMemoryMib + " must be at least 1 (MiB)");
        SweepPlan plan = new SweepPlan(request, request.engine().cliName(), taskNetworks, taskMemoryMib << 20);
        for (SweepPlan.Cell c : plan.cells) {
            // the driver holds one cell's results at a time, while it reads its pieces back
            Plan.checkHeap("relulab-spark's driver, reading back " + c.settings().sizeOptions(),
                    Plan.multiply(Plan.resultBytesPerNetwork(c.settings().depth), c.settings().networks));
        }
        try (OutputFolder folder = collapse.openOutput()) {
            folder.sameRun(plan.identity());
            long bytes = 0; // every task's piece stays in the work area until the commit, and networks.csv
            for (SweepPlan.Cell c : plan.cells) {
                bytes = Math.min(Long.MAX_VALUE / 2, bytes) + Plan.multiply(2L * (60 + 6L * c.settings().depth),
                        c.settings().networks);
            }
            folder.checkSpace(plan.request.base().sizeOptions() + (plan.grid() == null ? "" : " (the whole grid)"),
                    bytes);
            List<SweepTask> pending = SweepJob.pending(plan, folder);
            if (pending.size() < plan.tasks.size()) {
                out.printf("resumed: %d of %d tasks kept from the interrupted run, %d to run%n",
                        plan.tasks.size() - pending.size(), plan.tasks.size(), pending.size());
            }
            long t0 = System.nanoTime();
            JavaSparkContext sc = given;
            try {
                if (sc == null && !pending.isEmpty()) sc = new JavaSparkContext(conf(commandLine));
                new SweepJob(sc, function, err).run(pending, folder);
            } finally {
                if (given == null && sc != null) sc.stop();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            new SweepOutput(plan, folder).write((experiment, engine, device, seconds) -> new Provenance(experiment,
                    VersionProvider.version(), VersionProvider.gitCommit(), commandLine, engine, device,
                    request.base().seed, started, seconds), wall, out);
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("relulab-spark task")) m = t.getMessage();
        }
        return m == null ? e.toString() : m.lines().findFirst().orElse(m);
    }

    /** spark-submit's configuration, with the job's name and no cap on the results the driver receives. */
    static SparkConf conf(String commandLine) {
        // each result is written to the work area as it arrives; the default 1g cap would stop a large sweep
        return new SparkConf().setAppName(commandLine).setIfMissing("spark.driver.maxResultSize", "0");
    }

    /** {@code relulab-spark ARGS}, each argument shell-quoted where it needs it (summary.json's command_line). */
    static String commandLine(String... args) {
        StringBuilder b = new StringBuilder("relulab-spark");
        for (String a : args) {
            b.append(' ').append(!a.isEmpty() && PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
