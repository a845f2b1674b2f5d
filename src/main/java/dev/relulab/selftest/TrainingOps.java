package dev.relulab.selftest;

import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import java.util.ArrayList;
import java.util.List;

/** Parity ops of a training step after the layers: each loss and each optimizer. */
final class TrainingOps {
    /** A logit so large that its squared error overflows float32, so that one network must be marked diverged. */
    static final float OVERFLOWING_LOGIT = 1e30f;

    private TrainingOps() {}

    static List<ParityOp> all(Draw d) {
        List<ParityOp> ops = new ArrayList<>();
        for (Loss loss : Loss.values()) ops.add(loss(d, loss));
        for (Optimizer.Kind kind : Optimizer.Kind.values()) ops.add(optimizer(d, Optimizer.of(kind)));
        return ops;
    }

    static ParityOp loss(Draw d, Loss loss) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_BATCH), d.size(64));
        int E = s[0], B = s[1], n = s[2];
        float[] out = d.normal((long) E * B * n, 0, 2);
        if (loss == Loss.MSE && E > 1) out[0] = OVERFLOWING_LOGIT;
        return new ParityOp("loss " + loss.name().toLowerCase(java.util.Locale.ROOT),
                Draw.shape("E=" + E, "B=" + B, "n=" + n))
                .in("out", out)
                .in("target", target(d, loss, E * B, n))
                .out("dOut", E * B * n, Tolerance.ELEMENTWISE)
                .out("lossLast", E, Tolerance.REDUCTION)
                .inOut("lossSum", d.uniform(E, 0, 3), Tolerance.REDUCTION)
                .inOut("diverged", d.flags(E, 0.05))
                .call((eng, b) -> eng.loss(loss, E, B, n, b.apply("out"), b.apply("target"), b.apply("dOut"),
                        b.apply("lossLast"), b.apply("lossSum"), b.apply("diverged")));
    }

    private static float[] target(Draw d, Loss loss, int examples, int n) {
        switch (loss) {
            case MSE: return d.normal((long) examples * n, 0, 1);
            case BCE: return d.uniform((long) examples * n, 0, 1);
            default: {
                float[] t = new float[examples * n];
                for (int k = 0; k < examples; k++) t[k * n + d.rng.nextInt(n)] = 1f;
                return t;
            }
        }
    }

    static ParityOp optimizer(Draw d, Optimizer opt) {
        int[] s = d.fit(d.size(Draw.MAX_NETWORKS), d.size(Draw.MAX_WIDTH), d.size(Draw.MAX_WIDTH));
        int E = s[0], perNet = s[1] * s[2];
        float correction = (float) (0.1 + 0.9 * d.rng.nextDouble());
        ParityOp op = new ParityOp("optimizerStep " + opt, Draw.shape("E=" + E, "perNet=" + perNet))
                .inOut("param", d.normal((long) E * perNet, 0, 1), Tolerance.ELEMENTWISE)
                .in("grad", d.normal((long) E * perNet, 0, 1))
                .in("lr", d.uniform(E, 1e-4, 0.5))
                .in("diverged", d.flags(E, 0.1));
        if (opt.stateSlots() >= 1) op.inOut("s1", d.normal((long) E * perNet, 0, 0.1), Tolerance.ELEMENTWISE);
        if (opt.stateSlots() >= 2) op.inOut("s2", d.uniform((long) E * perNet, 0, 0.01), Tolerance.ELEMENTWISE);
        return op.call((eng, b) -> eng.optimizerStep(opt, E, perNet, b.apply("param"), b.apply("grad"), b.apply("s1"),
                b.apply("s2"), b.apply("lr"), correction, b.apply("diverged")));
    }
}
