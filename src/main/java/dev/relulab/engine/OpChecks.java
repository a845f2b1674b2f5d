package dev.relulab.engine;

import dev.relulab.nn.Optimizer;
import java.util.Arrays;

/**
 * The argument checks of every {@link Engine} operation, shared by all engines: sizes that the kernels' 32-bit index
 * math can address, buffers of the right kind and length, positions inside the data. Each message names the operation,
 * the argument and the values. Engines call the check first, then do the work.
 */
public final class OpChecks {
    private OpChecks() {}

    /** The product of the sizes as an int, or a message naming the operation when it reaches 2^31. */
    public static int total(String op, long... sizes) {
        long t = 1;
        for (long s : sizes) {
            if (s < 0) throw new IllegalArgumentException(op + ": negative size " + s + " in " + Arrays.toString(sizes));
            t *= s;
            if (t > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": " + Arrays.toString(sizes) + " make more than 2^31-1 elements,"
                        + " which the kernels' 32-bit indices cannot address; use smaller chunks");
            }
        }
        return (int) t;
    }

    /** Checks that {@code b} is a buffer of the given kind holding at least {@code need} elements. */
    public static void need(String op, String arg, Buffer b, boolean isInt, long need) {
        if (b == null) throw new IllegalArgumentException(op + ": " + arg + " is required");
        if (b.isInt() != isInt) {
            throw new IllegalArgumentException(op + ": " + arg + " must be an " + (isInt ? "int" : "float") + " buffer");
        }
        if (b.length() < need) {
            throw new IllegalArgumentException(op + ": " + arg + " has " + b.length() + " elements, needs " + need);
        }
    }

    /** As {@link #need} for an optional buffer: null passes. */
    public static void optional(String op, String arg, Buffer b, boolean isInt, long need) {
        if (b != null) need(op, arg, b, isInt, need);
    }

    /** A host array and element count of a read or write. */
    public static void hostCopy(String op, Buffer b, boolean isInt, int count, int hostLength) {
        if (count < 0 || count > hostLength) {
            throw new IllegalArgumentException(op + ": count=" + count + " must be between 0 and the array's " + hostLength);
        }
        need(op, "buffer", b, isInt, count);
    }

    public static void fill(Buffer dst, long count) {
        need("fill", "dst", dst, dst != null && dst.isInt(), total("fill", count));
    }

    public static void copy(Buffer src, Buffer dst, long count) {
        int n = total("copy", count);
        need("copy", "src", src, src != null && src.isInt(), n);
        need("copy", "dst", dst, src.isInt(), n);
    }

    public static void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Buffer slope,
                                    Buffer z, Buffer a, Buffer alive) {
        String op = "denseForward";
        int out = total(op, E, B, nOut);
        need(op, "x", x, false, total(op, E, B, nIn));
        need(op, "w", w, false, total(op, E, nOut, nIn));
        need(op, "b", b, false, total(op, E, nOut));
        optional(op, "slope", slope, false, (long) E * nOut);
        need(op, "z", z, false, out);
        need(op, "a", a, false, out);
        optional(op, "alive", alive, true, (long) E * nOut);
    }

    public static void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Buffer slope,
                                     Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX) {
        String op = "denseBackward";
        int out = total(op, E, B, nOut);
        int inputs = total(op, E, B, nIn);
        total(op, E, nOut, nIn + 1L);
        need(op, "x", x, false, inputs);
        need(op, "w", w, false, total(op, E, nOut, nIn));
        need(op, "z", z, false, out);
        optional(op, "slope", slope, false, (long) E * nOut);
        need(op, "dA", dA, false, out);
        need(op, "dW", dW, false, (long) E * nOut * nIn);
        need(op, "db", db, false, (long) E * nOut);
        optional(op, "dSlope", dSlope, false, (long) E * nOut);
        optional(op, "dX", dX, false, inputs);
    }

    public static void loss(int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
                            Buffer lossSum, Buffer diverged) {
        String op = "loss";
        if (B < 1 || n < 1) throw new IllegalArgumentException(op + ": B=" + B + ", n=" + n + " must be at least 1");
        int total = total(op, E, B, n);
        need(op, "out", out, false, total);
        need(op, "target", target, false, total);
        need(op, "dOut", dOut, false, total);
        need(op, "lossLast", lossLast, false, E);
        need(op, "lossSum", lossSum, false, E);
        need(op, "diverged", diverged, true, E);
    }

    public static void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                                     Buffer lr, Buffer diverged) {
        String op = "optimizerStep " + opt;
        int total = total(op, E, perNet);
        need(op, "param", param, false, total);
        need(op, "grad", grad, false, total);
        if (opt.stateSlots() >= 1) need(op, "s1", s1, false, total);
        if (opt.stateSlots() >= 2) need(op, "s2", s2, false, total);
        need(op, "lr", lr, false, E);
        need(op, "diverged", diverged, true, E);
    }

    public static void functionPoints(int netBase, int E, int nPoints, int start, int B, int epoch, Buffer x,
                                      Buffer y) {
        String op = "functionPoints";
        int total = total(op, E, B);
        ids(op, netBase, E);
        positions(op, nPoints, start, B, epoch);
        need(op, "x", x, false, total);
        need(op, "y", y, false, total);
    }

    public static void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, int netBase, int E,
                                  int start, int B, int epoch, Buffer x, Buffer y) {
        String op = "gatherRows";
        ids(op, netBase, E);
        if (rowBase < 0 || d < 1 || k < 1) {
            throw new IllegalArgumentException(op + ": rowBase=" + rowBase + " must not be negative, d=" + d + " and k="
                    + k + " at least 1");
        }
        positions(op, nRows, start, B, epoch);
        total(op, E, B, (long) d + k);
        need(op, "data", data, false, total(op, (long) rowBase + nRows, d));
        need(op, "labels", labels, false, total(op, (long) rowBase + nRows, k));
        need(op, "x", x, false, total(op, E, B, d));
        need(op, "y", y, false, total(op, E, B, k));
    }

    public static void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers,
                                  int layer) {
        String op = "reduceDead";
        int units = total(op, E, n);
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException(op + ": layer=" + layer + " must be in [0, layers=" + layers + ")");
        }
        need(op, "alive", alive, true, units);
        optional(op, "everDead", everDead, true, units);
        need(op, "dead", dead, true, total(op, E, layers));
        optional(op, "revived", revived, true, (long) E * layers);
    }

    public static void absSum(int E, int B, int n, Buffer a, Buffer sums) {
        need("absSum", "a", a, false, total("absSum", E, B, n));
        need("absSum", "sums", sums, false, total("absSum", E, n));
    }

    public static void dormantMask(int E, int n, Buffer sums, Buffer alive) {
        String op = "dormantMask";
        if (n < 1) throw new IllegalArgumentException(op + ": n=" + n + " must be at least 1");
        int units = total(op, E, n);
        need(op, "sums", sums, false, units);
        need(op, "alive", alive, true, units);
    }

    public static void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first) {
        String op = "outputStats";
        if (first && B < 1) throw new IllegalArgumentException(op + ": the first batch needs B >= 1, got " + B);
        need(op, "v", v, false, total(op, E, B, n));
        need(op, "stats", stats, false, total(op, E, n, 4));
    }

    public static void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        trainFused(net.unsupported(), net, netBase, E, lr, counts, stats);
    }

    /** As {@link #trainFused(FusedNetwork, int, int, Buffer, Buffer, Buffer)} with the engine's own limits' verdict. */
    public static void trainFused(String unsupported, FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts,
                                  Buffer stats) {
        String op = "trainFused";
        if (unsupported != null) throw new IllegalArgumentException(op + ": unsupported network: " + unsupported);
        ids(op, netBase, E);
        need(op, "lr", lr, false, E);
        need(op, "counts", counts, true, total(op, E, net.countsPerNetwork()));
        need(op, "stats", stats, false, total(op, E, FusedNetwork.STATS));
    }

    /** Network ids netBase..netBase+E-1 must be non-negative ints (they key the Philox streams). */
    private static void ids(String op, int netBase, int E) {
        if (netBase < 0 || E < 0 || (long) netBase + E > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": networks [" + netBase + ", " + ((long) netBase + E)
                    + ") must lie in [0, 2^31)");
        }
    }

    /**
     * Positions [start, start + B) must lie in [0, n): a position past n would make the keyed permutation's cycle walk
     * run forever. The epoch keys the permutation in 24 bits.
     */
    private static void positions(String op, int n, int start, int B, int epoch) {
        if (n < 1 || start < 0 || B < 0 || (long) start + B > n) {
            throw new IllegalArgumentException(op + ": positions [" + start + ", " + ((long) start + B)
                    + ") must lie in [0, " + n + ")");
        }
        if (epoch >= (1 << 24)) {
            throw new IllegalArgumentException(op + ": epoch=" + epoch + " must be below 2^24");
        }
    }
}
