package dev.relulab.engine.opencl;

import static dev.relulab.engine.opencl.OpenClTestSupport.cpu;
import static dev.relulab.engine.opencl.OpenClTestSupport.engine;
import static dev.relulab.engine.opencl.OpenClTestSupport.newSeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.FusedOrder;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.TrainingConfig;
import dev.relulab.train.TrainingParity;
import org.junit.jupiter.api.Test;

/**
 * fused_order_key on OpenCL gives its Java twin's keys, every born-dead network's key reaches the layer its initial
 * probe finds dead (the key looks at a subset of the probe's points), and an ordered one-lane launch writes the same
 * networks.csv as an unordered one and the CPU engine. lu2019's shape, fresh seeds, an odd chunk at an odd offset.
 */
class OpenClFusedOrderTest {
    private static final int NETWORKS = 301, NET_BASE = 17;
    // a CPU device orders only when told to (FusedOrder.applies): the tests tell it

    private static TrainingConfig config(long seed, int networks) {
        Architecture arch = Architecture.mlp(1, 2, 10, 1, Activation.RELU, 0f, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.SGD), 0.01f, 2, 64, networks, seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
    }

    private static FusedNetwork net(TrainingConfig cfg, FunctionData data) {
        return new FusedNetwork(cfg.arch, cfg.optimizer, cfg.seed, data.target, data.lo, data.hi, data.trainSize(),
                data.testSize(), cfg.batch, cfg.epochs, cfg.probeEveryEpoch, 0f);
    }

    @Test
    void keysAreTheTwinsAndReachEveryBornDeadLayer() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        TrainingConfig cfg = config(seed, NETWORKS);
        FunctionData data = TrainingParity.lu2019Data();
        FusedNetwork net = net(cfg, data);
        FusedOrder.Keys k = cl.plan().fusedOrderKeys(net, NET_BASE, NETWORKS);
        int points = Math.min(FusedOrder.keyPoints(), data.trainSize()), H = 10, stride = net.countsPerNetwork();
        int[] counts = startCounts(cl, net, cfg);
        int keyed = 0, bornDead = 0;
        for (int e = 0; e < NETWORKS; e++) {
            assertEquals(FusedOrder.key(k.init(), NETWORKS, e, NET_BASE, seed, 2, H, points, data.lo, data.hi),
                    k.keys()[e], "network " + (NET_BASE + e) + "'s key (seed " + seed + ")");
            int probed = 0;
            for (int h = 1; h <= H; h++) if (counts[e * stride + h - 1] == 2) probed = h;
            assertTrue(k.keys()[e] >= probed, "network " + (NET_BASE + e) + ": key " + k.keys()[e]
                    + " below the layer " + probed + " its initial probe found dead (seed " + seed + ")");
            if (k.keys()[e] > 0) keyed++;
            if (probed > 0) bornDead++;
        }
        assertTrue(bornDead > NETWORKS / 2 && keyed < NETWORKS, "lu2019: most networks born dead, not all keyed: "
                + bornDead + " born dead, " + keyed + " keyed of " + NETWORKS + " (seed " + seed + ")");
        System.out.printf("fused_order_key, %d points: %d of %d networks keyed, %d born dead (seed %d)%n", points,
                keyed, NETWORKS, bornDead, seed);
    }

    @Test
    void orderedAndUnorderedLaunchesWriteTheCpusNetworksCsv() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        TrainingConfig cfg = config(seed, 97);
        FunctionData data = TrainingParity.lu2019Data();
        String want = TrainingParity.csv(TrainingParity.train(cpu(), cfg, data));
        for (String ordered : new String[] {"true", "false"}) {
            String[] path = new String[1];
            String got = OpenClFusedTrainingTest.withLanes(1, () -> OpenClFusedTrainingTest.withProperty(
                    FusedOrder.PROPERTY, ordered, () -> {
                        path[0] = new EnsembleTrainer(cl).trainingPath(cfg, data);
                        return TrainingParity.csv(TrainingParity.train(cl, cfg, data));
                    }));
            assertEquals(want, got, "networks.csv, one lane, ordered " + ordered + " (seed " + seed + ")");
            assertEquals(ordered.equals("true"), path[0].contains(", ordered"), "the path says so: " + path[0]);
        }
    }

    /** counts [E][4H + 2] of a fused training of the chunk: the first H are the dead units per layer at the start. */
    private static int[] startCounts(DeviceEngine cl, FusedNetwork net, TrainingConfig cfg) {
        int[] c = new int[NETWORKS * net.countsPerNetwork()];
        float[] rates = new float[NETWORKS];
        for (int e = 0; e < NETWORKS; e++) rates[e] = cfg.lr(NET_BASE + e);
        try (Buffer lr = cl.floats(NETWORKS); Buffer counts = cl.ints(c.length);
             Buffer stats = cl.floats((long) NETWORKS * FusedNetwork.STATS)) {
            cl.write(lr, rates, NETWORKS);
            cl.trainFused(net, NET_BASE, NETWORKS, lr, counts, stats);
            cl.readInts(counts, c, c.length);
        }
        return c;
    }
}
