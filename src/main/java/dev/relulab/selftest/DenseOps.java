package dev.relulab.selftest;

import dev.relulab.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/** Parity ops of the fused dense layers: forward and backward for every activation. */
final class DenseOps {
    private DenseOps() {}

    static List<ParityOp> all(Draw d) {
        List<ParityOp> ops = new ArrayList<>();
        for (Activation act : Activation.values()) ops.add(forward(d, act));
        for (Activation act : Activation.values()) ops.add(backward(d, act));
        ops.add(forward(d, Activation.RELU, wide(d)));
        ops.add(backward(d, Activation.RELU, wide(d)));
        return ops;
    }

    private static float alpha(Draw d, Activation act) {
        return act == Activation.LEAKY_RELU ? (float) (0.01 + 0.3 * d.rng.nextDouble()) : act.defaultAlpha;
    }

    /** Sizes (E, B, nIn, nOut) of a wide layer, so that the tiled kernel versions always get checked. */
    static int[] wide(Draw d) {
        return new int[] {1 + d.rng.nextInt(3), 17 + 2 * d.rng.nextInt(48), 65 + 2 * d.rng.nextInt(96),
            33 + 2 * d.rng.nextInt(80)};
    }

    static int[] narrowOrAny(Draw d) {
        return d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_BATCH), d.size(Draw.MAX_WIDTH), d.size(Draw.MAX_WIDTH));
    }

    static ParityOp forward(Draw d, Activation act) {
        return forward(d, act, narrowOrAny(d));
    }

    static ParityOp forward(Draw d, Activation act, int[] s) {
        int E = s[0], B = s[1], nIn = s[2], nOut = s[3];
        boolean prelu = act.hasLearnedSlope();
        float alpha = alpha(d, act);
        ParityOp op = new ParityOp("denseForward " + act.cliName(),
                Draw.shape("E=" + E, "B=" + B, "nIn=" + nIn, "nOut=" + nOut))
                .in("x", d.normal((long) E * B * nIn, 0, 1))
                .in("w", d.normal((long) E * nOut * nIn, 0, 1 / Math.sqrt(nIn)))
                .in("b", d.normal((long) E * nOut, 0, 0.1))
                .out("z", E * B * nOut, Tolerance.REDUCTION)
                .out("a", E * B * nOut, Tolerance.REDUCTION)
                .inOut("alive", d.flags((long) E * nOut, 0.2));
        if (prelu) op.in("slope", d.normal((long) E * nOut, 0.1, 0.1));
        return op.call((eng, b) -> eng.denseForward(E, B, nIn, nOut, b.apply("x"), b.apply("w"), b.apply("b"), act,
                alpha, b.apply("slope"), b.apply("z"), b.apply("a"), b.apply("alive")));
    }

    static ParityOp backward(Draw d, Activation act) {
        return backward(d, act, narrowOrAny(d));
    }

    static ParityOp backward(Draw d, Activation act, int[] s) {
        int E = s[0], B = s[1], nIn = s[2], nOut = s[3];
        boolean prelu = act.hasLearnedSlope(), withDx = d.rng.nextInt(4) != 0;
        float alpha = alpha(d, act);
        ParityOp op = new ParityOp("denseBackward " + act.cliName(),
                Draw.shape("E=" + E, "B=" + B, "nIn=" + nIn, "nOut=" + nOut, withDx ? "dX" : "no-dX"))
                .in("x", d.normal((long) E * B * nIn, 0, 1))
                .in("w", d.normal((long) E * nOut * nIn, 0, 1 / Math.sqrt(nIn)))
                .in("z", d.normal((long) E * B * nOut, 0, 1))
                .inOut("dA", d.normal((long) E * B * nOut, 0, 1), Tolerance.ELEMENTWISE)
                .out("dW", E * nOut * nIn, Tolerance.REDUCTION)
                .out("db", E * nOut, Tolerance.REDUCTION);
        if (prelu) {
            op.in("slope", d.normal((long) E * nOut, 0.1, 0.1)).out("dSlope", E * nOut, Tolerance.REDUCTION);
        }
        if (withDx) op.out("dX", E * B * nIn, Tolerance.REDUCTION);
        return op.call((eng, b) -> eng.denseBackward(E, B, nIn, nOut, b.apply("x"), b.apply("w"), b.apply("z"), act,
                alpha, b.apply("slope"), b.apply("dA"), b.apply("dW"), b.apply("db"), b.apply("dSlope"),
                b.apply("dX")));
    }
}
