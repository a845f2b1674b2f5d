package dev.relulab.cli;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;
import dev.relulab.report.CollapseReport;
import dev.relulab.report.CollapseRunReport;
import dev.relulab.report.NetworksCsv;
import dev.relulab.report.OutputFolder;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Progress;
import dev.relulab.train.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relulab collapse}: Lu et al.'s collapse sweep, from a preset with any setting overridden. */
@Command(name = "collapse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train an ensemble of deep narrow networks on a 1-D target and count how many",
            "die: born dead (a hidden layer entirely dead at initialisation), collapsed to",
            "a constant (structural: a hidden layer dead on the training points;",
            "functional: prediction std under tol x target std on the test points; exact:",
            "every test prediction equal), and dead units per layer.",
            "",
            "Examples:",
            "  relulab collapse --preset lu2019 --networks 1000 --engine cpu --out runs/a",
            "  relulab collapse --preset lu2019-leaky",
            "  relulab collapse --init rai --depth 20 --target 'x*sin(5x)'",
            ""},
        footer = {"",
            "Writes <out>/summary.json, networks.csv (one row per network),",
            "dead-per-layer.png/.svg and report.html.",
            "With --depths, --widths, --activations or --inits, runs every cell of the",
            "grid (each one ensemble) and writes summary.json (cells with Wilson",
            "intervals), grid.csv, collapse-vs-depth figures and report.html.",
            "With --shard K/N, trains networks [(K-1)M/N, KM/N) of the M-network",
            "ensemble; 'relulab merge DIR...' turns the N shard folders into the folder",
            "one run would have written (the same networks.csv).", ""})
