package dev.relulab.engine;

import dev.relulab.nn.Initializer;

/** The argument checks of {@link Engine#initWeights} and {@link Engine#initBiases} that every engine shares. */
public final class InitArgs {
    private InitArgs() {}

    /** Checks the shape of a weight initialisation (and that RAI has its bias buffer); returns E * fanOut * fanIn. */
    public static int weights(Initializer init, int netBase, int E, int layer, int fanIn, int fanOut, Buffer b) {
        String op = "initWeights " + init;
        common(op, netBase, E, layer);
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException(op + ": fanIn=" + fanIn + ", fanOut=" + fanOut + " must be at least 1");
        }
        if (init.setsBiases() && b == null) throw new IllegalArgumentException(op + ": b is required (RAI sets biases)");
        return total(op, (long) E * fanOut * fanIn);
    }

    /** Checks the shape of a bias initialisation and that the initialiser may set biases; returns E * n. */
    public static int biases(Initializer init, int netBase, int E, int layer, int n) {
        String op = "initBiases " + init;
        init.biasSampling();
        common(op, netBase, E, layer);
        if (n < 1) throw new IllegalArgumentException(op + ": n=" + n + " must be at least 1");
        return total(op, (long) E * n);
    }

    private static void common(String op, int netBase, int E, int layer) {
        if (E < 0 || netBase < 0) {
            throw new IllegalArgumentException(op + ": E=" + E + ", netBase=" + netBase + " must not be negative");
        }
        if (layer < 0 || layer >= (1 << 24)) {
            throw new IllegalArgumentException(op + ": layer=" + layer + " must be between 0 and " + ((1 << 24) - 1));
        }
    }

    private static int total(String op, long total) {
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + total + " elements; the kernels index below 2^31");
        }
        return (int) total;
    }
}
