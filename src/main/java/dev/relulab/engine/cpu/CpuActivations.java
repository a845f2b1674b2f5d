package dev.relulab.engine.cpu;

import dev.relulab.nn.Activation;

/**
 * Public entry to the CPU engine's activation loops over a whole array, for benchmarks that time the activation
 * alone; it runs the same {@link ActivationLoops} code the engine's dense layers run, with no alive bits.
 */
public final class CpuActivations {
    private CpuActivations() {}

    /** a = phi(z) element by element; {@code alpha} is the leaky slope, ELU alpha or every PReLU unit's slope. */
    public static void forward(Activation act, float alpha, float[] z, float[] a) {
        checkLengths(z, a, "a");
        ActivationLoops.forward(act, alpha, null, 0, z, a, 0, 1, z.length, null);
    }

    /** dz *= phi'(z) in place, element by element. */
    public static void backward(Activation act, float alpha, float[] z, float[] dz) {
        checkLengths(z, dz, "dz");
        ActivationLoops.backward(act, alpha, null, 0, z, dz, 0, 1, z.length, null);
    }

    private static void checkLengths(float[] z, float[] other, String name) {
        if (z.length != other.length) {
            throw new IllegalArgumentException("z.length=" + z.length + " must equal " + name + ".length="
                    + other.length);
        }
    }
}
