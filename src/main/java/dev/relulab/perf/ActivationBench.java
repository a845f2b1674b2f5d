package dev.relulab.perf;

import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the forward and backward dense calls of every activation over N elements on one engine (see {@link
 * ActivationLayer} for the shape), and a copy as the engine's bandwidth reference; each output is first checked
 * against the host reference.
 */
public final class ActivationBench {
    /** Untimed runs before the timed ones. */
    public static final int DEFAULT_WARMUP = 3;
    /** Timed runs; the table reports their median. */
    public static final int DEFAULT_REPEATS = 15;
    /** The PReLU slope of every unit, so that its negative side is not all zeros (He et al. 2015's initial value). */
    public static final float PRELU_SLOPE = 0.25f;
    /** Name of the copy row. */
    public static final String COPY = "copy (Engine.copy)";

    private ActivationBench() {}

    /** One row per {@link Activation} in declaration order, then the copy row. */
    public static List<ActivationRow> run(Engine engine, int elements, int warmup, int repeats) {
        return run(engine, elements, warmup, repeats, line -> { });
    }

    /** As {@link #run(Engine, int, int, int)}, telling {@code progress} one line per finished row. */
    public static List<ActivationRow> run(Engine engine, int elements, int warmup, int repeats,
                                          java.util.function.Consumer<String> progress) {
        List<ActivationRow> rows = new ArrayList<>();
        try (ActivationLayer layer = new ActivationLayer(engine, elements)) {
            for (Activation act : Activation.values()) {
                layer.validateForward(act);
                layer.validateBackward(act);
                Timing fwd = Timing.measure(engine, warmup, repeats, () -> { }, () -> layer.forward(act));
                layer.forward(act);
                Timing bwd = Timing.measure(engine, warmup, repeats, layer::resetGradient, () -> layer.backward(act));
                rows.add(new ActivationRow(act.cliName(), fwd, forwardBytes(act) * elements, bwd,
                        backwardBytes(act) * elements));
                progress.accept(String.format(java.util.Locale.ROOT, "%s %s: forward %.3f ms, backward %.3f ms",
                        engine.kind().cliName(), act.cliName(), fwd.medianSeconds() * 1e3, bwd.medianSeconds() * 1e3));
            }
            layer.validateCopy();
            Timing copy = Timing.measure(engine, warmup, repeats, () -> { }, layer::copy);
            rows.add(new ActivationRow(COPY, copy, 8L * elements, null, 0));
        }
        return rows;
    }

    /** Compulsory bytes per unit of the forward call: reads w, b (and the PReLU slope), writes z, a. */
    static long forwardBytes(Activation act) {
        return 16 + (act.hasLearnedSlope() ? 4 : 0);
    }

    /** Compulsory bytes per unit of the backward call: reads z, dA, writes dA, dW, db (PReLU: slope, dSlope). */
    static long backwardBytes(Activation act) {
        return 20 + (act.hasLearnedSlope() ? 8 : 0);
    }
}
