package dev.relulab.perf;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * N activations as one dense call on an engine: a layer with one input and N units (E=1, B=1, nIn=1, nOut=N), so
 * z = w x + b streams w and b and the activation runs over all N units in one loop or launch. Inputs are random with
 * about half of z negative, so branches are as unpredictable as in training. Also holds the copy: {@link Engine#copy}
 * of w into z (a device-to-device copy on CUDA and OpenCL, System.arraycopy on the CPU).
 */
final class ActivationLayer implements AutoCloseable {
    /** Device kernels may contract w x + b into an FMA and use their own exp and erf; the CPU engine is exact. */
    private static final float ATOL = 1e-5f, RTOL = 1e-4f;
    private static final long SEED = 0x5eed_7L;
    private static final float X = 1f;
    private static final int SHOWN = 5;

    private final Engine eng;
    private final int n;
    private final float[] w, b, dA, got;
    private final Buffer x, wb, bb, z, a, dAb, dW, db, slope, dSlope;
    private final List<Buffer> all = new ArrayList<>();

    ActivationLayer(Engine eng, int n) {
        if (n < 1) throw new IllegalArgumentException("elements=" + n + " must be at least 1");
        this.eng = eng;
        this.n = n;
        SplittableRandom rng = new SplittableRandom(SEED);
        w = new float[n];
        b = new float[n];
        dA = new float[n];
        got = new float[n];
        for (int j = 0; j < n; j++) {
            w[j] = (float) rng.nextDouble(-4, 4);
            b[j] = (float) rng.nextDouble(-0.5, 0.5);
            dA[j] = (float) rng.nextDouble(-1, 1);
        }
        x = floats(1);
        wb = floats(n);
        bb = floats(n);
        z = floats(n);
        a = floats(n);
        dAb = floats(n);
        dW = floats(n);
        db = floats(n);
        slope = floats(n);
        dSlope = floats(n);
        eng.fill(x, X, 1);
        eng.write(wb, w, n);
        eng.write(bb, b, n);
        eng.write(dAb, dA, n);
        eng.fill(slope, ActivationBench.PRELU_SLOPE, n);
    }

    void forward(Activation act) {
        eng.denseForward(1, 1, 1, n, x, wb, bb, act, alpha(act), act.hasLearnedSlope() ? slope : null, z, a, null);
    }

    /** Restores dL/da, which {@link #backward} overwrites with dL/dz. */
    void resetGradient() {
        eng.write(dAb, dA, n);
    }

    /** Needs the z of a {@link #forward} with the same activation. */
    void backward(Activation act) {
        boolean learned = act.hasLearnedSlope();
        eng.denseBackward(1, 1, 1, n, x, wb, z, act, alpha(act), learned ? slope : null, dAb, dW, db,
                learned ? dSlope : null, null);
    }

    /** z[i] = w[i] on the engine: the bandwidth reference of the table. */
    void copy() {
        eng.copy(wb, z, n);
    }

    void validateForward(Activation act) {
        eng.fill(z, Float.NaN, n);
        eng.fill(a, Float.NaN, n);
        forward(act);
        eng.read(a, got, n);
        float p = act.hasLearnedSlope() ? ActivationBench.PRELU_SLOPE : alpha(act);
        compare("forward " + act.cliName(), j -> act.value(b[j] + w[j] * X, p));
    }

    void validateBackward(Activation act) {
        forward(act);
        resetGradient();
        backward(act);
        eng.read(dAb, got, n);
        float p = act.hasLearnedSlope() ? ActivationBench.PRELU_SLOPE : alpha(act);
        compare("backward " + act.cliName(), j -> dA[j] * act.derivative(b[j] + w[j] * X, p));
    }

    void validateCopy() {
        eng.fill(z, Float.NaN, n);
        copy();
        eng.read(z, got, n);
        compare("copy", j -> w[j]);
    }

    private interface Reference {
        float at(int j);
    }

    private void compare(String what, Reference want) {
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int j = 0; j < n; j++) {
            float r = want.at(j), g = got[j];
            boolean ok = Math.abs(g - r) <= ATOL + RTOL * Math.abs(r) || Float.compare(g, r) == 0;
            if (!ok && bad++ < SHOWN) first.append(String.format(" [%d] want %s got %s", j, r, g));
        }
        if (bad > 0) {
            throw new IllegalStateException(what + " on " + eng.kind().cliName() + ": " + bad + " of " + n
                    + " elements differ from the host reference; first:" + first);
        }
    }

    private static float alpha(Activation act) {
        return act.defaultAlpha;
    }

    private Buffer floats(int count) {
        Buffer buf = eng.floats(count);
        all.add(buf);
        return buf;
    }

    @Override
    public void close() {
        for (Buffer buf : all) buf.close();
    }
}
