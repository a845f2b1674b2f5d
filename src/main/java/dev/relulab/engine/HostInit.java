package dev.relulab.engine;

import dev.relulab.nn.Initializer;
import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/** Initialisation drawn by {@link Initializer} on the host into arrays: the CPU engine's path and the device fallback. */
public final class HostInit {
    private HostInit() {}

    /** Network e's matrix at {@code w[e * fanOut * fanIn]}, and for RAI its biases at {@code b[e * fanOut]}. */
    public static void weights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut,
                               float[] w, float[] b) {
        for (int e = 0; e < E; e++) {
            init.fillWeights(w, e * fanOut * fanIn, b, e * fanOut, fanIn, fanOut,
                    new RandomStream(seed, netBase + e, Purpose.WEIGHTS, layer));
        }
    }

    public static void biases(Initializer init, long seed, int netBase, int E, int layer, int n, float[] b) {
        for (int e = 0; e < E; e++) {
            init.fillBiases(b, e * n, n, new RandomStream(seed, netBase + e, Purpose.BIASES, layer));
        }
    }

    /** Draws on the host and uploads: for devices that cannot run the init kernels. */
    public static void weightsVia(Engine eng, Initializer init, long seed, int netBase, int E, int layer, int fanIn,
                                  int fanOut, Buffer w, Buffer b) {
        float[] wh = new float[E * fanOut * fanIn];
        float[] bh = init.setsBiases() ? new float[E * fanOut] : null;
        weights(init, seed, netBase, E, layer, fanIn, fanOut, wh, bh);
        eng.write(w, wh, wh.length);
        if (bh != null) eng.write(b, bh, bh.length);
    }

    public static void biasesVia(Engine eng, Initializer init, long seed, int netBase, int E, int layer, int n,
                                 Buffer b) {
        float[] bh = new float[E * n];
        biases(init, seed, netBase, E, layer, n, bh);
        eng.write(b, bh, bh.length);
    }
}
