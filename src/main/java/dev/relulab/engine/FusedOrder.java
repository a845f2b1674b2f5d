package dev.relulab.engine;

import dev.relulab.random.Philox;
import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;

/**
 * The order in which a one-lane fused launch takes a chunk's networks: sorted by the layer they are dead from on a
 * few training points at initialisation (the kernel fused_order_key, of which {@link #key} is the twin), so that a warp
 * holds networks on the same path of exact skipping instead of 31 born-dead networks waiting for one alive one.
 * The order changes where a network runs, never its bits.
 */
public final class FusedOrder {
    /** The property that turns the order on or off: auto (the default: on GPUs), true or false. */
    public static final String PROPERTY = "relulab.fused.order";

    /** Training points the key evaluates per network unless -Drelulab.fused.order.points says otherwise. */
    public static final int DEFAULT_KEY_POINTS = 32;
    /** The property that sets the key's training points (a whole number, at least 1). */
    public static final String POINTS_PROPERTY = "relulab.fused.order.points";
    /** Widest hidden layer the kernel keys (wider networks get key 0); native-kernels/common/fused_order.h. */
    public static final int MAX_WIDTH = 16;

    private FusedOrder() {}

    /** A chunk's keys and the initial parameters [P][E] they were computed from. */
    public record Keys(int[] keys, float[] init) {}

    /**
     * Whether a one-lane launch of {@code net} is ordered: when exact skipping applies, on a GPU unless
     * -Drelulab.fused.order=false, on a CPU device (PoCL) only with -Drelulab.fused.order=true. A CPU device gains
     * nothing from the order and loses balance: its threads take contiguous ranges of work groups, and the order puts
     * the alive networks in the first (PoCL, 1000 lu2019 networks: 0.225 s ordered against 0.195 s).
     */
    public static boolean applies(FusedNetwork net, boolean gpu) {
        String p = mode();
        return net.skips() && (p.equals("true") || p.equals("auto") && gpu);
    }

    /** Training points per key: {@link #POINTS_PROPERTY}, else {@link #DEFAULT_KEY_POINTS}; an error when not a number >= 1. */
    public static int keyPoints() {
        String p = System.getProperty(POINTS_PROPERTY);
        if (p == null) return DEFAULT_KEY_POINTS;
        try {
            int k = Integer.parseInt(p.strip());
            if (k >= 1) return k;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + POINTS_PROPERTY + "=" + p + ": a whole number of at least 1 (default "
                + DEFAULT_KEY_POINTS + ")");
    }

    /** Checks both properties of the order (the CLI, before any engine opens): an error that says what is allowed. */
    public static void checkProperties() {
        mode();
        keyPoints();
    }

    /** The value of {@link #PROPERTY}, "auto" when unset; an error that names the allowed values for any other. */
    public static String mode() {
        String p = System.getProperty(PROPERTY, "auto");
        if (!p.equals("auto") && !p.equals("true") && !p.equals("false")) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + p + ": allowed values are auto, true, false");
        }
        return p;
    }

    /**
     * fused_order_key for network {@code e} of a chunk: the highest hidden layer whose units are all <= 0 on each of the
     * first {@code points} training points at the parameters {@code init} [P][E] (fused_init's layout), or 0.
     */
    public static int key(float[] init, int E, int e, int netBase, long seed, int width, int hidden, int points,
                          float lo, float hi) {
        if (width > MAX_WIDTH || hidden > 32) return 0;
        int net = netBase + e, seen = 0;
        float[] a = new float[MAX_WIDTH], z = new float[MAX_WIDTH];
        int[] blk = new int[4];
        for (int i = 0; i < points; i++) {
            Philox.block(i >>> 2, net, Purpose.TRAIN_POINTS.code, 0, (int) seed, (int) (seed >>> 32), blk);
            a[0] = lo + (hi - lo) * RandomStream.toUnit(blk[i & 3]);
            int off = 0, nIn = 1;
            for (int l = 1; l <= hidden; l++) {
                boolean positive = false;
                for (int j = 0; j < width; j++) {
                    float s = 0f;
                    for (int k = 0; k < nIn; k++) s = s + init[(off + j * nIn + k) * E + e] * a[k];
                    z[j] = s + init[(off + width * nIn + j) * E + e];
                    positive |= z[j] > 0f;
                }
                for (int j = 0; j < width; j++) a[j] = z[j] > 0f ? z[j] : 0f;
                if (positive) seen |= 1 << (l - 1);
                off += (nIn + 1) * width;
                nIn = width;
            }
        }
        int h = 0;
        for (int l = 1; l <= hidden; l++) if ((seen >>> (l - 1) & 1) == 0) h = l;
        return h;
    }

    /**
     * The launch order of E networks with keys {@code key} in [0, hidden]: the lowest key first, networks of one key in
     * ascending index (a stable counting sort), so that item i trains network order[i]. The longest work starts first:
     * alive networks (key 0), then those dead from the lowest layers, whose every step still runs the layers above.
     */
    public static int[] order(int[] key, int E, int hidden) {
        int[] start = new int[hidden + 2];
        for (int e = 0; e < E; e++) {
            int k = key[e];
            if (k < 0 || k > hidden) throw new IllegalArgumentException("key[" + e + "]=" + k + " outside [0, " + hidden + "]");
            start[k + 1]++;
        }
        for (int b = 1; b <= hidden + 1; b++) start[b] += start[b - 1];
        int[] order = new int[E];
        for (int e = 0; e < E; e++) order[start[key[e]]++] = e;
        return order;
    }
}
