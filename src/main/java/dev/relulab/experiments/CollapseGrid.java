package dev.relulab.experiments;

import dev.relulab.engine.Engine;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
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
        this.activations = List.copyOf(activations);
        this.inits = List.copyOf(inits);
        this.widths = List.copyOf(widths);
        this.depths = List.copyOf(depths);
    }

    /** The settings of every cell, activation-major, depth fastest. */
    public List<CollapseSettings> cells() {
        List<CollapseSettings> out = new ArrayList<>();
        for (Activation a : activations) {
            for (Initializer i : inits) {
                for (int w : widths) {
                    for (int d : depths) {
                        CollapseSettings s = base.get();
                        if (a != s.activation) s.alpha = Float.NaN;
                        s.activation = a;
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

    public long totalSteps() {
        long t = 0;
        for (CollapseSettings s : cells()) t += new CollapseExperiment(s).totalSteps();
        return t;
    }

    public List<Cell> run(Engine engine, Progress progress) {
        List<Cell> out = new ArrayList<>();
        for (CollapseSettings s : cells()) {
            EnsembleResult r = new CollapseExperiment(s).run(engine, progress);
            out.add(new Cell(s.activation, s.init, s.width, s.depth, CollapseExperiment.summarise(r), r.seconds));
        }
        return out;
    }
}
