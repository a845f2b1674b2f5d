package dev.relulab.engine.cpu.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.Progress;
import dev.relulab.train.TrainingConfig;
import dev.relulab.train.TrainingParity;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The CPU fused trainer against the op-by-op reference on the same engine: every per-network result, and so
 * networks.csv, must be the same bytes, for every activation, optimizer, initialiser and dead-unit rule, with
 * networks born dead (the skipping path), networks that diverge (handed back to the reference) and ensembles that
 * are not a multiple of anything. Seeds are fresh each run ({@code -Drelulab.seed=S} replays one).
 */
class FusedCpuTrainerTest {
    private static final long SEED = Long.getLong("relulab.seed", System.nanoTime());
    private static final CpuEngine ENGINE = new CpuEngine(2);
    private final SplittableRandom rng = new SplittableRandom(SEED);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static Architecture arch(Activation act, float alpha, int width, int depth, String init, String bias) {
        return Architecture.mlp(1, width, depth, 1, act, alpha, Loss.MSE, Initializer.parse(init),
                Initializer.parse(bias));
    }

    private TrainingConfig config(Architecture arch, Optimizer.Kind opt, float lr, int networks, boolean probeEach,
                                  float tau) {
        return new TrainingConfig(arch, Optimizer.of(opt), lr, 3, 32, networks, rng.nextLong(), tau,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, probeEach);
    }

    private static FunctionData data(FunctionTarget f) {
        return new FunctionData(f, -2.6457513f, 2.6457513f, 300, 50); // 300 = 9 batches of 32 and one of 12
    }

    /** Trains with both paths and asserts every result equal; returns the fused result. */
    private EnsembleResult assertSame(TrainingConfig cfg, FunctionData data, String what) {
        EnsembleTrainer trainer = new EnsembleTrainer(ENGINE);
        assertTrue(trainer.usesFused(cfg, data), what + ": the CPU engine must take its fused path");
        EnsembleResult want = trainer.opByOp().train(cfg, data, Progress.silent(1));
        EnsembleResult got = trainer.train(cfg, data, Progress.silent(1));
        String where = what + " (seed " + SEED + ", config seed " + cfg.seed + ")";
        assertEquals(TrainingParity.csv(want), TrainingParity.csv(got), where + ": networks.csv");
        assertArrayEquals(want.finalLoss, got.finalLoss, where + ": final loss bits");
        return got;
    }

    @Test
    void reluWithEveryOptimizerMatchesTheReference() {
        for (Optimizer.Kind opt : Optimizer.Kind.values()) {
            for (boolean probeEach : new boolean[] {true, false}) {
                TrainingConfig cfg = config(arch(Activation.RELU, 0f, 2, 6, "glorot_uniform", "zeros"), opt,
                        opt == Optimizer.Kind.ADAM ? 0.01f : 0.05f, 97, probeEach, 0f);
                EnsembleResult r = assertSame(cfg, data(FunctionTarget.ABS), "relu " + opt + " probes " + probeEach);
                assertTrue(count(r.bornDead) > 0, "some networks are born dead, so the skipping path ran");
            }
        }
    }

    @Test
    void theLeakyAndParametricFamilyMatchesTheReference() {
        float[] slopes = {0.01f, 0.3f, 1.5f, -0.2f, 0f};
        for (float alpha : slopes) {
            for (Optimizer.Kind opt : new Optimizer.Kind[] {Optimizer.Kind.SGD, Optimizer.Kind.ADAM}) {
                assertSame(config(arch(Activation.LEAKY_RELU, alpha, 3, 4, "he_normal", "zeros"), opt, 0.02f, 61,
                        true, 0f), data(FunctionTarget.ABS), "leaky_relu(" + alpha + ") " + opt);
            }
        }
        for (Optimizer.Kind opt : Optimizer.Kind.values()) {
            assertSame(config(arch(Activation.PRELU, 0f, 3, 4, "glorot_uniform", "zeros"), opt, 0.02f, 61, true, 0f),
                    data(FunctionTarget.XSIN5X), "prelu " + opt);
            assertSame(config(arch(Activation.PRELU, 0.25f, 2, 5, "he_uniform", "normal(0,0.1)"), opt, 0.02f, 61,
                    true, 0f), data(FunctionTarget.STEP_SIN), "prelu(0.25) " + opt);
        }
    }

