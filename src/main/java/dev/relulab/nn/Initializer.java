package dev.relulab.nn;

import dev.relulab.random.RandomStream;
import java.util.Locale;

/**
 * A weight or bias initialiser with Keras' definitions: the *_normal variance-scaling forms draw from a normal
 * truncated at two standard deviations (redrawn, as TensorFlow does) with the std divided by 0.8796; RAI is Lu et
 * al.'s randomized asymmetric initialisation, which also sets the biases. Written as text: {@code glorot_uniform},
 * {@code he_normal}, {@code normal(0,0.01)}, {@code uniform(-0.05,0.05)}, {@code constant(0.5)}, {@code zeros},
 * {@code rai}.
 */
public final class Initializer {
    /** Keras' correction of the truncated normal's std: the std of a unit normal truncated at +-2. */
    private static final double TRUNCATION_STD = 0.87962566103423978;
    /** Lu et al.'s RAI: symmetric part N(0, (0.6007 / sqrt(fan_in))^2), one entry per unit from Beta(2, 1). */
    private static final double RAI_SCALE = 0.6007;
    private static final int MAX_ATTEMPTS = 64;

    /** The families of initialiser. */
    public enum Kind { ZEROS, CONSTANT, NORMAL, UNIFORM, GLOROT_UNIFORM, GLOROT_NORMAL, HE_UNIFORM, HE_NORMAL,
        LECUN_UNIFORM, LECUN_NORMAL, RAI }

    public final Kind kind;
    public final double a, b;

