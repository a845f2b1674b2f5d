package dev.relulab.experiments;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;

/**
 * Every setting of a collapse run, starting from a preset; the CLI overrides fields one by one. Field defaults are
 * the lu2019 preset of EXPERIMENTS.md (the notebook's seed 1999 included).
 */
public final class CollapseSettings {
    public String preset = "lu2019";
    public int networks = 1000, depth = 10, width = 2, epochs = 2, batch = 64, points = 3000, testPoints = 500;
    public Activation activation = Activation.RELU;
    public float alpha = Float.NaN;
    public Initializer init = Initializer.of(Initializer.Kind.GLOROT_UNIFORM);
    /** The first layer's initialiser when it differs from the rest (lu2019-leaky), else null. */
    public Initializer firstInit;
    public Initializer biasInit = Initializer.of(Initializer.Kind.ZEROS);
    public Optimizer.Kind optimizer = Optimizer.Kind.SGD;
    public float lr = 0.01f;
    public FunctionTarget target = FunctionTarget.ABS;
    /** x is uniform on [-xRange, xRange]; sqrt(7) in Lu et al. */
    public float xRange = (float) Math.sqrt(7);
    public long seed = 1999;
    public float deadThreshold = 0f;
    public double functionalTolerance = 1e-3;
    public boolean probeEveryEpoch = true;

    /** The named presets. */
    public static final String PRESETS = "lu2019, lu2019-leaky";

    /** The settings of a named preset. */
    public static CollapseSettings preset(String name) {
        CollapseSettings s = new CollapseSettings();
        switch (name) {
            case "lu2019":
                return s;
            case "lu2019-leaky":
                s.preset = name;
                s.activation = Activation.LEAKY_RELU;
                s.alpha = 0.01f;
                s.firstInit = Initializer.normal(0, 0.01);
                return s;
            default:
                throw new IllegalArgumentException("unknown preset '" + name + "'; allowed: " + PRESETS);
        }
    }

    /** Sets the optimizer and, unless {@code lr} is given (not null), that optimizer's default rate (Keras'). */
    public void optimizer(Optimizer.Kind kind, Float lr) {
        optimizer = kind;
        this.lr = lr != null ? lr : (float) kind.defaultLr;
    }

    /**
     * Sets the activation and its parameter: {@code alpha} when given (not null); else the preset's own when the
     * activation stays the same (lu2019-leaky's 0.01), and the new activation's default when it changes.
     */
    public void activation(Activation a, Float alpha) {
        if (alpha != null) {
            this.alpha = alpha;
        } else if (a != activation) {
            this.alpha = Float.NaN;
        }
        activation = a;
    }

    /** Checks every field; messages name the command-line option and the allowed values. */
    public void check() {
        Rules.range("--networks", networks, 1, Integer.MAX_VALUE);
        Rules.range("--depth", depth, 1, 1000);
        Rules.range("--width", width, 1, dev.relulab.nn.Architecture.MAX_WIDTH);
        if (!Float.isNaN(alpha)) Rules.finite("--alpha", alpha);
        if (!biasInit.allowedForBiases()) {
            throw new IllegalArgumentException("--bias-init " + biasInit + " is not allowed; use zeros, constant(v), "
                    + "normal(mean,std) or uniform(lo,hi)");
        }
        Rules.learningRate("--lr", lr);
        Rules.range("--epochs", epochs, 0, Rules.MAX_EPOCHS);
        Rules.range("--batch", batch, 1, Rules.MAX_BATCH);
        Rules.range("--points", points, 1, 1 << 24);
        Rules.range("--test-points", testPoints, 2, 1 << 24);
        if (!(deadThreshold >= 0 && deadThreshold < 1)) {
            throw new IllegalArgumentException("--dead-threshold=" + deadThreshold + " must be in [0, 1)");
        }
        if (!(functionalTolerance > 0) || Double.isInfinite(functionalTolerance)) {
            throw new IllegalArgumentException("--functional-tol=" + functionalTolerance + " must be a positive number");
        }
    }

    /** The options that size a run, for plan refusals. */
    public String sizeOptions() {
        return "--networks " + networks + " --depth " + depth + " --width " + width + " --batch " + batch
                + (networks > 1 ? " (--shard K/N splits the ensemble across runs)" : "");
    }

    /** The activation's parameter: the one given, or the activation's default. */
    public float effectiveAlpha() {
        return Float.isNaN(alpha) ? activation.defaultAlpha : alpha;
    }
}
