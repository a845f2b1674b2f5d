package dev.relulab.engine.opencl;

import static dev.relulab.engine.opencl.OpenClTestSupport.cpu;
import static dev.relulab.engine.opencl.OpenClTestSupport.engine;
import static dev.relulab.engine.opencl.OpenClTestSupport.newSeed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.FunctionData;
import dev.relulab.train.TrainingConfig;
import dev.relulab.train.TrainingParity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * networks.csv of a fused lu2019-shaped run on OpenCL, in both lane modes, is byte for byte that of the op-by-op
 * trainer on the CPU engine, for ReLU, Leaky ReLU and PReLU with sgd, momentum and adam; exact skipping changes no
 * bit and skips exactly the born-dead networks' every step, and the CPU fused trainer reports the same counts. Fresh
 * seeds each run, an odd ensemble size.
 */
class OpenClFusedCsvTest {
    private static final int NETWORKS = 97;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"relu, sgd", "relu, momentum", "relu, adam", "leaky_relu, sgd", "leaky_relu, momentum",
        "leaky_relu, adam", "prelu, sgd", "prelu, momentum", "prelu, adam"})
    void networksCsvIsTheCpusByteForByte(String act, String opt) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        TrainingConfig cfg = config(Activation.parse(act), Optimizer.parseKind(opt), seed);
        FunctionData data = TrainingParity.lu2019Data();
        String want = TrainingParity.csv(TrainingParity.train(cpu(), cfg, data));
        for (int lanes : new int[] {1, 32}) {
            String got = OpenClFusedTrainingTest.withLanes(lanes, () -> TrainingParity.csv(TrainingParity.train(cl, cfg, data)));
            assertEquals(want, got, "networks.csv, " + act + " " + opt + ", " + lanes + " lanes (seed " + seed + ")");
        }
    }

    @Test
    void exactSkippingChangesNoBitAndSkipsEveryStepOfTheBornDead() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        TrainingConfig cfg = config(Activation.RELU, Optimizer.Kind.SGD, seed);
        FunctionData data = TrainingParity.lu2019Data();
        EnsembleResult cpuRun = TrainingParity.train(cpu(), cfg, data);
        String want = TrainingParity.csv(cpuRun);
        assertTrue(TrainingParity.count(cpuRun.bornDead) > NETWORKS / 2, "lu2019: most networks are born dead");
        FusedNetwork net = new FusedNetwork(cfg.arch, cfg.optimizer, seed, data.target, data.lo, data.hi,
                data.trainSize(), data.testSize(), cfg.batch, cfg.epochs, cfg.probeEveryEpoch, 0f);
        int total = net.totalSteps(), H = cfg.arch.hiddenLayers();
        for (int lanes : new int[] {1, 32}) {
            for (boolean skip : new boolean[] {true, false}) {
                String where = lanes + " lanes, skipping " + skip + " (seed " + seed + ")";
                String got = OpenClFusedTrainingTest.withLanes(lanes, () -> OpenClFusedTrainingTest.withProperty(
                        FusedNetwork.SKIP_PROPERTY, Boolean.toString(skip),
                        () -> TrainingParity.csv(TrainingParity.train(cl, cfg, data))));
                assertEquals(want, got, "networks.csv, " + where);
                int[] counts = counts(cl, net.withLanes(lanes).withSkipping(skip), cfg);
                assertArrayEquals(counts(cpu(), net.withSkipping(skip), cfg), counts, "the CPU fused trainer's counts"
                        + " (dead, revived, diverged, steps on the skipping path), " + where);
                for (int e = 0; e < NETWORKS; e++) {
                    int skipped = counts[e * net.countsPerNetwork() + 3 * H + 1];
                    if (!skip) assertEquals(0, skipped, "network " + e + ", " + where);
                    else assertEquals(cpuRun.bornDead[e], skipped == total, "network " + e + " skipped " + skipped
                            + " of " + total + " steps, born dead " + cpuRun.bornDead[e] + ", " + where);
                }
            }
        }
    }

    /**
     * Around the work-group kernel's point table (4096 points in local memory): 4097 points (no table, a last probe
     * block of one point) and a batch of 50 (a partial second wave of lanes), in both lane modes.
     */
    @ParameterizedTest(name = "{0} points, batch {1}")
    @CsvSource({"4096, 64", "4097, 50"})
    void pointTableLimitAndPartialWaves(int points, int batch) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Architecture arch = Architecture.mlp(1, 3, 4, 1, Activation.RELU, 0f, Loss.MSE,
                Initializer.of(Initializer.Kind.HE_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        TrainingConfig cfg = new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.ADAM), 0.01f, 1, batch, 33, seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
        FunctionData data = new FunctionData(FunctionTarget.ABS, -2f, 2f, points, 77);
        String want = TrainingParity.csv(TrainingParity.train(cpu(), cfg, data));
        for (int lanes : new int[] {1, 32}) {
            String got = OpenClFusedTrainingTest.withLanes(lanes, () -> TrainingParity.csv(TrainingParity.train(cl, cfg, data)));
            assertEquals(want, got, "networks.csv, " + points + " points, batch " + batch + ", " + lanes + " lanes (seed "
                    + seed + ")");
        }
    }

    private static int[] counts(Engine cl, FusedNetwork net, TrainingConfig cfg) {
        int[] c = new int[NETWORKS * net.countsPerNetwork()];
        float[] rates = new float[NETWORKS];
        for (int e = 0; e < NETWORKS; e++) rates[e] = cfg.lr(e);
        try (Buffer lr = cl.floats(NETWORKS); Buffer counts = cl.ints(c.length);
             Buffer stats = cl.floats((long) NETWORKS * FusedNetwork.STATS)) {
            cl.write(lr, rates, NETWORKS);
            cl.trainFused(net, 0, NETWORKS, lr, counts, stats);
            cl.readInts(counts, c, c.length);
        }
        return c;
    }

    /** lu2019's shape and schedule (1 -> 2 x 10 -> 1, glorot uniform, zero biases, batch 64, 2 epochs, probes). */
    private static TrainingConfig config(Activation act, Optimizer.Kind opt, long seed) {
        Architecture arch = Architecture.mlp(1, 2, 10, 1, act, act.defaultAlpha, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        return new TrainingConfig(arch, Optimizer.of(opt), (float) opt.defaultLr, 2, 64, NETWORKS, seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
    }
}