    @Test
    void smoothActivationsMatchTheReferenceBitForBit() {
        Activation[] acts = {Activation.ELU, Activation.SELU, Activation.SWISH, Activation.GELU, Activation.SIGMOID,
            Activation.TANH, Activation.LINEAR};
        for (Activation act : acts) {
            assertSame(config(arch(act, act.defaultAlpha, 3, 3, "glorot_normal", "zeros"), Optimizer.Kind.ADAM, 0.01f,
                    33, true, 0f), data(FunctionTarget.XSIN5X), act.cliName());
        }
    }

    @Test
    void initialisersTargetsAndTheRedoRuleMatchTheReference() {
        String[] inits = {"rai", "normal(0,1)", "uniform(-1,1)", "lecun_normal",
            "constant(0.3)"};
        for (String init : inits) {
            assertSame(config(arch(Activation.RELU, 0f, 3, 5, init, "zeros"), Optimizer.Kind.MOMENTUM, 0.01f, 45,
                    true, 0f), data(FunctionTarget.ABS), "init " + init);
        }
        assertSame(config(arch(Activation.RELU, 0f, 4, 4, "he_uniform", "uniform(-0.5,0.5)"), Optimizer.Kind.SGD,
                0.05f, 45, true, 0.1f), data(FunctionTarget.STEP_SIN), "ReDo tau 0.1");
        assertSame(config(arch(Activation.RELU, 0f, 1, 8, "glorot_uniform", "zeros"), Optimizer.Kind.SGD, 0.05f, 45,
                true, 0f), data(FunctionTarget.ABS), "width 1");
        assertSame(config(arch(Activation.RELU, 0f, 17, 2, "glorot_uniform", "zeros"), Optimizer.Kind.ADAM, 0.005f,
                20, true, 0f), data(FunctionTarget.XSIN5X), "width 17 (wider than the GPU kernels take)");
    }

    @Test
    void divergingNetworksAreHandedBackToTheReferenceAndStillMatch() {
        TrainingConfig cfg = config(arch(Activation.RELU, 0f, 4, 3, "he_normal", "zeros"), Optimizer.Kind.SGD, 2f,
                40, true, 0f);
        EnsembleResult r = assertSame(cfg, data(FunctionTarget.XSIN5X), "sgd lr 2 (diverges)");
        assertTrue(count(r.diverged) > 0, "lr 2 must make some networks diverge (seed " + SEED + ")");
        assertTrue(r.trainedOpByOp.get() >= count(r.diverged), "diverged networks are trained op by op");
    }

    @Test
    void theGroupSizeChangesNoResult() {
        TrainingConfig cfg = config(arch(Activation.RELU, 0f, 2, 6, "glorot_uniform", "zeros"), Optimizer.Kind.SGD,
                0.05f, 50, true, 0f);
        FunctionData data = data(FunctionTarget.ABS);
        FusedNetwork net = fused(cfg, data);
        float[] lr = new float[cfg.networks];
        java.util.Arrays.fill(lr, cfg.lr);
        int stride = net.countsPerNetwork();
        int[] whole = new int[cfg.networks * stride], small = new int[whole.length];
        float[] wholeStats = new float[cfg.networks * 9], smallStats = new float[wholeStats.length];
        FusedCpuTrainer.train(net, 5, cfg.networks, lr, whole, wholeStats, 1024);
        FusedCpuTrainer.train(net, 5, cfg.networks, lr, small, smallStats, 7);
        assertArrayEquals(whole, small, "counts (seed " + SEED + ")");
        assertArrayEquals(wholeStats, smallStats, "stats (seed " + SEED + ")");
    }

