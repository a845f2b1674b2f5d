package dev.relulab.nn;

import java.util.Locale;

/**
 * An optimizer and its hyper-parameters, with Keras' update rules and defaults: sgd ({@code w -= lr g}), momentum
 * ({@code v = m v - lr g; w += v}) and adam (bias correction folded into the step size, eps added to sqrt(v)).
 */
public final class Optimizer {
    /** The update rules; {@code code} is the kernels' switch value. */
    public enum Kind {
        SGD(0, 0.01), MOMENTUM(1, 0.01), ADAM(2, 0.001);

        public final int code;
        /** Keras' default learning rate for this optimizer. */
        public final double defaultLr;

        Kind(int code, double defaultLr) {
            this.code = code;
            this.defaultLr = defaultLr;
        }
    }

    /** Keras' defaults. */
    public static final double DEFAULT_MOMENTUM = 0.9, DEFAULT_BETA1 = 0.9, DEFAULT_BETA2 = 0.999,
            DEFAULT_EPSILON = 1e-7;

    public final Kind kind;
    public final double momentum, beta1, beta2, epsilon;

    public Optimizer(Kind kind, double momentum, double beta1, double beta2, double epsilon) {
        this.kind = kind;
        this.momentum = momentum;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The one rule for learning rates: a positive finite number; the message names {@code what}. */
    public static void checkLearningRate(String what, float lr) {
        if (!(lr > 0) || !Float.isFinite(lr)) throw new IllegalArgumentException(what + "=" + lr + " must be a positive number");
    }

    public static Optimizer of(Kind kind) {
        return new Optimizer(kind, DEFAULT_MOMENTUM, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** How many state tensors per parameter tensor: none for sgd, v for momentum, m and v for adam. */
    public int stateSlots() {
        return kind == Kind.SGD ? 0 : kind == Kind.MOMENTUM ? 1 : 2;
    }

    /** Adam's step size multiplier at step t (1-based): sqrt(1 - beta2^t) / (1 - beta1^t); 1 otherwise. */
    public float biasCorrection(int t) {
        if (kind != Kind.ADAM) return 1f;
        return (float) (Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    public static Kind parseKind(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "sgd": return Kind.SGD;
            case "momentum": case "sgd_momentum": return Kind.MOMENTUM;
            case "adam": return Kind.ADAM;
            default: throw new IllegalArgumentException("unknown optimizer '" + text + "'; allowed: sgd, momentum, adam");
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