public final class CollapseCommand implements Callable<Integer> {
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "lu2019",
            description = "lu2019 (ReLU, EXPERIMENTS.md) or lu2019-leaky (Leaky ReLU 0.01, first layer N(0, 0.01)). "
                    + "Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--networks", paramLabel = "N", description = "Networks in the ensemble (preset: 1000).")
    Integer networks;

    @Option(names = "--depth", paramLabel = "N", description = "Hidden layers (preset: 10).")
    Integer depth;

    @Option(names = "--width", paramLabel = "N", description = "Units per hidden layer, 1.." + Architecture.MAX_WIDTH
            + " (preset: 2).")
    Integer width;

    @Option(names = "--activation", paramLabel = "NAME", converter = Converters.ActivationConverter.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (preset: relu).")
    Activation activation;

    @Option(names = "--alpha", paramLabel = "X",
            description = "Leaky slope, ELU alpha or initial PReLU slope (default: the activation's own).")
    Float alpha;

    @Option(names = "--init", paramLabel = "INIT", converter = Converters.InitializerConverter.class,
            description = "Weight initialiser for every layer: " + Initializer.ALLOWED + " (preset: glorot_uniform).")
    Initializer init;

    @Option(names = "--first-init", paramLabel = "INIT", converter = Converters.InitializerConverter.class,
            description = "Weight initialiser of the first layer only (lu2019-leaky: normal(0,0.01)).")
    Initializer firstInit;

    @Option(names = "--bias-init", paramLabel = "INIT", converter = Converters.InitializerConverter.class,
            description = "Bias initialiser: zeros, constant(v), normal(mean,std), uniform(lo,hi) (preset: zeros).")
    Initializer biasInit;

    @Option(names = "--optimizer", paramLabel = "NAME", converter = Converters.OptimizerConverter.class,
            description = "sgd, momentum or adam, with Keras' defaults (preset: sgd).")
    Optimizer.Kind optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (preset: 0.01).")
    Float lr;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (preset: 2).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (preset: 64).")
    Integer batch;

    @Option(names = "--points", paramLabel = "N", description = "Training points per network (preset: 3000).")
    Integer points;

    @Option(names = "--test-points", paramLabel = "N", description = "Test points per network (preset: 500).")
    Integer testPoints;

    @Option(names = "--target", paramLabel = "F", converter = Converters.TargetConverter.class,
            description = "Target function: abs, xsin5x (x*sin(5x)) or stepsin (1{x>0}+0.2 sin(5x)) (preset: abs).")
    FunctionTarget target;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random stream (preset: 1999).")
    Long seed;

    @Option(names = "--dead-threshold", paramLabel = "TAU",
            description = "ReDo dormant threshold: a unit is dead when its mean |output| is at most TAU x the "
                    + "layer's mean; 0 = exactly dead (default).")
    Float deadThreshold;

    @Option(names = "--functional-tol", paramLabel = "X",
            description = "Functional collapse when prediction std < X x target std (default: 1e-3).")
    Double functionalTol;

    @Option(names = "--no-epoch-probes", negatable = false,
            description = "Probe dead units only at the start and the end (faster; no revived counts between).")
    boolean noEpochProbes;

    @Option(names = "--shard", paramLabel = "K/N", converter = Converters.ShardConverter.class,
            description = "Train only shard K of N of the ensemble (networks keep their ids and results), for "
                    + "running one sweep on several machines; 'relulab merge' joins the shards' folders.")
    Shard shard;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/collapse",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--progress", description = "Draw the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Option(names = "--depths", paramLabel = "N", split = ",", splitSynopsisLabel = ",",
            description = "Grid: hidden-layer counts, one ensemble per cell (e.g. 2,4,6,8,10,12).")
    List<Integer> depths;

    @Option(names = "--widths", paramLabel = "N", split = ",", splitSynopsisLabel = ",",
            description = "Grid: widths (e.g. 2,3,4,5,10).")
    List<Integer> widths;

    @Option(names = "--activations", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            converter = Converters.ActivationConverter.class, description = "Grid: activations (e.g. relu,leaky_relu).")
    List<Activation> activations;

    @Option(names = "--inits", paramLabel = "INIT", split = ",(?![^(]*\\))", splitSynopsisLabel = ",",
            converter = Converters.InitializerConverter.class, description = "Grid: weight initialisers (e.g. "
                    + "glorot_uniform,rai).")
    List<Initializer> inits;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        if (depths != null || widths != null || activations != null || inits != null) {
            if (shard != null) throw new UsageError("--shard splits one ensemble; it does not combine with --depths, "
                    + "--widths, --activations or --inits");
            return new CollapseGridRun(this).call();
        }
        CollapseSettings s = settings();
        CollapseExperiment exp = experiment(s, shard);
        OutputFolder folder = OutputFolder.prepare(out, "--out");
        try (Engine engine = engineOptions.open()) {
            EnsembleResult r;
            try (Progress p = Progress.start("collapse", exp.totalSteps(), progress)) {
                r = exp.run(engine, p);
            }
            writeRun(folder, exp, r, engine.kind().cliName(), engine.deviceName(), 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }

    /** Prints the table and writes summary.json, networks.csv and report.html of a run (or of merged shards). */
    static void writeRun(OutputFolder folder, CollapseExperiment exp, EnsembleResult r, String engineName,
                         String device, int mergedShards) throws IOException {
        CollapseSummary summary = CollapseExperiment.summarise(r);
        CollapseReport.printTable(System.out, exp, summary, r, engineName + " (" + device + ")");
        if (mergedShards > 0) {
            System.out.printf("(merged from %d shards: the time is the sum of their training times)%n", mergedShards);
        }
        CollapseReport.writeSummary(folder, exp, summary, r, engineName, device, VersionProvider.version(),
                mergedShards);
        folder.write("networks.csv", w -> NetworksCsv.write(r, w));
        CollapseRunReport.write(folder, exp, summary, engineName + " (" + device + ")", r.seconds);
        System.out.println();
        System.out.println("wrote " + folder.path().resolve("summary.json") + ", networks.csv and report.html");
    }

    private static CollapseExperiment experiment(CollapseSettings s, Shard shard) {
        try {
            return new CollapseExperiment(s, shard);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The preset with every given option applied, each checked with a message naming the option. */
    CollapseSettings settings() {
        CollapseSettings s;
        try {
            s = CollapseSettings.preset(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--preset: " + e.getMessage());
        }
        if (networks != null) s.networks = atLeast("--networks", networks, 1, Integer.MAX_VALUE);
        if (depth != null) s.depth = atLeast("--depth", depth, 1, 1000);
        if (width != null) s.width = atLeast("--width", width, 1, Architecture.MAX_WIDTH);
        if (activation != null) {
            s.activation = activation;
            if (alpha == null && !s.activation.equals(Activation.LEAKY_RELU)) s.alpha = Float.NaN;
        }
        if (alpha != null) s.alpha = finite("--alpha", alpha);
        if (init != null) s.init = init;
        if (firstInit != null) s.firstInit = firstInit;
        if (biasInit != null) s.biasInit = checkBias(biasInit);
        if (optimizer != null) {
            s.optimizer = optimizer;
            if (lr == null) s.lr = (float) optimizer.defaultLr;
        }
        if (lr != null) {
            if (!(lr > 0) || !Float.isFinite(lr)) throw new UsageError("--lr=" + lr + " must be a positive number");
            s.lr = lr;
        }
        if (epochs != null) s.epochs = atLeast("--epochs", epochs, 0, 100_000);
        if (batch != null) s.batch = atLeast("--batch", batch, 1, 1 << 16);
        if (points != null) s.points = atLeast("--points", points, 1, 1 << 24);
        if (testPoints != null) s.testPoints = atLeast("--test-points", testPoints, 2, 1 << 24);
        if (target != null) s.target = target;
        if (seed != null) s.seed = seed;
        if (deadThreshold != null) {
            if (!(deadThreshold >= 0 && deadThreshold < 1)) {
                throw new UsageError("--dead-threshold=" + deadThreshold + " must be in [0, 1)");
            }
            s.deadThreshold = deadThreshold;
        }
        if (functionalTol != null) {
            if (!(functionalTol > 0) || functionalTol.isInfinite()) {
                throw new UsageError("--functional-tol=" + functionalTol + " must be a positive number");
            }
            s.functionalTolerance = functionalTol;
        }
        if (noEpochProbes) s.probeEveryEpoch = false;
        return s;
    }

    private static Initializer checkBias(Initializer init) {
        switch (init.kind) {
            case ZEROS: case CONSTANT: case NORMAL: case UNIFORM: return init;
            default: throw new UsageError("--bias-init " + init + " is not allowed; use zeros, constant(v), "
                    + "normal(mean,std) or uniform(lo,hi)");
        }
    }

    private static int atLeast(String option, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new UsageError(option + "=" + value + " must be between " + lo + " and " + hi);
        }
        return value;
    }

    private static float finite(String option, float value) {
        if (!Float.isFinite(value)) throw new UsageError(option + "=" + value + " must be a finite number");
        return value;
    }
}
