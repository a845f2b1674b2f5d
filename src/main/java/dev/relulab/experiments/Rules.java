package dev.relulab.experiments;

import dev.relulab.nn.Optimizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks the experiments' settings share, each written once; messages name the command-line option and show the
 * bad value. Settings types call these from their {@code check()}, so every rule about a value lives with the
 * settings it belongs to and the commands only map options onto fields.
 */
public final class Rules {
    /** The largest minibatch any experiment takes (activations of one batch must fit an int index per layer). */
    public static final int MAX_BATCH = 1 << 16;
    /** The largest epoch count any experiment takes. */
    public static final int MAX_EPOCHS = 100_000;

    private Rules() {}

    public static int range(String option, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(option + "=" + value + " must be between " + lo + " and " + hi);
        }
        return (int) value;
    }

    public static float learningRate(String option, float lr) {
        Optimizer.checkLearningRate(option, lr);
        return lr;
    }

    public static float finite(String option, float value) {
        if (!Float.isFinite(value)) throw new IllegalArgumentException(option + "=" + value + " must be a finite number");
        return value;
    }

    /** Every value once: a repeated rate or activation would train the same networks twice under one name. */
    public static <T> List<T> distinct(String option, List<T> values) {
        if (values.isEmpty()) throw new IllegalArgumentException(option + " needs at least one value");
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) throw new IllegalArgumentException(option + " lists " + v + " twice");
        }
        return values;
    }
}
