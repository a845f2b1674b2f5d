package dev.relulab.nn;

import java.util.Arrays;

/**
 * The shape shared by every network of an ensemble: widths n0..nL, the hidden activation (with its parameter),
 * the output loss, and the initialisers of each layer. Layer l (1-based) maps n(l-1) inputs to n(l) outputs.
 */
public final class Architecture {
    /** The widest layer the kernels accept. */
    public static final int MAX_WIDTH = 4096;

    private final int[] widths;
    public final Activation hidden;
    public final float alpha;
    public final Loss loss;
    private final Initializer[] weightInit;
    public final Initializer biasInit;

    public Architecture(int[] widths, Activation hidden, float alpha, Loss loss, Initializer[] weightInit,
                        Initializer biasInit) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an architecture needs at least an input and an output width");
        }
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 1 || widths[i] > MAX_WIDTH) {
                throw new IllegalArgumentException("width[" + i + "]=" + widths[i] + " must be between 1 and "
                        + MAX_WIDTH);
            }
        }
        if (weightInit.length != widths.length - 1) {
            throw new IllegalArgumentException("need one weight initialiser per layer: " + (widths.length - 1)
                    + ", got " + weightInit.length);
        }
        this.widths = widths.clone();
        this.hidden = hidden;
        this.alpha = alpha;
        this.loss = loss;
        this.weightInit = weightInit.clone();
        this.biasInit = biasInit;
    }

    /** A plain MLP: {@code depth} hidden layers of {@code width}, one initialiser for every layer. */
    public static Architecture mlp(int in, int width, int depth, int out, Activation hidden, float alpha, Loss loss,
                                   Initializer init, Initializer biasInit) {
        if (depth < 1) throw new IllegalArgumentException("depth=" + depth + " must be at least 1");
        int[] w = new int[depth + 2];
        Arrays.fill(w, width);
        w[0] = in;
        w[depth + 1] = out;
        Initializer[] inits = new Initializer[depth + 1];
        Arrays.fill(inits, init);
        return new Architecture(w, hidden, alpha, loss, inits, biasInit);
    }

    /** The same architecture with layer {@code layer}'s (1-based) weight initialiser replaced. */
    public Architecture withLayerInit(int layer, Initializer init) {
        Initializer[] inits = weightInit.clone();
        inits[layer - 1] = init;
        return new Architecture(widths, hidden, alpha, loss, inits, biasInit);
    }

    /** Number of dense layers (hidden layers plus the output layer). */
    public int layers() {
        return widths.length - 1;
    }

    public int hiddenLayers() {
        return widths.length - 2;
    }

    /** Width of layer l, 0 being the input. */
    public int width(int l) {
        return widths[l];
    }

    public int[] widths() {
        return widths.clone();
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Activation of dense layer l (1-based): the hidden one, or linear for the output (the loss fuses the rest). */
    public Activation activation(int l) {
        return l == layers() ? Activation.LINEAR : hidden;
    }

    public Initializer weightInit(int l) {
        return weightInit[l - 1];
    }

    /** Parameters of one network: weights, biases and, for PReLU, one slope per hidden unit. */
    public long parametersPerNetwork() {
        long p = 0;
        for (int l = 1; l <= layers(); l++) {
            p += (long) widths[l] * widths[l - 1] + widths[l];
            if (activation(l).hasLearnedSlope()) p += widths[l];
        }
        return p;
    }

    /** The largest width of any layer, input included. */
    public int maxWidth() {
        return Arrays.stream(widths).max().orElseThrow();
    }

    @Override
    public String toString() {
        return Arrays.toString(widths) + " " + hidden.cliName() + " " + loss;
    }
}
