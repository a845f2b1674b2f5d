package dev.relulab.experiments.scorecard;

import dev.relulab.experiments.Rules;
import dev.relulab.nn.Activation;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the scorecard measures and how much: the activations (with the notes' parameters), seeds per cell, and
 * each part's size. The default fits about two minutes on two CPU cores; {@link #full} is sized for a GPU.
 */
public final class ScorecardSettings {
    /** The named presets. */
    public static final String PRESETS = "default, full";

    public String preset = "default";
    public List<Activation> activations = List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.PRELU,
            Activation.ELU, Activation.SELU, Activation.SWISH, Activation.GELU);
    /** Networks (seeds) per cell of the variants, MNIST and deep-net parts. */
    public int seeds = 30;
    public long seed = 42;

    /** Timed rounds per shape and activation (after one untimed warm-up round), steps an epoch, networks timed. */
    public int speedReps = 6, speedSteps = 8, speedNarrowNetworks = 100, speedVariantsNetworks = 15;

    public int variantsEpochs = 15;
    /** Validation accuracy that counts as converged on the variants task (its plateau is about 0.89). */
    public double variantsTarget = 0.85;

    /** The MNIST data (null: no MNIST part), the first {@code mnistImages} training images of it, 20% held out. */
    public Path mnist;
    public int mnistImages = 1000, mnistEpochs = 3, mnistBatch = 32;
    /** Adam at ten times its default rate: high enough that ReLU units die (mnist-lr), low enough to learn. */
    public float mnistLr = 0.01f;
    public double mnistTarget = 0.80;

    /** Depths of the lu2019 nets (width 2) and networks per (activation, depth). */
    public List<Integer> depths = List.of(2, 6, 10);
    public int collapseNetworks = 200;

    /** The deep net of the self-normalisation part: depth x width hidden layers on the variants task. */
    public int deepDepth = 16, deepWidth = 64, deepEpochs = 1;

    /** The settings of a named preset. */
    public static ScorecardSettings preset(String name) {
        switch (name) {
            case "default":
                return new ScorecardSettings();
            case "full":
                return full();
            default:
                throw new IllegalArgumentException("--preset " + name + " is unknown; allowed: " + PRESETS);
        }
    }

    /** For a GPU: more seeds and networks, the notebooks' epochs, the whole lu2019 depth range, a larger MNIST. */
    public static ScorecardSettings full() {
        ScorecardSettings s = new ScorecardSettings();
        s.preset = "full";
        s.seeds = 200;
        s.speedReps = 11;
        s.speedSteps = 32;
        s.speedNarrowNetworks = 100_000;
        s.speedVariantsNetworks = 1000;
        s.variantsEpochs = 50;
        s.mnistImages = 12_000;
        s.mnistEpochs = 5;
        s.mnistBatch = 64;
        s.depths = List.of(2, 4, 6, 8, 10, 12);
        s.collapseNetworks = 2000;
        s.deepEpochs = 20;
        return s;
    }

    /** The parameter each activation is measured with: the notes' (Leaky ReLU 0.01, PReLU starting at 0.25, ELU 1). */
    public static float alpha(Activation a) {
        switch (a) {
            case LEAKY_RELU: return 0.01f;
            case PRELU: return 0.25f;
            case ELU: return 1f;
            default: return a.defaultAlpha;
        }
    }

    /** Checks every setting; messages name the option. */
    public void check() {
        Rules.distinct("--activations", activations.stream().map(Activation::cliName).toList());
        Rules.range("--seeds", seeds, 2, 1_000_000);
        Rules.range("--speed-reps", speedReps, 1, 1000);
        Rules.range("--speed-steps", speedSteps, 1, 100_000);
        Rules.range("--speed-networks", speedNarrowNetworks, 1, 10_000_000);
        Rules.range("--speed-networks", speedVariantsNetworks, 1, 10_000_000);
        Rules.range("--variants-epochs", variantsEpochs, 1, Rules.MAX_EPOCHS);
        target("--variants-target", variantsTarget);
        Rules.range("--mnist-images", mnistImages, 10, 60_000);
        Rules.range("--mnist-epochs", mnistEpochs, 1, Rules.MAX_EPOCHS);
        Rules.range("--mnist-batch", mnistBatch, 1, Rules.MAX_BATCH);
        Rules.learningRate("--mnist-lr", mnistLr);
        target("--mnist-target", mnistTarget);
        Rules.distinct("--depths", depths);
        for (int d : depths) Rules.range("--depths: " + d + "; each", d, 1, 1000);
        Rules.range("--collapse-networks", collapseNetworks, 1, 100_000_000);
        Rules.range("--deep-depth", deepDepth, 1, 64);
        Rules.range("--deep-width", deepWidth, 1, dev.relulab.nn.Architecture.MAX_WIDTH);
        Rules.range("--deep-epochs", deepEpochs, 1, Rules.MAX_EPOCHS);
    }

    private static void target(String option, double v) {
        if (!(v > 0 && v < 1)) throw new IllegalArgumentException(option + "=" + v + " must be a fraction in (0, 1)");
    }

    /** The activation ratios are relative to ReLU, or to the first activation when ReLU is not measured. */
    public Activation baseline() {
        return activations.contains(Activation.RELU) ? Activation.RELU : activations.get(0);
    }
}
