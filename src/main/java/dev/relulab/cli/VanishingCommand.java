package dev.relulab.cli;

import dev.relulab.data.DataSet;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.VanishingExperiment;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.VanishingReport;
import dev.relulab.train.Plan;
import dev.relulab.train.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relulab vanishing}: weight-gradient norms per layer under different activations and initialisers. */
@Command(name = "vanishing", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Weight-gradient norms per layer under different initialisations.",
        description = {"10 -> 5 x 100 -> 1 sigmoid nets on the ball set with bce and SGD: tanh and",
            "sigmoid with N(0, 0.01), N(0, 0.1), N(0, 1) and Glorot normal, ReLU with He",
            "uniform; the weight-gradient norm of every layer at initialisation and over",
            "training (EXPERIMENTS.md, vanishing).", ""},
        footer = {"", "Writes <out>/summary.json, grad-norms.csv, grad-quantiles.csv, figures and report.html."})
public final class VanishingCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--networks", paramLabel = "N", defaultValue = "3",
            description = "Networks per setup (default: ${DEFAULT-VALUE}).")
    int networks;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
            description = "Minibatch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.01",
            description = "SGD learning rate (default: ${DEFAULT-VALUE}, Keras' SGD default).")
    float lr;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin OutputOptions output;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        output.check();
        VanishingExperiment x = new VanishingExperiment();
        x.networks = networks;
        x.epochs = epochs;
        x.batch = batch;
        x.lr = lr;
        x.seed = seed;
        Usage.run(x::check);
        List<VanishingExperiment.Setup> setups = VanishingExperiment.presetSetups();
        DataSet train = x.train(), test = x.test();
        PrintWriter pw = spec.commandLine().getOut();
        try (Engine engine = engineOptions.open()) {
            for (VanishingExperiment.Setup s : setups) {
                Usage.run(() -> Plan.check("--networks " + x.networks + " --epochs " + x.epochs, engine,
                        x.config(s, train.features), x.hostBytesPerNetwork(), false));
            }
            try (OutputFolder folder = output.open("vanishing")) {
                List<VanishingExperiment.Run> runs = new ArrayList<>();
                long t0 = System.nanoTime();
                try (Progress p = Progress.start("vanishing", x.totalSteps(setups.size(), train.rows), false)) {
                    for (VanishingExperiment.Setup s : setups) runs.addAll(x.run(engine, s, train, test, p));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                VanishingReport report = new VanishingReport(x, runs);
                Table t = new Table(report.header());
                for (String[] r : report.rows()) t.row((Object[]) r);
                pw.printf(Locale.ROOT, "relulab vanishing  mean ||dW|| per layer, %d networks per setup; engine %s "
                        + "(%s), %.1f s%n%n", x.networks, engine.kind().cliName(), engine.deviceName(), seconds);
                t.print(pw);
                report.write(folder, output.provenance("vanishing", engine.kind().cliName(), engine.deviceName(),
                        x.seed, seconds));
                folder.commit();
                pw.println();
                pw.println("wrote " + folder.path().resolve("report.html"));
                pw.flush();
            }
        }
        return 0;
    }
}
