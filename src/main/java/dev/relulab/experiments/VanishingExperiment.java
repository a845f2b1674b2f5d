package dev.relulab.experiments;

import dev.relulab.data.BallData;
import dev.relulab.data.DataSet;
import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.Progress;
import dev.relulab.train.StoredData;
import dev.relulab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The vanishing preset (003, part 1): the ball set, 10 -> 5 x 100 -> 1 sigmoid nets with binary cross-entropy and
 * SGD, one ensemble per (activation, initialiser); per layer the weight-gradient norm at initialisation and its mean
 * over each epoch, and the gradient's distribution at the start and the end. Training uses the 1000 ball points of
 * the seed; a second draw (seed + 1) is the test set.
 */
public final class VanishingExperiment {
    /** One activation with one weight initialiser. */
    public record Setup(Activation activation, Initializer init) {
        public String label() {
            return activation.cliName() + " " + init;
        }

        /** A file-name stem: {@code tanh-normal-0.01}. */
        public String stem() {
            return (activation.cliName() + "-" + init).replaceAll("normal\\(0(\\.0)?,", "normal-")
                    .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+$", "");
        }
    }

    /** One network: per layer (0-based, the output layer last) the norms and the distributions. */
    public record Run(Setup setup, int network, double[] initNorm, double[][] normPerEpoch, Quantiles[] initQuantiles,
                      Quantiles[] endQuantiles, double testAccuracy, float finalTrainLoss, boolean diverged) {}

    /** tanh and sigmoid with N(0, sigma) for sigma 0.01, 0.1, 1 and Glorot normal; ReLU with He uniform. */
    public static List<Setup> presetSetups() {
        List<Setup> s = new ArrayList<>();
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            for (double sigma : new double[] {0.01, 0.1, 1.0}) s.add(new Setup(a, Initializer.normal(0, sigma)));
            s.add(new Setup(a, Initializer.of(Initializer.Kind.GLOROT_NORMAL)));
        }
        s.add(new Setup(Activation.RELU, Initializer.of(Initializer.Kind.HE_UNIFORM)));
        return s;
    }

    public int depth = 5, width = 100, epochs = 20, batch = 32, networks = 3;
    /** Keras' SGD default. */
    public float lr = 0.01f;
    public long seed = 42;

    /** Checks every setting; messages name the option. */
    public void check() {
        Rules.range("--networks", networks, 1, 10_000);
        Rules.range("--epochs", epochs, 1, 10_000);
        Rules.range("--batch", batch, 1, Rules.MAX_BATCH);
        Rules.learningRate("--lr", lr);
    }

    /** What a run keeps per network besides the trainer's results: gradient norms and two gradients per layer. */
    public long hostBytesPerNetwork() {
        long weights = 0;
        for (int l = 1; l <= depth + 1; l++) weights += (long) (l == 1 ? 10 : width) * (l == depth + 1 ? 1 : width);
        return 8L * (epochs + 1) * (depth + 1) + 2 * 4 * weights + 1024;
    }

    /** The training configuration of one setup. */
    public TrainingConfig config(Setup s, int inputs) {
        return new TrainingConfig(architecture(s, inputs), Optimizer.of(Optimizer.Kind.SGD), lr, epochs, batch,
                networks, seed, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
    }

    public Architecture architecture(Setup s, int inputs) {
        Architecture a = Architecture.mlp(inputs, width, depth, 1, s.activation, s.activation.defaultAlpha, Loss.BCE,
                s.init, Initializer.of(Initializer.Kind.ZEROS));
        return a;
    }

    public DataSet train() {
        return BallData.generate(seed);
    }

    public DataSet test() {
        return BallData.generate(seed + 1);
    }

    public List<Run> run(Engine engine, Setup s, DataSet train, DataSet test, Progress progress) {
        TrainingConfig cfg = config(s, train.features);
        Architecture arch = cfg.arch;
        ProbeRecorder probe = new ProbeRecorder(engine, networks, arch.loss, false);
        GradientRecorder grads = new GradientRecorder(probe, networks, arch.layers(), epochs);
        EnsembleResult r = new EnsembleTrainer(grads).train(cfg, new StoredData(train, test, train.rows), progress);
        List<Run> runs = new ArrayList<>();
        int L = arch.layers();
        for (int n = 0; n < networks; n++) {
            double[] init = new double[L];
            double[][] perEpoch = new double[epochs][L];
            Quantiles[] qi = new Quantiles[L], qe = new Quantiles[L];
            for (int l = 0; l < L; l++) {
                init[l] = grads.initNorm(n, l);
                for (int e = 0; e < epochs; e++) perEpoch[e][l] = grads.meanNorm(n, e, l);
                qi[l] = Quantiles.of(grads.initGradient(n, l));
                qe[l] = Quantiles.of(grads.lastGradient(n, l));
            }
            runs.add(new Run(s, n, init, perEpoch, qi, qe, probe.testAccuracy(n), r.finalLoss[n], r.diverged[n]));
        }
        return runs;
    }

    public long totalSteps(int setups, int trainRows) {
        return (long) setups * networks * epochs * ((trainRows + batch - 1) / batch);
    }
}
