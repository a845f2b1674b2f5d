package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused kernels on CUDA against the op-by-op CPU engine on lu2019-like trainings, in the lane mode the rule picks
 * and in each forced mode. The kernels round every product and sum with __fmul_rn/__fadd_rn (no FMA contraction) in
 * the CPU's order, so with ReLU-family activations the runs must be bit-identical, as on PoCL. Prints the fused and
 * op-by-op CUDA times of the same training. Skips with the reason when this machine has no CUDA device.
 */
@Tag("gpu")
class CudaFusedTrainingTest {
    @ParameterizedTest(name = "{0} {1}, lanes {2}")
    @CsvSource({"relu, sgd, 0", "relu, sgd, 1", "relu, adam, 32", "leaky_relu, momentum, 1", "leaky_relu, momentum, 32",
        "prelu, adam, 0"})
    void fusedMatchesCpuBitForBit(String act, String opt, int lanes) {
        String forced = System.getProperty(dev.relulab.engine.FusedNetwork.LANES_PROPERTY);
        if (lanes != 0) System.setProperty(dev.relulab.engine.FusedNetwork.LANES_PROPERTY, Integer.toString(lanes));
        try {
            fusedMatchesCpu(act, opt);
        } finally {
            if (forced == null) System.clearProperty(dev.relulab.engine.FusedNetwork.LANES_PROPERTY);
            else System.setProperty(dev.relulab.engine.FusedNetwork.LANES_PROPERTY, forced);
        }
    }

    private void fusedMatchesCpu(String act, String opt) {
        Engine cuda = CudaTestEngine.get();
        long seed = System.nanoTime();
        Activation a = Activation.parse(act);
        Optimizer.Kind kind = Optimizer.parseKind(opt);
        Architecture arch = Architecture.mlp(1, 2, 10, 1, a, a.defaultAlpha, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        TrainingConfig cfg = new TrainingConfig(arch, Optimizer.of(kind), (float) kind.defaultLr, 2, 64, 1000, seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
        FunctionData data = new FunctionData(FunctionTarget.ABS, (float) -Math.sqrt(7), (float) Math.sqrt(7), 3000,
                500);
        assertTrue(new EnsembleTrainer(cuda).usesFused(cfg, data));
        EnsembleResult want = train(new CpuEngine(1), cfg, data);
        train(cuda, cfg, data);
        EnsembleResult got = train(cuda, cfg, data);
        String before = System.getProperty("relulab.fused");
        System.setProperty("relulab.fused", "false");
        EnsembleResult opByOp;
        try {
            train(cuda, cfg, data);
            opByOp = train(cuda, cfg, data);
        } finally {
            if (before == null) System.clearProperty("relulab.fused");
            else System.setProperty("relulab.fused", before);
        }
        System.out.printf("cuda lu2019 %s %s, 1000 networks: %s %.4f s, op by op %.4f s%n", act, opt, got.trainingPath,
                got.seconds, opByOp.seconds);
        String where = act + " " + opt + " (seed " + seed + ")";
        assertArrayEquals(want.bornDead, got.bornDead, "born-dead flags, " + where);
        assertArrayEquals(want.diverged, got.diverged, "diverged flags, " + where);
        for (int n = 0; n < cfg.networks; n++) {
            assertArrayEquals(want.deadStart[n], got.deadStart[n], "initial dead units of network " + n + ", " + where);
            assertArrayEquals(want.deadEnd[n], got.deadEnd[n], "final dead units of network " + n + ", " + where);
            assertArrayEquals(want.revived[n], got.revived[n], "revived units of network " + n + ", " + where);
        }
        assertArrayEquals(want.finalLoss, got.finalLoss, "final losses, " + where);
        assertArrayEquals(want.structural, got.structural, "structural collapse, " + where);
        assertArrayEquals(want.functional, got.functional, "functional collapse, " + where);
    }

    private static EnsembleResult train(Engine engine, TrainingConfig cfg, FunctionData data) {
        return new EnsembleTrainer(engine).train(cfg, data, Progress.silent(EnsembleTrainer.totalSteps(cfg, data)));
    }
}
