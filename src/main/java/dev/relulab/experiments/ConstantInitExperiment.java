package dev.relulab.experiments;

import dev.relulab.data.DataSet;
import dev.relulab.data.RandomBinaryData;
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
 * The constant-init preset (000): 1000 x 10 uniform inputs with coin-flip labels, a 10-10-10-1 sigmoid network whose
 * hidden weights start at +0.5 and -0.5 (output layer Glorot-uniform, biases zero), Adam, binary cross-entropy.
 * Dead units and distinct units per hidden layer are measured on all 1000 training rows after training.
 */
public final class ConstantInitExperiment {
    public static final int ROWS = 1000, FEATURES = 10, WIDTH = 10;

    /** One trained network: the fraction of dead and the number of distinct units in each hidden layer. */
    public record Run(String activation, int network, double[] deadFractionPerLayer, int[] distinctUnitsPerLayer,
                      float finalLoss, boolean diverged) {}

    public int epochs = 10, batch = 32, networks = 1;
    public float lr = (float) Optimizer.Kind.ADAM.defaultLr;
    public long seed = 42;
    public List<Activation> activations = List.of(Activation.RELU, Activation.SWISH);

    /** Checks every setting; messages name the option. */
    public void check() {
        Rules.distinct("--activations", activations.stream().map(Activation::cliName).toList());
        Rules.range("--networks", networks, 1, Integer.MAX_VALUE);
        Rules.range("--epochs", epochs, 1, Rules.MAX_EPOCHS);
        Rules.range("--batch", batch, 1, Rules.MAX_BATCH);
        Rules.learningRate("--lr", lr);
    }

    /** What a run keeps per network besides the trainer's results: every hidden unit's output on every row. */
    public long hostBytesPerNetwork() {
        return 4L * ROWS * 2 * WIDTH + 256;
    }

    /** A training configuration of one activation (for plans). */
    public TrainingConfig config(Activation act) {
        return new TrainingConfig(architecture(act), Optimizer.of(Optimizer.Kind.ADAM), lr, epochs, batch, networks,
                seed, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, false);
    }

    public Architecture architecture(Activation act) {
        return new Architecture(new int[] {FEATURES, WIDTH, WIDTH, 1}, act, act.defaultAlpha, Loss.BCE,
                new Initializer[] {Initializer.constant(0.5), Initializer.constant(-0.5),
                        Initializer.of(Initializer.Kind.GLOROT_UNIFORM)},
                Initializer.of(Initializer.Kind.ZEROS));
    }

    public List<Run> run(Engine engine, Activation act, Progress progress) {
        DataSet data = RandomBinaryData.generate(ROWS, FEATURES, seed);
        Architecture arch = architecture(act);
        TrainingConfig cfg = config(act);
        ProbeRecorder rec = new ProbeRecorder(engine, networks, arch.loss, true);
        EnsembleResult r = new EnsembleTrainer(rec).train(cfg, new StoredData(data, data, data.rows), progress);
        List<Run> runs = new ArrayList<>();
        int H = arch.hiddenLayers();
        for (int n = 0; n < networks; n++) {
            double[] dead = new double[H];
            int[] distinct = new int[H];
            for (int h = 0; h < H; h++) {
                dead[h] = r.deadEnd[n][h] / (double) arch.width(h + 1);
                distinct[h] = DistinctUnits.count(rec.activations(n)[h], arch.width(h + 1));
            }
            runs.add(new Run(act.cliName(), n, dead, distinct, r.finalLoss[n], r.diverged[n]));
        }
        return runs;
    }

    /** Total training steps for a progress bar over {@code activations} runs. */
    public long totalSteps() {
        return (long) activations.size() * networks * epochs * ((ROWS + batch - 1) / batch);
    }
}
