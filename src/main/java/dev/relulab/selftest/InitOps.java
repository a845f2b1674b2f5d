package dev.relulab.selftest;

import dev.relulab.nn.Initializer;
import dev.relulab.nn.Sampling;
import java.util.ArrayList;
import java.util.List;

/**
 * Parity ops of initialisation on the engine: initWeights for every initialiser and initBiases for those biases take.
 * Constant and uniform forms must be bit-identical; normal forms round a double Box-Muller whose log and cos are the
 * device's, so one float ulp may differ (ELEMENTWISE).
 */
final class InitOps {
    private InitOps() {}

    static List<ParityOp> all(Draw d) {
        List<ParityOp> ops = new ArrayList<>();
        for (Initializer init : initialisers(d)) {
            ops.add(weights(d, init));
            if (init.kind.ordinal() <= Initializer.Kind.UNIFORM.ordinal()) ops.add(biases(d, init));
        }
        return ops;
    }

    /** One initialiser of each kind, with drawn parameters where it takes any. */
    static List<Initializer> initialisers(Draw d) {
        List<Initializer> all = new ArrayList<>();
        for (Initializer.Kind k : Initializer.Kind.values()) {
            double p = d.rng.nextDouble();
            switch (k) {
                case CONSTANT: all.add(Initializer.constant(p - 0.5)); break;
                case NORMAL: all.add(Initializer.normal(p - 0.5, 0.01 + p)); break;
                case UNIFORM: all.add(Initializer.uniform(-p, 1 - p)); break;
                default: all.add(Initializer.of(k));
            }
        }
        return all;
    }

    static ParityOp weights(Draw d, Initializer init) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_WIDTH), d.size(Draw.MAX_WIDTH));
        int E = s[0], fanOut = s[1], fanIn = s[2];
        int layer = 1 + d.rng.nextInt(8), netBase = d.rng.nextInt(1_000_000);
        long seed = d.rng.nextLong();
        Tolerance tol = tolerance(init.sampling(fanIn, fanOut));
        ParityOp op = new ParityOp("initWeights " + init, Draw.shape("E=" + E, "fanIn=" + fanIn, "fanOut=" + fanOut,
                "layer=" + layer)).out("w", E * fanOut * fanIn, tol);
        if (init.setsBiases()) op.out("b", E * fanOut, tol);
        return op.call((eng, b) -> eng.initWeights(init, seed, netBase, E, layer, fanIn, fanOut, b.apply("w"),
                b.apply("b")));
    }

    static ParityOp biases(Draw d, Initializer init) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_WIDTH));
        int E = s[0], n = s[1], layer = 1 + d.rng.nextInt(8), netBase = d.rng.nextInt(1_000_000);
        long seed = d.rng.nextLong();
        return new ParityOp("initBiases " + init, Draw.shape("E=" + E, "n=" + n, "layer=" + layer))
                .out("b", E * n, tolerance(init.biasSampling()))
                .call((eng, b) -> eng.initBiases(init, seed, netBase, E, layer, n, b.apply("b")));
    }

    private static Tolerance tolerance(Sampling s) {
        return s.form() == Sampling.Form.CONSTANT || s.form() == Sampling.Form.UNIFORM ? Tolerance.EXACT
                : Tolerance.ELEMENTWISE;
    }
}
