package dev.relulab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.engine.Buffer;
import dev.relulab.nn.Activation;
import dev.relulab.nn.DoubleReference;
import dev.relulab.nn.Loss;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole network's backward pass on the CPU engine against central finite differences of a double-precision
 * forward pass written independently here: every weight, bias and PReLU slope of a 3-4-3-2 net, for every hidden
 * activation, with mse, bce and cce.
 */
class NetworkGradientTest {
    /** Fresh each run; replay a failure with -Drelulab.seed=N (the message prints N). */
    static final long SEED = Long.getLong("relulab.seed", System.nanoTime());
    static final int E = 2, B = 5;
    static final int[] N = {3, 4, 3, 2};
    /** Far more than a step of 1e-4 in any parameter can move a pre-activation of this small network. */
    static final double KINK_MARGIN = 5e-3;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesFiniteDifferences(Activation act) {
        for (Loss loss : Loss.values()) check(act, loss, new Random(SEED * 31 + act.ordinal() * 7 + loss.ordinal()));
    }

    private void check(Activation act, Loss loss, Random rnd) {
        CpuEngine eng = new CpuEngine(1);
        int L = N.length - 1;
        float alpha = act == Activation.PRELU ? 0.2f : act.defaultAlpha;
        float[][] w = new float[L + 1][], b = new float[L + 1][], slope = new float[L + 1][];
        float[] x;
        // Redraw until no hidden pre-activation lies within KINK_MARGIN of 0 where phi' jumps: a central difference
        // of step h across the kink measures neither side's derivative.
        do {
            for (int l = 1; l <= L; l++) {
                w[l] = gaussian(rnd, E * N[l] * N[l - 1], 0.8);
                b[l] = gaussian(rnd, E * N[l], 0.3);
                if (act == Activation.PRELU && l < L) slope[l] = gaussian(rnd, E * N[l], 0.3);
            }
            x = gaussian(rnd, E * B * N[0], 1);
        } while (hasKink(act) && minAbsPreActivation(w, b, slope, x, act, alpha) < KINK_MARGIN);
        float[] y = target(rnd, loss);
        Buffer[] act0 = new Buffer[L + 1], z = new Buffer[L + 1], dA = new Buffer[L + 1];
        Buffer[] wb = new Buffer[L + 1], bb = new Buffer[L + 1], sb = new Buffer[L + 1];
        Buffer[] dW = new Buffer[L + 1], db = new Buffer[L + 1], dS = new Buffer[L + 1];
        act0[0] = upload(eng, x);
        for (int l = 1; l <= L; l++) {
            wb[l] = upload(eng, w[l]);
            bb[l] = upload(eng, b[l]);
            sb[l] = slope[l] == null ? null : upload(eng, slope[l]);
            z[l] = eng.floats((long) E * B * N[l]);
            act0[l] = eng.floats((long) E * B * N[l]);
            dA[l] = eng.floats((long) E * B * N[l]);
            dW[l] = eng.floats(w[l].length);
            db[l] = eng.floats(b[l].length);
            dS[l] = sb[l] == null ? null : eng.floats(slope[l].length);
        }
        for (int l = 1; l <= L; l++) {
            Activation a = l == L ? Activation.LINEAR : act;
            eng.denseForward(E, B, N[l - 1], N[l], act0[l - 1], wb[l], bb[l], a, alpha, sb[l], z[l], act0[l], null);
        }
        Buffer yb = upload(eng, y), last = eng.floats(E), sum = eng.floats(E), div = eng.ints(E);
        eng.loss(loss, E, B, N[L], act0[L], yb, dA[L], last, sum, div);
        for (int l = L; l >= 1; l--) {
            Activation a = l == L ? Activation.LINEAR : act;
            eng.denseBackward(E, B, N[l - 1], N[l], act0[l - 1], wb[l], z[l], a, alpha, sb[l], dA[l], dW[l], db[l],
                    dS[l], l > 1 ? dA[l - 1] : null);
        }
        float[] lossGot = new float[E];
        eng.read(last, lossGot, E);
        for (int e = 0; e < E; e++) {
            double want = referenceLoss(w, b, slope, x, y, act, alpha, loss, e);
            assertEquals(want, lossGot[e], 1e-5 * (1 + Math.abs(want)), act + "/" + loss + " loss, seed " + SEED);
        }
        for (int l = 1; l <= L; l++) {
            compare("dW" + l, w[l], read(eng, dW[l]), w, b, slope, x, y, act, alpha, loss, N[l] * N[l - 1]);
            compare("db" + l, b[l], read(eng, db[l]), w, b, slope, x, y, act, alpha, loss, N[l]);
            if (slope[l] != null) {
                compare("dslope" + l, slope[l], read(eng, dS[l]), w, b, slope, x, y, act, alpha, loss, N[l]);
            }
        }
    }

