package dev.relulab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import org.junit.jupiter.api.Test;

/** The fused variants' names, -D sets, layout sizes and the lane rule. */
class FusedVariantTest {
    private static FusedNetwork net(Activation act, int width, int depth, Optimizer.Kind opt, float tau) {
        Architecture arch = Architecture.mlp(1, width, depth, 1, act, act.defaultAlpha, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        return new FusedNetwork(arch, Optimizer.of(opt), 1L, FunctionTarget.ABS, -1f, 1f, 3000, 500, 64, 2, true, tau)
                .withSkipping(true);
    }

    @Test
    void namesAndDefinesCarryTheShape() {
        FusedVariant one = FusedVariant.of(net(Activation.RELU, 2, 10, Optimizer.Kind.SGD, 0f), 1);
        KernelId id = one.kernel();
        assertEquals("fused_v2_relu_w2_h10_l1", id.symbol());
        assertEquals(Kernel.FUSED_V2_ONE_LANE.program, id.program(), "one lane: opencl/fused_l1.cl");
        assertEquals(61, one.parameters(), "lu2019: 2 + 2 + 9 * 6 + 3");
        int local = FusedVariant.GROUP * 10 * 2;
        assertEquals(local, one.localFloats(), "sgd keeps no state; ReDo sums [HW][item]");
        assertEquals("-DFV_ACT=1 -DFV_GROUP=" + FusedVariant.GROUP + " -DFV_H=10 -DFV_LANES=1 -DFV_LOCAL_FLOATS=" + local
                + " -DFV_OPT=0 -DFV_SLOPES=0 -DFV_TAG=_relu_w2_h10_l1 -DFV_W=2 -DRELULAB_KERNEL=fused_v2_relu_w2_h10_l1",
                id.options(), "the -D set of its OpenCL program");
        assertEquals(new LaunchRange(64, 1, FusedVariant.GROUP, 1, 4 * local), one.range(33));
        FusedVariant lanes = FusedVariant.of(net(Activation.PRELU, 4, 3, Optimizer.Kind.ADAM, 0f), 32);
        assertEquals("fused_v2_prelu_w4_l32", lanes.kernel().symbol(), "the work-group kernels take any depth");
        assertEquals(Kernel.FUSED_V2_LANES.program, lanes.kernel().program());
        assertEquals(4 + 4 + 2 * 20 + 5 + 12, lanes.trained(), "weights, biases and 12 slopes");
        assertEquals(2, lanes.defines().get("FV_OPT"));
        assertEquals(lanes.localFloats(), lanes.defines().get("FV_LOCAL_FLOATS"));
        assertEquals(FusedVariant.symbol(Activation.PRELU, 4, 0, 32), lanes.kernel().symbol());
        assertEquals(32 * 7L, lanes.global(7), "one group of 32 lanes per network");
        assertEquals(64L, one.global(33), "one item per network, rounded up to the group");
        assertThrows(IllegalArgumentException.class, () -> FusedVariant.of(one.net, 16));
        assertEquals("fused_v2_relu_w2_l64", FusedVariant.of(one.net, 64).kernel().symbol());
        assertTrue(one.fitsRegisters(), "lu2019 fits");
        assertFalse(FusedVariant.of(net(Activation.RELU, 10, 2, Optimizer.Kind.SGD, 0f), 1).fitsRegisters());
    }

    @Test
    void lanesRuleFollowsDeviceSizeAndSkipping() {
        FusedNetwork relu = net(Activation.RELU, 2, 10, Optimizer.Kind.SGD, 0f);
        FusedNetwork leaky = net(Activation.LEAKY_RELU, 2, 10, Optimizer.Kind.SGD, 0f);
        int fill = FusedVariant.FILL_WARPS * 32 * 132;
        assertEquals(1, FusedVariant.lanesFor(relu, 10, false, 2, true), "CPU devices: one item per network");
        assertEquals(32, FusedVariant.lanesFor(leaky, fill - 1, true, 132, true), "too few networks to fill a GPU");
        assertEquals(1, FusedVariant.lanesFor(leaky, fill, true, 132, true));
        assertEquals(32, FusedVariant.lanesFor(leaky, fill, true, 132, false), "no one-lane variant");
        assertEquals(1, FusedVariant.lanesFor(relu, 1 << 20, true, 132, true), "exact skipping, ordered launch");
        assertEquals(32, FusedVariant.lanesFor(relu, fill - 1, true, 132, true), "small ensembles: a group each");
        System.setProperty(FusedOrder.PROPERTY, "false");
        try {
            assertEquals(32, FusedVariant.lanesFor(relu, 1 << 20, true, 132, true), "unordered skipping: a group each");
        } finally {
            System.clearProperty(FusedOrder.PROPERTY);
        }
        System.setProperty(FusedOrder.PROPERTY, "sometimes");
        try {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> FusedVariant.lanesFor(relu, 1 << 20, true, 132, true));
            assertTrue(bad.getMessage().contains("auto, true, false"), bad.getMessage());
        } finally {
            System.clearProperty(FusedOrder.PROPERTY);
        }
        FusedNetwork redo = net(Activation.RELU, 2, 10, Optimizer.Kind.SGD, 0.1f);
        assertFalse(redo.skips(), "ReDo's rule: no exact skipping");
        assertEquals(1, FusedVariant.lanesFor(redo, 1 << 20, true, 132, true));
        assertEquals(32, FusedVariant.lanesFor(relu.withLanes(32), 10, false, 2, true), "a forced mode wins");
        assertFalse(relu.withSkipping(false).skips());
    }

    @Test
    void uniformHiddenWidthsAndSineRangeOnly() {
        Architecture uneven = new Architecture(new int[] {1, 7, 5, 1}, Activation.RELU, 0f, Loss.MSE,
                new Initializer[] {Initializer.of(Initializer.Kind.HE_UNIFORM), Initializer.of(Initializer.Kind.HE_UNIFORM),
                    Initializer.of(Initializer.Kind.HE_UNIFORM)}, Initializer.of(Initializer.Kind.ZEROS));
        FusedNetwork n = new FusedNetwork(uneven, Optimizer.of(Optimizer.Kind.SGD), 1L, FunctionTarget.ABS, -1f, 1f,
                30, 10, 8, 1, true, 0f);
        assertTrue(n.unsupported().contains("hidden widths"), n.unsupported());
        Architecture lu = Architecture.mlp(1, 2, 10, 1, Activation.RELU, 0f, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        FusedNetwork far = new FusedNetwork(lu, Optimizer.of(Optimizer.Kind.SGD), 1L, FunctionTarget.XSIN5X, -2e5f,
                2e5f, 30, 10, 8, 1, true, 0f);
        assertTrue(far.unsupported().contains("sine"), far.unsupported());
        FusedNetwork absFar = new FusedNetwork(lu, Optimizer.of(Optimizer.Kind.SGD), 1L, FunctionTarget.ABS, -2e5f,
                2e5f, 30, 10, 8, 1, true, 0f);
        assertEquals(null, absFar.unsupported(), "|x| has no sine");
    }
}
