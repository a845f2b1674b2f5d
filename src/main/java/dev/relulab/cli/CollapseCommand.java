package dev.relulab.cli;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.report.ChunkCheckpoint;
import dev.relulab.report.CollapseReport;
import dev.relulab.report.CollapseRunReport;
import dev.relulab.report.NetworksCsv;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.Provenance;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Plan;
import dev.relulab.train.Progress;
import dev.relulab.train.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relulab collapse}: Lu et al.'s collapse sweep, from a preset with any setting overridden. */
@Command(name = "collapse", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Lu et al.'s collapse sweep: born-dead and collapsed deep narrow nets.",
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

    @Mixin
    OutputOptions output;

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
        output.check();
        if (isGrid()) {
            if (shard != null) throw new UsageError("--shard splits one ensemble; it does not combine with --depths, "
                    + "--widths, --activations or --inits");
            return new CollapseGridRun(this).call();
        }
        CollapseSettings s = settings();
        CollapseExperiment exp = experiment(s, shard);
        try (Engine engine = engineOptions.open()) {
            Usage.run(() -> Plan.check(s.sizeOptions(), engine, exp.config, exp.data, 0, output.resume));
            try (OutputFolder folder = output.open("collapse")) {
                Usage.run(() -> prepare(folder, exp, engine, ""));
                ChunkCheckpoint kept = Usage.of(() -> checkpoint(folder, exp, ""));
                EnsembleResult r;
                try (Progress p = Progress.start("collapse", exp.totalSteps(), progress)) {
                    r = exp.run(engine, p, kept);
                }
                if (kept.restored() > 0) {
                    System.out.printf("resumed: %d of %d networks kept from the interrupted run, %d trained now%n",
                            kept.restored(), r.networks, r.networks - kept.restored());
                }
                writeRun(folder, output.provenance("collapse", engine.kind().cliName(), engine.deviceName(), s.seed,
                        r.seconds), exp, r, 0);
            }
        }
        return 0;
    }

    private boolean isGrid() {
        return depths != null || widths != null || activations != null || inits != null;
    }

    /**
     * What these options ask for, checked as {@code collapse} checks them (bad input: {@link UsageError}), for a
     * driver that trains the cells and shards elsewhere (relulab-spark) and writes the folder this command would.
     *
     * @param base the settings of the run, or of every grid cell before the grid's four overrides
     * @param grid the grid, or null for one ensemble
     * @param shard the --shard given, or null
     * @param engine the --engine given
     * @param threads the --threads given (0: all cores)
     */
    public record Request(CollapseSettings base, CollapseGrid grid, Shard shard, EngineKind engine, int threads) {}

    /** The parsed options as a {@link Request}; see there. */
    public Request request() {
        output.check();
        CollapseSettings base = settings();
        CollapseGrid grid = isGrid() ? new CollapseGridRun(this).grid(base) : null;
        return new Request(base, grid, shard, engineOptions.engine, engineOptions.threads);
    }

    /** Locks and opens the --out folder as this command does (--overwrite, --resume, default runs/collapse/TIME). */
    public OutputFolder openOutput() {
        return output.open("collapse");
    }

    /** Ties a new or resumed folder to this run and checks that its files fit the disk. */
    static void prepare(OutputFolder folder, CollapseExperiment exp, Engine engine, String cell) {
        try {
            if (cell.isEmpty()) {
                ObjectNode id = Json.object();
                id.set("config", CollapseReport.config(exp.settings));
                id.put("shard", exp.shard == null ? "" : exp.shard.toString());
                id.put("engine", engine.kind().cliName());
                folder.sameRun(id);
            }
            // networks.csv and its checkpointed pieces: about 60 bytes a network plus 6 per hidden layer, twice
            long bytes = Plan.multiply(2L * (60 + 6L * exp.settings.depth), exp.config.networks);
            folder.checkSpace(exp.settings.sizeOptions(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept chunks of ensemble {@code prefix} in the folder (none in a new run). */
    static ChunkCheckpoint checkpoint(OutputFolder folder, CollapseExperiment exp, String prefix) {
        try {
            return new ChunkCheckpoint(folder, prefix, exp.config.firstNetwork, exp.config.networks,
                    exp.config.arch.widths());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the table, writes summary.json, networks.csv and report.html of a run and commits the folder. */
    static void writeRun(OutputFolder folder, Provenance prov, CollapseExperiment exp, EnsembleResult r,
                         int mergedShards) throws IOException {
        CollapseSummary summary = CollapseExperiment.summarise(r);
        String engine = prov.engine() + " (" + prov.device() + ")";
        CollapseReport.printTable(System.out, exp, summary, r, engine);
        if (mergedShards > 0) {
            System.out.printf("(merged from %d shards: the time is the sum of their training times)%n", mergedShards);
        }
        CollapseReport.writeSummary(folder, prov, exp, summary, r, mergedShards);
        folder.write("networks.csv", w -> NetworksCsv.write(r, w));
        CollapseRunReport.write(folder, exp, summary, r, engine);
        folder.commit();
        System.out.println();
        System.out.println("wrote " + folder.path().resolve("summary.json") + ", networks.csv and report.html");
    }

    private static CollapseExperiment experiment(CollapseSettings s, Shard shard) {
        return Usage.of(() -> new CollapseExperiment(s, shard));
    }

    /** The preset with every given option mapped onto it; the settings check the values. */
    CollapseSettings settings() {
        CollapseSettings s = Usage.of(() -> CollapseSettings.preset(preset));
        if (networks != null) s.networks = networks;
        if (depth != null) s.depth = depth;
        if (width != null) s.width = width;
        if (activation != null || alpha != null) s.activation(activation != null ? activation : s.activation, alpha);
        if (init != null) s.init = init;
        if (firstInit != null) s.firstInit = firstInit;
        if (biasInit != null) s.biasInit = biasInit;
        if (optimizer != null) s.optimizer(optimizer, lr);
        else if (lr != null) s.lr = lr;
        if (epochs != null) s.epochs = epochs;
        if (batch != null) s.batch = batch;
        if (points != null) s.points = points;
        if (testPoints != null) s.testPoints = testPoints;
        if (target != null) s.target = target;
        if (seed != null) s.seed = seed;
        if (deadThreshold != null) s.deadThreshold = deadThreshold;
        if (functionalTol != null) s.functionalTolerance = functionalTol;
        if (noEpochProbes) s.probeEveryEpoch = false;
        Usage.run(s::check);
        return s;
    }
}
