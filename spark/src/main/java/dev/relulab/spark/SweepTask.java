package dev.relulab.spark;

import java.io.Serializable;

/**
 * One Spark task: shard {@code shardIndex}/{@code shardCount} of grid cell {@code cell} (cell 0 of a single run),
 * networks [first, first + count), with the cell's settings as the config object of its summary.json (JSON text).
 *
 * @param cell the cell's index in the grid's order (activation-major, depth fastest)
 * @param prefix the file prefix of the cell's pieces in the run folder's work area ("" or "cell-I-")
 * @param config the cell's settings (report.CollapseReport.config), as JSON text
 * @param engine the --engine asked for: auto, cpu or cuda
 * @param cost the task's work in the grid's progress units, for ordering the largest first
 */
public record SweepTask(int cell, String prefix, String config, int shardIndex, int shardCount, int first, int count,
                        String engine, long cost) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The file of the finished networks in the work area, named as report.ChunkCheckpoint reads it back. */
    public String pieceName() {
        return prefix + "chunk-" + first + "-" + count + ".csv";
    }

    /** The file of the task's engine, device, training path and seconds, beside its piece. */
    public String metaName() {
        return prefix + "task-" + first + "-" + count + ".json";
    }

    @Override
    public String toString() {
        return (prefix.isEmpty() ? "" : "cell " + cell + ", ") + "shard " + shardIndex + "/" + shardCount
                + " (networks " + first + " to " + (first + count - 1) + ")";
    }
}
