package dev.relulab.experiments;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.ForwardingEngine;
import dev.relulab.nn.Activation;

/**
 * An engine that records, per network and layer, the L2 norm of the weight gradient dW of every training step, and
 * the dW values of the first step (at initialisation) and the latest one. It recognises a training step from the
 * trainer's calls: gatherRows with an epoch of 0 or more starts one, then denseBackward runs from the last layer to
 * the first. It reads every dW back, so it is for small networks only.
 */
public final class GradientRecorder extends ForwardingEngine {
    private final int layers, epochs;
    /** [network][epoch][layer]: sum of norms and steps seen. */
    private final double[][][] normSum;
    private final int[][][] steps;
    private final float[][] initNorm;
    private final float[][][] initValues, lastValues;
    private final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);

    private static final class State {
        int netBase, E, epoch = -1, backwardCalls;
        boolean first;
    }

    public GradientRecorder(Engine delegate, int networks, int layers, int epochs) {
        super(delegate);
        this.layers = layers;
        this.epochs = epochs;
        normSum = new double[networks][epochs][layers];
        steps = new int[networks][epochs][layers];
        initNorm = new float[networks][layers];
        initValues = new float[networks][layers][];
        lastValues = new float[networks][layers][];
    }

    /** Mean dW norm of layer {@code layer} (0-based) over epoch {@code epoch}'s steps. */
    public double meanNorm(int net, int epoch, int layer) {
        int n = steps[net][epoch][layer];
        return n == 0 ? Double.NaN : normSum[net][epoch][layer] / n;
    }

    /** dW norm of the first step, at the initial weights. */
    public double initNorm(int net, int layer) {
        return initNorm[net][layer];
    }

    public float[] initGradient(int net, int layer) {
        return initValues[net][layer];
    }

    public float[] lastGradient(int net, int layer) {
        return lastValues[net][layer];
    }

    @Override
    public void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase,
                           int E, int start, int B, int epoch, Buffer x, Buffer y) {
        inner.gatherRows(data, labels, rowBase, nRows, d, k, seed, netBase, E, start, B, epoch, x, y);
        if (netBase < 0 || netBase + E > initNorm.length) {
            throw new IllegalStateException("GradientRecorder records networks [0, " + initNorm.length + "); got ["
                    + netBase + ", " + (netBase + E) + ") (a sharded training is not supported)");
        }
        State s = state.get();
        s.netBase = netBase;
        s.E = E;
        s.epoch = epoch;
        s.first = epoch == 0 && start == 0;
        s.backwardCalls = 0;
    }

    @Override
    public void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act,
                              float alpha, Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        inner.denseBackward(E, B, nIn, nOut, x, w, z, act, alpha, slope, dA, dW, db, dSlope, dX);
        State s = state.get();
        if (s.epoch < 0 || s.epoch >= epochs) return;
        int layer = layers - 1 - s.backwardCalls++;
        int per = nIn * nOut;
        float[] g = new float[E * per];
        inner.read(dW, g, g.length);
        for (int e = 0; e < E; e++) {
            int net = s.netBase + e;
            double ss = 0;
            for (int i = e * per; i < (e + 1) * per; i++) ss += (double) g[i] * g[i];
            double norm = Math.sqrt(ss);
            normSum[net][s.epoch][layer] += norm;
            steps[net][s.epoch][layer]++;
            float[] mine = java.util.Arrays.copyOfRange(g, e * per, (e + 1) * per);
            if (s.first) {
                initNorm[net][layer] = (float) norm;
                initValues[net][layer] = mine;
            }
            lastValues[net][layer] = mine;
        }
    }
}
