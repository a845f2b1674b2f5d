package dev.relulab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.report.NetworksCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Whole-training parity of a device engine against the CPU engine, shared by the OpenCL and CUDA tests. Initial
 * weights and data are the same bits on every engine, so born-dead flags and initial dead counts must be identical;
 * training may drift by rounding (a GPU compiler may contract products into FMAs), so each collapse fraction must
 * agree within 4 standard errors of the difference of two binomial proportions, sqrt(2 p (1 - p) / N) with p the
 * pooled fraction, plus 2/N.
 */
public final class TrainingParity {
    private TrainingParity() {}

    /** lu2019 as EXPERIMENTS.md has it: 1 -> 10 x 2 -> 1 ReLU, sgd 0.01, 2 epochs, batch 64, no epoch probes. */
    public static TrainingConfig lu2019(int networks, long seed) {
        Architecture arch = Architecture.mlp(1, 2, 10, 1, Activation.RELU, 0, Loss.MSE,
                Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.of(Initializer.Kind.ZEROS));
        return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.SGD), 0.01f, 2, 64, networks, seed, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
    }

    /** |x| on [-sqrt 7, sqrt 7], 3000 training and 500 test points per network. */
    public static FunctionData lu2019Data() {
        float lim = (float) Math.sqrt(7);
        return new FunctionData(FunctionTarget.ABS, -lim, lim, 3000, 500);
    }

    /** Trains on {@code engine}; on the CPU engine, the reference, always op by op. */
    public static EnsembleResult train(Engine engine, TrainingConfig cfg, DataSource data) {
        EnsembleTrainer trainer = new EnsembleTrainer(engine);
        if (engine.kind() == dev.relulab.engine.EngineKind.CPU) trainer = trainer.opByOp();
        return trainer.train(cfg, data, Progress.silent(EnsembleTrainer.totalSteps(cfg, data)));
    }

    /** The result's networks.csv, for byte-for-byte comparisons. */
    public static String csv(EnsembleResult r) {
        StringWriter w = new StringWriter();
        try {
            NetworksCsv.write(r, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Identical born-dead flags and initial dead counts; collapse and divergence fractions within the band. */
    public static void assertMatches(EnsembleResult want, EnsembleResult got, String engine, long seed) {
        assertArrayEquals(want.bornDead, got.bornDead, "born-dead flags (seed " + seed + ")");
        for (int n = 0; n < want.networks; n++) {
            assertArrayEquals(want.deadStart[n], got.deadStart[n], "initial dead units of network " + n + " (seed "
                    + seed + ")");
        }
        String summary = "seed " + seed + ": cpu/" + engine + " born dead " + count(want.bornDead) + "/"
                + count(got.bornDead) + ", structural " + count(want.structural) + "/" + count(got.structural)
                + ", functional " + count(want.functional) + "/" + count(got.functional) + ", exact "
                + count(want.exact) + "/" + count(got.exact) + ", diverged " + count(want.diverged) + "/"
                + count(got.diverged);
        System.out.println("training parity " + summary);
        assertWithinBand("structural", want.structural, got.structural, summary);
        assertWithinBand("functional", want.functional, got.functional, summary);
        assertWithinBand("exact", want.exact, got.exact, summary);
        assertWithinBand("diverged", want.diverged, got.diverged, summary);
    }

    /** |fraction(want) - fraction(got)| within 4 standard errors of a difference of two proportions, plus 2/N. */
    public static void assertWithinBand(String what, boolean[] want, boolean[] got, String where) {
        int a = count(want), b = count(got), n = want.length;
        double p = (a + b) / (2.0 * n);
        double band = 4 * Math.sqrt(2 * p * (1 - p) / n) + 2.0 / n;
        double diff = Math.abs(a - b) / (double) n;
        assertTrue(diff <= band, what + " fraction differs by " + diff + " > band " + band + " (" + where + ")");
    }

    public static int count(boolean[] v) {
        int c = 0;
        for (boolean x : v) if (x) c++;
        return c;
    }
}