    private void compare(String name, float[] param, float[] grad, float[][] w, float[][] b, float[][] slope,
                         float[] x, float[] y, Activation act, float alpha, Loss loss, int perNet) {
        double h = 1e-4;
        for (int k = 0; k < param.length; k++) {
            int e = k / perNet;
            float keep = param[k];
            // perturb in double by carrying the offset through the double forward pass
            double up = referenceLossShifted(w, b, slope, x, y, act, alpha, loss, e, param, k, keep + h);
            double down = referenceLossShifted(w, b, slope, x, y, act, alpha, loss, e, param, k, keep - h);
            double want = (up - down) / (2 * h);
            // float32 forward/backward against a double reference: 2e-4 relative plus an absolute floor; no
            // pre-activation lies near a kink (the draw in check() makes sure)
            assertEquals(want, grad[k], 2e-4 + 2e-3 * Math.abs(want),
                    act + "/" + loss + " " + name + "[" + k + "], seed " + SEED);
        }
    }

    private double referenceLossShifted(float[][] w, float[][] b, float[][] slope, float[] x, float[] y,
                                        Activation act, float alpha, Loss loss, int e, float[] param, int k,
                                        double value) {
        shifted = param;
        shiftedIndex = k;
        shiftedValue = value;
        try {
            return referenceLoss(w, b, slope, x, y, act, alpha, loss, e);
        } finally {
            shifted = null;
        }
    }

    private float[] shifted;
    private int shiftedIndex;
    private double shiftedValue;

    private double p(float[] arr, int i) {
        return arr == shifted && i == shiftedIndex ? shiftedValue : arr[i];
    }

    /** Activations whose derivative jumps at 0 (a kink): finite differences must stay off it. */
    private static boolean hasKink(Activation act) {
        return act == Activation.RELU || act == Activation.LEAKY_RELU || act == Activation.PRELU
                || act == Activation.SELU;
    }

    /** The smallest |z| of any hidden unit, network and example, in double. */
    private static double minAbsPreActivation(float[][] w, float[][] b, float[][] slope, float[] x, Activation act,
                                              float alpha) {
        int L = N.length - 1;
        double min = Double.POSITIVE_INFINITY;
        for (int e = 0; e < E; e++) {
            for (int s = 0; s < B; s++) {
                double[] a = new double[N[0]];
                for (int k = 0; k < N[0]; k++) a[k] = x[(e * B + s) * N[0] + k];
                for (int l = 1; l < L; l++) {
                    double[] next = new double[N[l]];
                    for (int j = 0; j < N[l]; j++) {
                        double zj = b[l][e * N[l] + j];
                        for (int k = 0; k < N[l - 1]; k++) zj += w[l][(e * N[l] + j) * N[l - 1] + k] * a[k];
                        min = Math.min(min, Math.abs(zj));
                        double al = slope[l] != null ? slope[l][e * N[l] + j] : alpha;
                        next[j] = DoubleReference.activation(act, al).applyAsDouble(zj);
                    }
                    a = next;
                }
            }
        }
        return min;
    }

    /** Batch-mean loss of network e, all in double. */
    private double referenceLoss(float[][] w, float[][] b, float[][] slope, float[] x, float[] y, Activation act,
                                 float alpha, Loss loss, int e) {
        int L = N.length - 1;
        double total = 0;
        for (int s = 0; s < B; s++) {
            double[] a = new double[N[0]];
            for (int k = 0; k < N[0]; k++) a[k] = x[(e * B + s) * N[0] + k];
            for (int l = 1; l <= L; l++) {
                double[] next = new double[N[l]];
                for (int j = 0; j < N[l]; j++) {
                    double zj = p(b[l], e * N[l] + j);
                    for (int k = 0; k < N[l - 1]; k++) zj += p(w[l], (e * N[l] + j) * N[l - 1] + k) * a[k];
                    if (l < L) {
                        double al = slope[l] != null ? p(slope[l], e * N[l] + j) : alpha;
                        next[j] = DoubleReference.activation(act, al).applyAsDouble(zj);
                    } else {
                        next[j] = zj;
                    }
                }
                a = next;
            }
            float[] ys = new float[N[L]];
            System.arraycopy(y, (e * B + s) * N[L], ys, 0, N[L]);
            total += DoubleReference.loss(loss, a, ys);
        }
        return total / B;
    }

    private static float[] target(Random rnd, Loss loss) {
        int n = N[N.length - 1];
        float[] y = new float[E * B * n];
        for (int r = 0; r < E * B; r++) {
            if (loss == Loss.CCE) y[r * n + rnd.nextInt(n)] = 1f;
            else for (int k = 0; k < n; k++) y[r * n + k] = loss == Loss.BCE ? rnd.nextInt(2) : (float) rnd.nextGaussian();
        }
        return y;
    }

    private static float[] gaussian(Random rnd, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextGaussian() * std);
        return v;
    }

    private static Buffer upload(CpuEngine eng, float[] v) {
        Buffer b = eng.floats(v.length);
        eng.write(b, v, v.length);
        return b;
    }

    private static float[] read(CpuEngine eng, Buffer b) {
        float[] v = new float[(int) b.length()];
        eng.read(b, v, v.length);
        return v;
    }
}
