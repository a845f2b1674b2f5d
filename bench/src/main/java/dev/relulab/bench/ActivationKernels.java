package dev.relulab.bench;

import dev.relulab.engine.cpu.CpuActivations;
import dev.relulab.nn.Activation;
import dev.relulab.perf.ActivationBench;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Activation kernels alone: a = phi(z) and dz *= phi'(z) over one large float array, through the CPU engine's own
 * loops ({@link CpuActivations} runs {@code ActivationLoops}). z is uniform on [-4, 4], so about half the units are
 * on each side and branches are as unpredictable as in training. 20 benchmarks of 10 to 15 s each (fork, 8 s timed,
 * validation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ActivationKernels {
    /** Every activation, by its command-line name. */
    @Param({"linear", "relu", "leaky_relu", "prelu", "elu", "selu", "swish", "gelu", "sigmoid", "tanh"})
    public String activation;

    /** 4M floats: 16 MB per array, well past the last-level cache, so the loops stream from memory. */
    @Param("4194304")
    public int elements;

    Activation act;
    float alpha;
    float[] z, a, dA, dz;

    @Setup(Level.Trial)
    public void setup() {
        act = Activation.parse(activation);
        alpha = act.hasLearnedSlope() ? ActivationBench.PRELU_SLOPE : act.defaultAlpha;
        SplittableRandom rng = new SplittableRandom(7);
        z = new float[elements];
        a = new float[elements];
        dA = new float[elements];
        dz = new float[elements];
        for (int k = 0; k < elements; k++) {
            z[k] = (float) rng.nextDouble(-4, 4);
            dA[k] = (float) rng.nextDouble(-1, 1);
        }
        Arrays.fill(a, Float.NaN);
        CpuActivations.forward(act, alpha, z, a);
        Check.close("forward " + activation, k -> act.value(z[k], alpha), a, elements, 0f, 0f);
        resetGradient();
        CpuActivations.backward(act, alpha, z, dz);
        Check.close("backward " + activation, k -> dA[k] * act.derivative(z[k], alpha), dz, elements, 0f, 0f);
    }

    void resetGradient() {
        System.arraycopy(dA, 0, dz, 0, elements);
    }

    /** The backward pass works in place: dz is restored before every call, so ELU's exp(z) factors never pile up. */
    @State(Scope.Thread)
    public static class Gradient {
        @Setup(Level.Invocation)
        public void reset(ActivationKernels k) {
            k.resetGradient();
        }
    }

    @Benchmark
    public void forward() {
        CpuActivations.forward(act, alpha, z, a);
    }

    @Benchmark
    public void backward(Gradient restored) {
        CpuActivations.backward(act, alpha, z, dz);
    }
}
