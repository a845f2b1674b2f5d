package dev.relulab.perf;

import dev.relulab.data.DataSet;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.Progress;
import dev.relulab.train.StoredData;
import dev.relulab.train.TrainingConfig;
import java.util.SplittableRandom;

/**
 * One training epoch of the MNIST network (784-128-64-32-10 ReLU, softmax + cross-entropy, Adam lr 1e-3, batch 256)
 * over 48,000 synthetic samples of MNIST's shape stored once on the engine. The trainer always adds initialisation,
 * a probe and a test pass, so the epoch is the median of a 1-epoch run minus the median of a 0-epoch run, both timed
 * in the same process after warm-up.
 */
public final class EpochBench {
    public static final int[] WIDTHS = {784, 128, 64, 32, 10};
    public static final int SAMPLES = 48_000, BATCH = 256, PROBE = 1000, TEST = 1000;
    private static final long SEED = 0xE90C4L;

    /** The two medians and the epoch they imply. */
    public record Result(int networks, Timing withEpoch, Timing withoutEpoch) {
        public double epochSeconds() {
            return withEpoch.medianSeconds() - withoutEpoch.medianSeconds();
        }

        /** Training samples per second over all networks (E x 48,000 per epoch). */
        public double samplesPerSecond() {
            return (double) networks * SAMPLES / epochSeconds();
        }
    }

    private EpochBench() {}

    public static Result run(Engine eng, int E, int warmup, int repeats) {
        StoredData data = new StoredData(synthetic("synthetic-train", SAMPLES, 1), synthetic("synthetic-test", TEST, 2),
                PROBE);
        EnsembleTrainer trainer = new EnsembleTrainer(eng);
        TrainingConfig one = config(E, 1), none = config(E, 0);
        Timing t1 = Timing.measureWall(eng, warmup, repeats, () -> { },
                () -> trainer.train(one, data, Progress.silent(EnsembleTrainer.totalSteps(one, data))));
        Timing t0 = Timing.measureWall(eng, warmup, repeats, () -> { },
                () -> trainer.train(none, data, Progress.silent(1)));
        return new Result(E, t1, t0);
    }

    static TrainingConfig config(int E, int epochs) {
        Initializer[] init = new Initializer[WIDTHS.length - 1];
        java.util.Arrays.fill(init, Initializer.of(Initializer.Kind.GLOROT_UNIFORM));
        Architecture arch = new Architecture(WIDTHS, Activation.RELU, 0f, Loss.CCE, init,
                Initializer.of(Initializer.Kind.ZEROS));
        return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.ADAM), 1e-3f, epochs, BATCH, E, SEED, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
    }

    /** Pixels uniform in [0, 1), labels uniform over 10 classes. */
    static DataSet synthetic(String name, int rows, long stream) {
        SplittableRandom r = new SplittableRandom(SEED ^ stream);
        float[] x = new float[rows * WIDTHS[0]];
        int[] labels = new int[rows];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble();
        for (int i = 0; i < rows; i++) labels[i] = r.nextInt(10);
        return DataSet.fromLabels(name, rows, WIDTHS[0], x, labels, 10);
    }
}