    private Initializer(Kind kind, double a, double b) {
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    public static Initializer of(Kind kind) {
        return new Initializer(kind, 0, 0);
    }

    public static Initializer normal(double mean, double std) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal std=" + std + " must be >= 0");
        }
        return new Initializer(Kind.NORMAL, mean, std);
    }

    public static Initializer uniform(double lo, double hi) {
        if (!(hi >= lo)) {
            throw new IllegalArgumentException("uniform(" + lo + "," + hi + ") needs lo <= hi");
        }
        return new Initializer(Kind.UNIFORM, lo, hi);
    }

    public static Initializer constant(double value) {
        return new Initializer(Kind.CONSTANT, value, 0);
    }

    /** True when this initialiser also sets the layer's biases (RAI). */
    public boolean setsBiases() {
        return kind == Kind.RAI;
    }

    /** The form and parameters of this initialiser for a layer of these fans; the one definition of the scales. */
    public Sampling sampling(int fanIn, int fanOut) {
        switch (kind) {
            case ZEROS: return new Sampling(Sampling.Form.CONSTANT, 0, 0);
            case CONSTANT: return new Sampling(Sampling.Form.CONSTANT, a, 0);
            case NORMAL: return new Sampling(Sampling.Form.NORMAL, a, b);
            case UNIFORM: return new Sampling(Sampling.Form.UNIFORM, a, b);
            case GLOROT_UNIFORM: return symmetric(Math.sqrt(6.0 / (fanIn + fanOut)));
            case HE_UNIFORM: return symmetric(Math.sqrt(6.0 / fanIn));
            case LECUN_UNIFORM: return symmetric(Math.sqrt(3.0 / fanIn));
            case GLOROT_NORMAL: return truncated(Math.sqrt(2.0 / (fanIn + fanOut)) / TRUNCATION_STD);
            case HE_NORMAL: return truncated(Math.sqrt(2.0 / fanIn) / TRUNCATION_STD);
            case LECUN_NORMAL: return truncated(Math.sqrt(1.0 / fanIn) / TRUNCATION_STD);
            case RAI: return new Sampling(Sampling.Form.RAI, RAI_SCALE / Math.sqrt(fanIn), 0);
            default: throw new AssertionError(kind);
        }
    }

    /** True for the initialisers a bias vector may take: zeros, constant, normal and uniform (no fan-based ones). */
    public boolean allowedForBiases() {
        return kind == Kind.ZEROS || kind == Kind.CONSTANT || kind == Kind.NORMAL || kind == Kind.UNIFORM;
    }

    /** The sampling of a bias vector; biases take no fan-based initialisers. */
    public Sampling biasSampling() {
        if (!allowedForBiases()) {
            throw new IllegalArgumentException("bias initialiser " + this + " is not allowed; use zeros, "
                    + "constant(v), normal(mean,std) or uniform(lo,hi)");
        }
        return sampling(0, 0);
    }

    private static Sampling symmetric(double limit) {
        return new Sampling(Sampling.Form.UNIFORM, -limit, limit);
    }

    private static Sampling truncated(double std) {
        return new Sampling(Sampling.Form.TRUNCATED_NORMAL, std, 0);
    }

    /**
     * Fills one network's {@code w[fanOut][fanIn]} (and, for RAI, {@code bias[fanOut]}) from the network's weight
     * stream; element k of the matrix uses stream element k, so any engine can draw it alone.
     */
    public void fillWeights(float[] w, int wOff, float[] bias, int bOff, int fanIn, int fanOut, RandomStream s) {
        Sampling p = sampling(fanIn, fanOut);
        if (p.form() == Sampling.Form.RAI) {
            rai(w, wOff, bias, bOff, fanIn, fanOut, p.p0(), s);
        } else {
            draw(p, w, wOff, fanIn * fanOut, s);
        }
    }

    /** Fills a bias vector (biases take no fan-based initialisers; zeros, constant, normal and uniform apply). */
    public void fillBiases(float[] bias, int off, int count, RandomStream s) {
        draw(biasSampling(), bias, off, count, s);
    }

    private static void draw(Sampling p, float[] x, int off, int count, RandomStream s) {
        switch (p.form()) {
            case CONSTANT: fill(x, off, count, (float) p.p0()); return;
            case UNIFORM: uniformFill(x, off, count, p.p0(), p.p1(), s); return;
            case NORMAL:
                for (int k = 0; k < count; k++) x[off + k] = (float) (p.p0() + p.p1() * s.normal(k, 0));
                return;
            case TRUNCATED_NORMAL: truncated(x, off, count, p.p0(), s); return;
            default: throw new AssertionError(p.form());
        }
    }

    private static void fill(float[] x, int off, int count, float v) {
        java.util.Arrays.fill(x, off, off + count, v);
    }

    private static void uniformFill(float[] x, int off, int count, double lo, double hi, RandomStream s) {
        for (int k = 0; k < count; k++) x[off + k] = (float) (lo + (hi - lo) * s.uniform(k));
    }

    private static void truncated(float[] x, int off, int count, double std, RandomStream s) {
        for (int k = 0; k < count; k++) {
            float z = s.normal(k, 0);
            for (int attempt = 1; Math.abs(z) > 2f && attempt < MAX_ATTEMPTS; attempt++) {
                z = s.normal(k, attempt);
            }
            x[off + k] = (float) (std * z);
        }
    }

    /**
     * Row j of [W | b] reads normal pairs j (fanIn + 2) + i, i in [0, fanIn]: pair i < fanIn + 1 is slot i's normal
     * (stream elements 2p, 2p + 1), and the last pair's two words are the Beta slot's index (a uniform over the
     * fanIn + 1 slots) and its Beta(2, 1) value. Rows own disjoint elements, so no word serves two draws.
     */
    private static void rai(float[] w, int wOff, float[] bias, int bOff, int fanIn, int fanOut, double std,
                            RandomStream s) {
        int rowLen = fanIn + 1;
        for (int j = 0; j < fanOut; j++) {
            long pairs = (long) j * (rowLen + 1), last = 2 * (pairs + rowLen);
            int k = raiSlot(s, j, fanIn);
            float beta21 = (float) Math.sqrt(RandomStream.toUnitOpenZero(s.bits(last + 1, 0)));
            for (int i = 0; i < rowLen; i++) {
                float v = i == k ? beta21 : (float) (std * s.normal(pairs + i, 0));
                if (i < fanIn) {
                    w[wOff + j * fanIn + i] = v;
                } else {
                    bias[bOff + j] = v;
                }
            }
        }
    }

    /** The slot (fanIn = the bias) of unit j's row that holds its Beta(2, 1) entry. */
    static int raiSlot(RandomStream s, int j, int fanIn) {
        int rowLen = fanIn + 1;
        long last = 2 * ((long) j * (rowLen + 1) + rowLen);
        return (int) Math.min(fanIn, (long) (s.uniform(last) * rowLen));
    }

    /** Parses {@code name} or {@code name(args)}; the error names the text and the allowed forms. */
    public static Initializer parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        String name = t, args = "";
        int open = t.indexOf('(');
        if (open >= 0) {
            if (!t.endsWith(")")) throw bad(text);
            name = t.substring(0, open);
            args = t.substring(open + 1, t.length() - 1);
        } else if (t.indexOf(':') >= 0) {
            name = t.substring(0, t.indexOf(':'));
            args = t.substring(t.indexOf(':') + 1);
        }
        name = name.replace('-', '_');
        double[] v = numbers(args, text);
        switch (name) {
            case "zeros": case "zero": return of(Kind.ZEROS);
            case "constant": return constant(arg(v, 0, Double.NaN, text));
            case "normal": case "random_normal": return normal(arg(v, 0, 0, text), arg(v, 1, 0.05, text));
            case "uniform": case "random_uniform": return uniform(arg(v, 0, -0.05, text), arg(v, 1, 0.05, text));
            case "glorot_uniform": case "xavier_uniform": return of(Kind.GLOROT_UNIFORM);
            case "glorot_normal": case "xavier_normal": case "xavier": return of(Kind.GLOROT_NORMAL);
            case "he_uniform": return of(Kind.HE_UNIFORM);
            case "he_normal": return of(Kind.HE_NORMAL);
            case "lecun_uniform": return of(Kind.LECUN_UNIFORM);
            case "lecun_normal": return of(Kind.LECUN_NORMAL);
            case "rai": return of(Kind.RAI);
            default: throw bad(text);
        }
    }

    private static double arg(double[] v, int i, double dflt, String text) {
        if (i < v.length) return v[i];
        if (Double.isNaN(dflt)) throw bad(text);
        return dflt;
    }

    private static double[] numbers(String args, String text) {
        if (args.isEmpty()) return new double[0];
        String[] parts = args.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            if (!Double.isFinite(v[i])) throw bad(text);
        }
        return v;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("unknown initialiser '" + text + "'; allowed: " + ALLOWED);
    }

    /** The forms {@link #parse} accepts. */
    public static final String ALLOWED = "zeros, constant(v), normal(mean,std), uniform(lo,hi), glorot_uniform, "
            + "glorot_normal, he_uniform, he_normal, lecun_uniform, lecun_normal, rai";

    @Override
    public String toString() {
        switch (kind) {
            case CONSTANT: return "constant(" + a + ")";
            case NORMAL: return "normal(" + a + "," + b + ")";
            case UNIFORM: return "uniform(" + a + "," + b + ")";
            default: return kind.name().toLowerCase(Locale.ROOT);
        }
    }
}
