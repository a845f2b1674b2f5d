package dev.relulab.selftest;

import java.util.ArrayList;
import java.util.List;

/** Parity ops of the measurements: dead-unit counts, ReDo dormancy scores, and the collapse statistics. */
final class DeadOps {
    private DeadOps() {}

    static List<ParityOp> all(Draw d) {
        List<ParityOp> ops = new ArrayList<>();
        ops.add(reduceDead(d, true));
        ops.add(reduceDead(d, false));
        ops.add(absSum(d));
        ops.add(dormantMask(d, 0f));
        ops.add(dormantMask(d, (float) (0.5 * d.rng.nextDouble())));
        ops.add(outputStats(d, true));
        ops.add(outputStats(d, false));
        return ops;
    }

    static ParityOp reduceDead(Draw d, boolean tracking) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_WIDTH));
        int E = s[0], n = s[1], layers = 1 + d.rng.nextInt(4), layer = d.rng.nextInt(layers);
        ParityOp op = new ParityOp("reduceDead" + (tracking ? " ever-dead" : ""),
                Draw.shape("E=" + E, "n=" + n, "layer=" + layer + "/" + layers))
                .in("alive", d.flags((long) E * n, 0.7))
                .outInts("dead", E * layers);
        if (tracking) op.inOut("everDead", d.flags((long) E * n, 0.3)).outInts("revived", E * layers);
        return op.call((eng, b) -> eng.reduceDead(E, n, b.apply("alive"), b.apply("everDead"), b.apply("dead"),
                b.apply("revived"), layers, layer));
    }

    static ParityOp absSum(Draw d) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_BATCH), d.size(Draw.MAX_WIDTH));
        int E = s[0], B = s[1], n = s[2];
        return new ParityOp("absSum", Draw.shape("E=" + E, "B=" + B, "n=" + n))
                .in("a", d.normal((long) E * B * n, 0, 1))
                .inOut("sums", d.uniform((long) E * n, 0, 10), Tolerance.REDUCTION)
                .call((eng, b) -> eng.absSum(E, B, n, b.apply("a"), b.apply("sums")));
    }

    /** Sums with exact zeros (dead units) among them, so that tau = 0 has units on both sides. */
    static ParityOp dormantMask(Draw d, float tau) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_WIDTH));
        int E = s[0], n = s[1];
        float[] sums = d.uniform((long) E * n, 0, 10);
        for (int k = 0; k < sums.length; k++) if (d.rng.nextInt(4) == 0) sums[k] = 0f;
        return new ParityOp("dormantMask tau=" + (tau == 0f ? "0" : String.format("%.3f", tau)),
                Draw.shape("E=" + E, "n=" + n))
                .in("sums", sums)
                .outInts("alive", E * n)
                .call((eng, b) -> eng.dormantMask(E, n, b.apply("sums"), tau, b.apply("alive")));
    }

    /** Some columns are constant (a collapsed network), so that the all-equal flag is 1 somewhere. */
    static ParityOp outputStats(Draw d, boolean first) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_BATCH), d.size(16));
        int E = s[0], B = s[1], n = s[2];
        float[] v = d.normal((long) E * B * n, 0, 1);
        for (int e = 0; e < E; e++) {
            for (int c = 0; c < n; c++) {
                if (d.rng.nextInt(3) != 0) continue;
                for (int k = 0; k < B; k++) v[(e * B + k) * n + c] = v[e * B * n + c];
            }
        }
        ParityOp op = new ParityOp("outputStats" + (first ? " first" : " next"), Draw.shape("E=" + E, "B=" + B,
                "n=" + n)).in("v", v);
        if (first) {
            op.out("stats", E * n * 4, Tolerance.REDUCTION);
        } else {
            float[] st = new float[E * n * 4];
            for (int k = 0; k < E * n; k++) {
                st[4 * k] = v[(k / n) * B * n + k % n];
                st[4 * k + 1] = d.rng.nextInt(2);
                st[4 * k + 2] = (float) d.rng.nextGaussian();
                st[4 * k + 3] = (float) (1 + d.rng.nextDouble());
            }
            op.inOut("stats", st, Tolerance.REDUCTION);
        }
        return op.call((eng, b) -> eng.outputStats(E, B, n, b.apply("v"), b.apply("stats"), first));
    }
}
