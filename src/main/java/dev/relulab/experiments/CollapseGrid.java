package dev.relulab.experiments;

import dev.relulab.engine.Engine;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.train.Checkpoint;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A grid of collapse runs: every (activation, initialiser, width, depth) cell is one ensemble trained from the same
 * base settings with those four overridden. Cells run one after the other on one engine.
 */
public final class CollapseGrid {
    /** One finished cell. */
    public record Cell(Activation activation, Initializer init, int width, int depth, CollapseSummary summary,
                       double seconds) {}

    private final Supplier<CollapseSettings> base;
    public final List<Activation> activations;
    public final List<Initializer> inits;
    public final List<Integer> widths, depths;

    /**
     * {@code base} gives fresh settings (the preset with the user's other options applied) for every cell; a cell
     * whose activation differs from the base's uses that activation's default parameter.
     */
    public CollapseGrid(Supplier<CollapseSettings> base, List<Activation> activations, List<Initializer> inits,
                        List<Integer> widths, List<Integer> depths) {
        this.base = base;
        this.activations = List.copyOf(Rules.distinct("--activations", activations));
        this.inits = List.copyOf(Rules.distinct("--inits", inits));
        this.widths = List.copyOf(Rules.distinct("--widths", widths));
        this.depths = List.copyOf(Rules.distinct("--depths", depths));
        for (int d : this.depths) Rules.range("--depths: " + d + "; each", d, 1, 1000);
        for (int w : this.widths) Rules.range("--widths: " + w + "; each", w, 1, dev.relulab.nn.Architecture.MAX_WIDTH);
        for (CollapseSettings s : cells()) s.check();
    }

    /** The checkpoint of one cell (by its index in {@link #cells()}), or null for none. */
    public interface Cells {
        Checkpoint checkpoint(int cell, CollapseExperiment experiment);
    }

    /** The settings of every cell, activation-major, depth fastest. */
    public List<CollapseSettings> cells() {
        List<CollapseSettings> out = new ArrayList<>();
        for (Activation a : activations) {
            for (Initializer i : inits) {
                for (int w : widths) {
                    for (int d : depths) {
                        CollapseSettings s = base.get();
                        s.activation(a, null);
                        s.init = i;
                        s.width = w;
                        s.depth = d;
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** Progress units of the grid: each cell's network-steps weighted by its parameters, so the ETA holds. */
    public long totalSteps() {
        long t = 0;
        for (CollapseSettings s : cells()) {
            CollapseExperiment x = new CollapseExperiment(s);
            t += x.totalSteps() * weight(x);
        }
        return t;
    }

    /**
     * A cell's cost per network-step: its parameters plus 24 for the per-step work that does not grow with them.
     * Fitted to the 30 cells of docs/results.md's grid (CPU engine, 1000 networks each, 2026-11-23): seconds =
     * 0.0098 (parameters + 24), between 0.94 and 1.31 times the measured time of every cell after the first (which
     * carries the JIT's warm-up). Unweighted steps made the ETA about 3x optimistic while deeper cells ran.
     */
    private static long weight(CollapseExperiment x) {
        return x.config.arch.parametersPerNetwork() + 24;
    }

    public List<Cell> run(Engine engine, Progress progress) {
        return run(engine, progress, (c, x) -> null);
    }

    /** Runs every cell, keeping and reusing finished chunks through {@code cells}. */
    public List<Cell> run(Engine engine, Progress progress, Cells cells) {
        List<Cell> out = new ArrayList<>();
        List<CollapseSettings> all = cells();
        for (int i = 0; i < all.size(); i++) {
            CollapseSettings s = all.get(i);
            CollapseExperiment x = new CollapseExperiment(s);
            EnsembleResult r = x.run(engine, progress.weighted(weight(x)), cells.checkpoint(i, x));
            out.add(new Cell(s.activation, s.init, s.width, s.depth, CollapseExperiment.summarise(r), r.seconds));
        }
        return out;
    }
}