    /**
     * Counts column 3H + 1: the steps a network trained in the dead block. Born-dead networks all of them (epochs x
     * steps); under sgd a network found dead at an epoch's probe the remaining epochs' steps (it stays dead, so its
     * final dead counts say so); under adam none but the born dead; with skipping off or without ReLU, none; and the
     * other columns do not depend on it.
     */
    @Test
    void theSkippingColumnCountsTheDeadBlocksSteps() {
        FunctionData data = data(FunctionTarget.ABS);
        int steps = 10, epochs = 3;
        for (Optimizer.Kind opt : new Optimizer.Kind[] {Optimizer.Kind.SGD, Optimizer.Kind.ADAM}) {
            TrainingConfig cfg = config(arch(Activation.RELU, 0f, 2, 6, "glorot_uniform", "zeros"), opt,
                    opt == Optimizer.Kind.ADAM ? 0.01f : 0.2f, 97, true, 0f);
            EnsembleResult ref = new EnsembleTrainer(ENGINE).opByOp().train(cfg, data, Progress.silent(1));
            FusedNetwork net = fused(cfg, data);
            int[] on = counts(net.withSkipping(true), cfg), off = counts(net.withSkipping(false), cfg);
            int H = cfg.arch.hiddenLayers(), stride = net.countsPerNetwork(), later = 0;
            String where = opt + " (seed " + SEED + ", config seed " + cfg.seed + ")";
            assertEquals(epochs * steps, net.totalSteps());
            for (int e = 0; e < cfg.networks; e++) {
                int skipped = on[e * stride + 3 * H + 1];
                assertEquals(0, off[e * stride + 3 * H + 1], "network " + e + " with skipping off, " + where);
                if (ref.bornDead[e]) {
                    assertEquals(epochs * steps, skipped, "born-dead network " + e + ", " + where);
                } else if (opt == Optimizer.Kind.ADAM || !ref.structural[e]) {
                    assertEquals(0, skipped, "network " + e + " (alive at the end, or adam), " + where);
                } else {
                    assertEquals(0, skipped % steps, "whole epochs, network " + e + ", " + where);
                    assertTrue(skipped < epochs * steps, "network " + e + " was alive at the start, " + where);
                    if (skipped > 0) later++;
                }
                on[e * stride + 3 * H + 1] = 0;
            }
            assertArrayEquals(off, on, "every other column is the same with skipping on and off, " + where);
            assertTrue(count(ref.bornDead) > 0, "some networks are born dead, " + where);
            System.out.println("skipping column, relu " + opt + ": " + count(ref.bornDead) + " born dead, " + later
                    + " moved to the dead block after an epoch's probe");
        }
        TrainingConfig leaky = config(arch(Activation.LEAKY_RELU, 0.01f, 2, 6, "glorot_uniform", "zeros"),
                Optimizer.Kind.SGD, 0.05f, 31, true, 0f);
        FusedNetwork net = fused(leaky, data);
        int[] c = counts(net, leaky);
        for (int e = 0; e < leaky.networks; e++) {
            assertEquals(0, c[e * net.countsPerNetwork() + 3 * leaky.arch.hiddenLayers() + 1], "leaky network " + e);
        }
    }

    private static FusedNetwork fused(TrainingConfig cfg, FunctionData data) {
        return new FusedNetwork(cfg.arch, cfg.optimizer, cfg.seed, data.target, data.lo, data.hi, data.trainSize(),
                data.testSize(), cfg.batch, cfg.epochs, cfg.probeEveryEpoch, cfg.deadThreshold);
    }

    /** The counts FusedCpuTrainer writes over a buffer poisoned with 7s. */
    private static int[] counts(FusedNetwork net, TrainingConfig cfg) {
        float[] lr = new float[cfg.networks];
        for (int e = 0; e < cfg.networks; e++) lr[e] = cfg.lr(e);
        int[] counts = new int[cfg.networks * net.countsPerNetwork()];
        java.util.Arrays.fill(counts, 7);
        FusedCpuTrainer.train(net, 0, cfg.networks, lr, counts, new float[cfg.networks * FusedNetwork.STATS]);
        return counts;
    }

    private static int count(boolean[] v) {
        int c = 0;
        for (boolean b : v) if (b) c++;
        return c;
    }
}
