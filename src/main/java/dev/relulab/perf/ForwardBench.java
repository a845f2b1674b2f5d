package dev.relulab.perf;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import java.util.ArrayList;
import java.util.List;

/**
 * The fused dense forward on one wide layer (E networks, batch B, nIn -> nOut, ReLU, alive mask off), timed against
 * {@link Engine#copy} of the same compulsory bytes in the same run. Inputs and weights are drawn on the engine
 * (initWeights), and network 0's output is first checked against the CPU engine.
 */
public final class ForwardBench {
    /** The MNIST first layer. */
    public static final int IN = 784, OUT = 128, BATCH = 256;
    /** Device kernels may contract the sums into FMAs: the product tolerance of DESIGN.md. */
    private static final double RTOL = 1e-4, ATOL = 1e-5;
    private static final long SEED = 0xF0A4DL;

    /** What one measurement found. */
    public record Result(int networks, Timing forward, Timing copy, long bytes, double flops) {
        public double forwardGBs() {
            return forward.gigabytesPerSecond(bytes);
        }

        public double copyGBs() {
            return copy.gigabytesPerSecond(bytes);
        }

        public double tflops() {
            return flops / forward.medianSeconds() / 1e12;
        }
    }

    private ForwardBench() {}

    /** Compulsory bytes of one call: read x, w, b; write z and a. */
    public static long compulsoryBytes(int E) {
        return 4L * E * ((long) BATCH * IN + (long) OUT * IN + OUT + 2L * BATCH * OUT);
    }

    public static Result run(Engine eng, int E, int warmup, int repeats) {
        List<Buffer> all = new ArrayList<>();
        try {
            Buffer x = keep(all, eng.floats((long) E * BATCH * IN)), w = keep(all, eng.floats((long) E * OUT * IN));
            Buffer b = keep(all, eng.floats((long) E * OUT)), z = keep(all, eng.floats((long) E * BATCH * OUT));
            Buffer a = keep(all, eng.floats((long) E * BATCH * OUT));
            // x as a [E][B][IN] "weight" tensor: uniform pixels in [0, 1) drawn on the engine
            eng.initWeights(Initializer.uniform(0, 1), SEED, 0, E, 0, IN, BATCH, x, null);
            eng.initWeights(Initializer.of(Initializer.Kind.HE_NORMAL), SEED, 0, E, 1, IN, OUT, w, null);
            eng.initBiases(Initializer.normal(0, 0.1), SEED, 0, E, 1, OUT, b);
            Runnable fwd = () -> eng.denseForward(E, BATCH, IN, OUT, x, w, b, Activation.RELU, 0f, null, z, a, null);
            validate(eng, fwd, x, w, b, a);
            Timing tf = Timing.measure(eng, warmup, repeats, () -> { }, fwd);
            long bytes = compulsoryBytes(E);
            long half = bytes / 8;
            Buffer src = keep(all, eng.floats(half)), dst = keep(all, eng.floats(half));
            Timing tc = Timing.measure(eng, warmup, repeats, () -> { }, () -> eng.copy(src, dst, half));
            return new Result(E, tf, tc, 8 * half, 2.0 * E * BATCH * IN * OUT);
        } finally {
            for (Buffer buf : all) buf.close();
        }
    }

    private static void validate(Engine eng, Runnable fwd, Buffer x, Buffer w, Buffer b, Buffer a) {
        eng.fill(a, Float.NaN, (long) BATCH * OUT);
        fwd.run();
        float[] hx = new float[BATCH * IN], hw = new float[OUT * IN], hb = new float[OUT], got = new float[BATCH * OUT];
        eng.read(x, hx, hx.length);
        eng.read(w, hw, hw.length);
        eng.read(b, hb, hb.length);
        eng.read(a, got, got.length);
        float[] want = new float[got.length];
        try (CpuEngine cpu = new CpuEngine(1); Buffer cx = cpu.floats(hx.length); Buffer cw = cpu.floats(hw.length);
             Buffer cb = cpu.floats(hb.length); Buffer cz = cpu.floats(got.length); Buffer ca = cpu.floats(got.length)) {
            cpu.write(cx, hx, hx.length);
            cpu.write(cw, hw, hw.length);
            cpu.write(cb, hb, hb.length);
            cpu.denseForward(1, BATCH, IN, OUT, cx, cw, cb, Activation.RELU, 0f, null, cz, ca, null);
            cpu.read(ca, want, want.length);
        }
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < want.length; i++) {
            boolean ok = Math.abs(got[i] - want[i]) <= ATOL + RTOL * Math.abs(want[i]);
            if (!ok && bad++ < 5) first.append(String.format(" [%d] want %s got %s", i, want[i], got[i]));
        }
        if (bad > 0) {
            throw new IllegalStateException("dense forward on " + eng.kind().cliName() + ": " + bad + " of "
                    + want.length + " outputs of network 0 differ from the CPU engine; first:" + first);
        }
    }

    private static Buffer keep(List<Buffer> all, Buffer b) {
        all.add(b);
        return b;
    }
}
