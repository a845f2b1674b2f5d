package dev.relulab.experiments;

import dev.relulab.data.DataSet;
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
import java.util.Arrays;
import java.util.List;

/**
 * The mnist-lr preset (001): 784-128-64-32-10 ReLU nets with softmax and categorical cross-entropy, trained with Adam
 * at several learning rates, several seeds per rate, all as one ensemble (network {@code r * seeds + s} has rate r
 * and replicate s). The last 20% of the training images are held out for validation; dead units per hidden layer are
 * counted on the first 1000 training images after every epoch.
 */
public final class MnistLrExperiment {
    /** The notebook's rates. */
    public static final float[] NOTEBOOK_RATES = {0.5f, 0.1f, 0.01f, 0.001f};
    public static final int PROBE_ROWS = 1000;
    /** Keras' validation_split of the notebook: the tail of the training set. */
    public static final double VALIDATION_SPLIT = 0.2;

    /** One trained network: dead fraction per hidden layer after each epoch ([0] = initialisation) and at the end. */
    public record Run(float lr, int seed, int network, double[] deadFraction, double[][] deadFractionPerEpoch,
                      double[] valAccuracyPerEpoch, double valAccuracy, double valLoss, float finalTrainLoss,
                      boolean diverged) {}

    public float[] rates = NOTEBOOK_RATES.clone();
    public int seeds = 3, epochs = 5, batch = 256;
    public int[] hidden = {128, 64, 32};
    public long seed = 42;
    /** Use only the first {@code limit} training images (0: all). */
    public int limit;

    /** Checks every setting; messages name the option. */
    public void check() {
        List<Float> r = new ArrayList<>();
        for (float lr : rates) r.add(Rules.learningRate("--rates", lr));
        Rules.distinct("--rates", r);
        Rules.range("--seeds", seeds, 1, 10_000);
        Rules.range("--epochs", epochs, 1, 10_000);
        Rules.range("--batch", batch, 1, Rules.MAX_BATCH);
        if (limit < 0 || limit > 0 && limit < 10) {
            throw new IllegalArgumentException("--limit=" + limit + " must be 0 (all images) or at least 10");
        }
    }

    /** What a run keeps per network besides the trainer's results: dead fractions and accuracy per epoch. */
    public long hostBytesPerNetwork() {
        return 8L * (epochs + 2) * (hidden.length + 2) + 1024;
    }

    /** Finished networks kept across a kill (collapse's chunk checkpoints, for this experiment's runs). */
    public interface Kept {
        /** The kept runs by network. */
        java.util.Map<Integer, Run> runs();

        /** Keeps {@code runs}, just trained. */
        void save(List<Run> runs);
    }

    /** The first {@code limit} training images (all when 0), then split into training and validation rows. */
    public static Split trainAndValidation(DataSet train, int limit) {
        DataSet used = limit > 0 && limit < train.rows ? train.slice(0, limit) : train;
        return used.validationSplit(VALIDATION_SPLIT);
    }

    public int networks() {
        return rates.length * seeds;
    }

    public float lrOf(int network) {
        return rates[network / seeds];
    }

    public Architecture architecture(int features, int classes) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = features;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = classes;
        Initializer[] inits = new Initializer[widths.length - 1];
        Arrays.fill(inits, Initializer.of(Initializer.Kind.GLOROT_UNIFORM));
        return new Architecture(widths, Activation.RELU, 0f, Loss.CCE, inits, Initializer.of(Initializer.Kind.ZEROS));
    }

    public TrainingConfig config(Architecture arch) {
        float[] lr = new float[networks()];
        for (int n = 0; n < lr.length; n++) lr[n] = lrOf(n);
        return new TrainingConfig(arch, Optimizer.of(Optimizer.Kind.ADAM), rates[0], epochs, batch, networks(), seed,
                0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true, lr).testingEveryEpoch();
    }

    /** Trains every rate and seed as one ensemble; the split's test part is the validation set. */
    public List<Run> run(Engine engine, Split trainVal, Progress progress) {
        return run(engine, trainVal, progress, null);
    }

    /** As {@link #run(Engine, Split, Progress)}, keeping finished networks in {@code kept} and reusing those it has. */
    public List<Run> run(Engine engine, Split trainVal, Progress progress, Kept kept) {
        DataSet train = trainVal.train();
        Architecture arch = architecture(train.features, train.outputs);
        TrainingConfig cfg = config(arch);
        ProbeRecorder rec = new ProbeRecorder(engine, cfg.networks, arch.loss, false);
        StoredData data = new StoredData(train, trainVal.test(), Math.min(PROBE_ROWS, train.rows));
        java.util.Map<Integer, Run> before = kept == null ? java.util.Map.of() : kept.runs();
        EnsembleTrainer trainer = new EnsembleTrainer(rec);
        if (kept != null) {
            trainer.checkpointing(new dev.relulab.train.Checkpoint() {
                @Override
                public boolean restore(int first, int count, EnsembleResult out) {
                    for (int n = first; n < first + count; n++) if (!before.containsKey(n)) return false;
                    return true;
                }

                @Override
                public void save(int first, int count, EnsembleResult out) {
                    List<Run> done = new ArrayList<>();
                    for (int n = first; n < first + count; n++) done.add(runOf(n, rec, out, arch));
                    kept.save(done);
                }
            });
        }
        EnsembleResult r = trainer.train(cfg, data, progress);
        List<Run> runs = new ArrayList<>();
        for (int n = 0; n < cfg.networks; n++) runs.add(before.containsKey(n) ? before.get(n) : runOf(n, rec, r, arch));
        return runs;
    }

    private Run runOf(int n, ProbeRecorder rec, EnsembleResult r, Architecture arch) {
        int H = arch.hiddenLayers();
        List<int[]> probes = rec.deadPerProbe(n);
        double[][] perEpoch = new double[probes.size()][];
        for (int p = 0; p < probes.size(); p++) perEpoch[p] = fractions(probes.get(p), arch);
        double[] end = new double[H];
        for (int h = 0; h < H; h++) end[h] = r.deadEnd[n][h] / (double) arch.width(h + 1);
        return new Run(lrOf(n), n % seeds, n, end, perEpoch, rec.testAccuracyPerPass(n), rec.testAccuracy(n),
                rec.testLoss(n), r.finalLoss[n], r.diverged[n]);
    }

    private static double[] fractions(int[] dead, Architecture arch) {
        double[] f = new double[dead.length];
        for (int h = 0; h < dead.length; h++) f[h] = dead[h] / (double) arch.width(h + 1);
        return f;
    }

    public long totalSteps(int trainRows) {
        return (long) networks() * epochs * ((trainRows + batch - 1) / batch);
    }
}
