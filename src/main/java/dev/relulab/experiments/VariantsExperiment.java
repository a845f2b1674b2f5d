package dev.relulab.experiments;

import dev.relulab.data.ClassificationData;
import dev.relulab.data.Split;
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
 * The variants preset (002): make_classification-style data (2000 x 20, 15 informative, 5 redundant, 10% flipped),
 * an 80/20 shuffled split standardised with the training statistics, a 20-64-32-1 sigmoid network (Glorot-uniform,
 * zero biases), Adam, binary cross-entropy, 50 epochs of batch 32. Dead units of every hidden layer are counted on
 * the first 100 training rows, and the test set's accuracy measured, after every epoch; test accuracy and loss at
 * the end. Epochs must be at least 1.
 */
public final class VariantsExperiment {
    public static final int PROBE_ROWS = 100;

    /**
     * One trained network: dead units [epoch][hidden layer] and validation (test-set) accuracy after each epoch, as
     * Keras' validation_data gives them, and its test accuracy and loss at the end.
     */
    public record Run(String activation, float alpha, int network, int[][] deadUnitsPerEpoch,
                      double[] validationAccuracyPerEpoch, double testAccuracy, double testLoss, float finalTrainLoss,
                      boolean diverged) {
        /** Dead units of the first hidden layer after each epoch. */
        public int[] deadUnitsFirstLayer() {
            int[] d = new int[deadUnitsPerEpoch.length];
            for (int e = 0; e < d.length; e++) d[e] = deadUnitsPerEpoch[e][0];
            return d;
        }

        /** Dead units of every hidden layer after the last epoch. */
        public int[] deadUnitsAtEnd() {
            return deadUnitsPerEpoch[deadUnitsPerEpoch.length - 1].clone();
        }
    }

    public int epochs = 50, batch = 32, networks = 1;
    public int[] hidden = {64, 32};
    public float lr = (float) Optimizer.Kind.ADAM.defaultLr;
    public long seed = 42;
    public ClassificationData data = ClassificationData.variantsPreset();
    public List<Activation> activations = List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.PRELU,
            Activation.ELU, Activation.SELU, Activation.SWISH, Activation.GELU);

    /** Checks every setting; messages name the option. */
    public void check() {
        Rules.distinct("--activations", activations.stream().map(Activation::cliName).toList());
        Rules.range("--networks", networks, 1, Integer.MAX_VALUE);
        Rules.range("--epochs", epochs, 1, Rules.MAX_EPOCHS);
        Rules.range("--batch", batch, 1, Rules.MAX_BATCH);
        Rules.learningRate("--lr", lr);
    }

    /** What a run keeps per network besides the trainer's results: dead units and accuracy after each epoch. */
    public long hostBytesPerNetwork() {
        return 2L * (epochs + 1) * (16 + 4L * (hidden.length + 2)) + 256;
    }

    /** The training configuration of one activation. */
    public TrainingConfig config(Activation act, float alpha) {
        return new TrainingConfig(architecture(act, alpha), Optimizer.of(Optimizer.Kind.ADAM), lr, epochs, batch,
                networks, seed, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true).testingEveryEpoch();
    }

    /** The notebook's parameter for each variant: Leaky ReLU slope 0.1, PReLU initial slope 0, ELU alpha 1. */
    public static float notebookAlpha(Activation act) {
        return act == Activation.LEAKY_RELU ? 0.1f : act.defaultAlpha;
    }

    public Split split() {
        return data.generate(seed).trainTestSplit(0.2, seed).standardised();
    }

    public Architecture architecture(Activation act, float alpha) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = data.features;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
        Initializer[] inits = new Initializer[widths.length - 1];
        java.util.Arrays.fill(inits, Initializer.of(Initializer.Kind.GLOROT_UNIFORM));
        return new Architecture(widths, act, alpha, Loss.BCE, inits, Initializer.of(Initializer.Kind.ZEROS));
    }

    public List<Run> run(Engine engine, Split split, Activation act, float alpha, Progress progress) {
        Architecture arch = architecture(act, alpha);
        TrainingConfig cfg = config(act, alpha);
        ProbeRecorder rec = new ProbeRecorder(engine, networks, arch.loss, false);
        StoredData stored = new StoredData(split.train(), split.test(), Math.min(PROBE_ROWS, split.train().rows));
        EnsembleResult r = new EnsembleTrainer(rec).train(cfg, stored, progress);
        List<Run> runs = new ArrayList<>();
        for (int n = 0; n < networks; n++) {
            List<int[]> probes = rec.deadPerProbe(n);
            int[][] dead = new int[epochs][];
            for (int e = 0; e < epochs; e++) dead[e] = probes.get(e + 1).clone();
            runs.add(new Run(act.cliName(), alpha, n, dead, rec.testAccuracyPerPass(n), rec.testAccuracy(n),
                    rec.testLoss(n), r.finalLoss[n], r.diverged[n]));
        }
        return runs;
    }

    public long totalSteps(int trainRows) {
        return (long) activations.size() * networks * epochs * ((trainRows + batch - 1) / batch);
    }
}
