package dev.relulab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.nn.Sampling;
import org.junit.jupiter.api.Test;

/** The fused kernel's description: its limits, the spec layout the kernel reads, and Adam's corrections. */
class FusedNetworkTest {
    private static final Initializer GLOROT = Initializer.of(Initializer.Kind.GLOROT_UNIFORM);
    private static final Initializer ZEROS = Initializer.of(Initializer.Kind.ZEROS);

    private static FusedNetwork net(Architecture arch, Optimizer.Kind opt, int points, int batch, int epochs) {
        return new FusedNetwork(arch, Optimizer.of(opt), 7L, FunctionTarget.ABS, -1f, 1f, points, 10, batch, epochs,
                true, 0f);
    }

    private static Architecture mlp(int width, int depth, Loss loss, Initializer bias) {
        return Architecture.mlp(1, width, depth, 1, Activation.RELU, 0f, loss, GLOROT, bias);
    }

    @Test
    void limitsMirrorTheKernel() {
        assertNull(net(mlp(2, 10, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 3000, 64, 2).unsupported(), "lu2019");
        assertNull(net(mlp(16, 3, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "width 16");
        assertNotNull(net(mlp(17, 1, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "width 17");
        assertNull(net(mlp(2, 16, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "17 layers");
        assertNotNull(net(mlp(2, 17, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "18 layers");
        assertNotNull(net(mlp(16, 5, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "1105 params");
        assertNotNull(net(mlp(4, 2, Loss.BCE, ZEROS), Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "bce");
        assertNotNull(net(mlp(4, 2, Loss.MSE, Initializer.of(Initializer.Kind.HE_UNIFORM)), Optimizer.Kind.SGD, 30, 8,
                1).unsupported(), "he_uniform biases");
        Architecture twoIn = new Architecture(new int[] {2, 4, 1}, Activation.RELU, 0f, Loss.MSE,
                new Initializer[] {GLOROT, GLOROT}, ZEROS);
        assertNotNull(net(twoIn, Optimizer.Kind.SGD, 30, 8, 1).unsupported(), "two inputs");
    }

    @Test
    void specCarriesWidthsAndInitialiserParametersBitForBit() {
        FusedNetwork n = net(mlp(3, 2, Loss.MSE, Initializer.constant(0.1)), Optimizer.Kind.SGD, 30, 8, 1);
        int[] s = n.spec();
        int L = 3;
        assertEquals(L, s[0]);
        assertEquals(L + 2 + (L + 1) * FusedNetwork.INIT_INTS, s.length);
        for (int l = 0; l <= L; l++) assertEquals(new int[] {1, 3, 3, 1}[l], s[1 + l]);
        int second = L + 2 + FusedNetwork.INIT_INTS;
        assertEquals(Sampling.Form.UNIFORM.code, s[second]);
        double limit = Math.sqrt(6.0 / (3 + 3));
        assertEquals(-limit, Double.longBitsToDouble((long) s[second + 1] << 32 | (s[second + 2] & 0xFFFFFFFFL)));
        assertEquals(limit, Double.longBitsToDouble((long) s[second + 3] << 32 | (s[second + 4] & 0xFFFFFFFFL)));
        assertEquals((float) limit, Float.intBitsToFloat(s[second + 6]));
        int bias = L + 2 + L * FusedNetwork.INIT_INTS;
        assertEquals(Sampling.Form.CONSTANT.code, s[bias]);
        assertEquals(0.1, Double.longBitsToDouble((long) s[bias + 1] << 32 | (s[bias + 2] & 0xFFFFFFFFL)));
    }

    @Test
    void correctionsAreTheCpusFloatsForEveryStep() {
        FusedNetwork adam = net(mlp(2, 2, Loss.MSE, ZEROS), Optimizer.Kind.ADAM, 3000, 64, 2);
        assertEquals(94, adam.totalSteps());
        float[] c = adam.corrections();
        assertEquals(94, c.length);
        for (int t = 1; t <= 94; t++) assertEquals(adam.optimizer.biasCorrection(t), c[t - 1]);
        float[] sgd = net(mlp(2, 2, Loss.MSE, ZEROS), Optimizer.Kind.SGD, 3000, 64, 0).corrections();
        assertEquals(1, sgd.length, "never empty, even for 0 epochs");
        assertEquals(1f, sgd[0]);
    }
}
