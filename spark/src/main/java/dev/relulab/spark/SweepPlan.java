package dev.relulab.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.cli.CollapseCommand;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.report.CollapseReport;
import dev.relulab.report.Json;
import dev.relulab.train.Plan;
import dev.relulab.train.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A collapse run or grid cut into Spark tasks: every cell's ensemble into shards 1..N (the shards of
 * {@code collapse --shard K/N}), N chosen so that a task's networks fit {@code --task-memory} by the memory plan and
 * number at most {@code --task-networks}. Tasks are listed largest first, so the longest start first.
 */
public final class SweepPlan {
    /** Default of --task-networks: enough to fill a GPU many times over, short enough to retry on a CPU. */
    public static final int DEFAULT_TASK_NETWORKS = 1 << 18;
    /** Default of --task-memory, in MiB: a task's share of a small executor's heap. */
    public static final long DEFAULT_TASK_MEMORY_MIB = 512;

    /** One ensemble of the run: the single run's (prefix "") or a grid cell's ("cell-I-"). */
    public record Cell(int index, String prefix, CollapseSettings settings, CollapseExperiment experiment, int shards) {}

    public final CollapseCommand.Request request;
    public final List<Cell> cells;
    /** Every task, largest first. */
    public final List<SweepTask> tasks;
    public final String engine;
    public final int taskNetworks;
    public final long taskMemoryBytes;

    /** Cuts {@code request}; {@code engine} is the executors' --engine (auto, cpu or cuda). */
    public SweepPlan(CollapseCommand.Request request, String engine, int taskNetworks, long taskMemoryBytes) {
        if (request.shard() != null) {
            throw new IllegalArgumentException("--shard " + request.shard() + ": relulab-spark cuts the shards "
                    + "itself (--task-networks, --task-memory); leave --shard out");
        }
        if (!List.of("auto", "cpu", "cuda").contains(engine)) {
            throw new IllegalArgumentException("--engine " + engine + " is not one relulab-spark runs on executors; "
                    + "allowed: auto (CUDA on a task's GPU, else the CPU), cpu, cuda");
        }
        if (taskNetworks < 1) throw new IllegalArgumentException("--task-networks=" + taskNetworks + " must be at least 1");
        this.request = request;
        this.engine = engine;
        this.taskNetworks = taskNetworks;
        this.taskMemoryBytes = taskMemoryBytes;
        List<CollapseSettings> settings = request.grid() == null ? List.of(request.base()) : request.grid().cells();
        List<Cell> cells = new ArrayList<>();
        List<SweepTask> tasks = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            CollapseSettings s = settings.get(i);
            CollapseExperiment x = new CollapseExperiment(s);
            int size = networksPerTask(s.depth);
            int shards = (int) ((s.networks + (long) size - 1) / size);
            Cell cell = new Cell(i, request.grid() == null ? "" : "cell-" + i + "-", s, x, shards);
            cells.add(cell);
            String config = CollapseReport.config(s).toString();
            long costPerNetwork = x.totalSteps() / s.networks * (x.config.arch.parametersPerNetwork() + 24);
            for (int k = 1; k <= shards; k++) {
                Shard shard = new Shard(k, shards);
                int first = shard.first(s.networks), count = shard.size(s.networks);
                tasks.add(new SweepTask(i, cell.prefix(), config, k, shards, first, count, engine,
                        costPerNetwork * count));
            }
        }
        tasks.sort(Comparator.comparingLong(SweepTask::cost).reversed().thenComparingInt(SweepTask::cell)
                .thenComparingInt(SweepTask::first));
        this.cells = List.copyOf(cells);
        this.tasks = List.copyOf(tasks);
    }

    /**
     * Heap bytes a task needs per network of depth {@code depth}: its results (Plan.resultBytesPerNetwork) and
     * its networks.csv rows twice (the text, and its serialised copy on the way to the driver), about 60 bytes
     * plus 6 per hidden layer each. The CPU engine's chunk buffers come on top; the engine sizes them itself.
     */
    public static long taskBytesPerNetwork(int depth) {
        return Plan.resultBytesPerNetwork(depth) + 2 * (60 + 6L * depth);
    }

    /** Networks per task for depth {@code depth}: --task-networks, or fewer when they would not fit --task-memory. */
    public int networksPerTask(int depth) {
        long fit = taskMemoryBytes / taskBytesPerNetwork(depth);
        if (fit < 1) {
            throw new IllegalArgumentException("--task-memory " + (taskMemoryBytes >> 20) + " MiB does not hold one "
                    + "network of depth " + depth + " (" + taskBytesPerNetwork(depth) + " bytes)");
        }
        return (int) Math.min(taskNetworks, fit);
    }

    /** The grid, or null for a single run. */
    public CollapseGrid grid() {
        return request.grid();
    }

    /** What ties a resumed run folder to this plan: the settings, the grid, the executors' engine and task sizes. */
    public ObjectNode identity() {
        ObjectNode id = Json.object();
        id.set("config", CollapseReport.config(request.base()));
        if (grid() != null) {
            id.set("grid", Json.MAPPER.valueToTree(List.of(grid().activations.toString(), grid().inits.toString(),
                    grid().widths.toString(), grid().depths.toString())));
        }
        id.put("engine", "spark:" + engine);
        id.put("task_networks", taskNetworks);
        id.put("task_memory_bytes", taskMemoryBytes);
        return id;
    }
}
