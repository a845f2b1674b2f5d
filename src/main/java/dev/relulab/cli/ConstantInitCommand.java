package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.experiments.ConstantInitExperiment;
import dev.relulab.nn.Activation;
import dev.relulab.report.ConstantInitReport;
import dev.relulab.report.OutputFolder;
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

/** The constant-init preset: symmetric constant hidden weights, ReLU against Swish, dead and distinct units. */
@Command(name = "constant-init", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Symmetric constant weights: ReLU's dead layer against Swish (EXPERIMENTS.md).",
        description = {"10-10-10-1 nets with hidden weights +0.5 / -0.5 on random binary data: dead",
            "and distinct units per hidden layer (EXPERIMENTS.md, constant-init).", ""},
        footer = {"", "Writes <out>/summary.json, runs.csv, dead-per-layer and distinct-per-layer figures and "
                + "report.html."})
public final class ConstantInitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ExperimentOptions opts;

    @Option(names = "--activations", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", defaultValue = "relu,swish",
            description = "Hidden activations to compare (default: ${DEFAULT-VALUE}).")
    List<String> activations;

    @Override
    public Integer call() throws IOException {
        opts.output.check();
        ConstantInitExperiment x = new ConstantInitExperiment();
        x.activations = ExperimentOptions.activations(activations);
        x.seed = opts.seed;
        if (opts.networks != null) x.networks = opts.networks;
        if (opts.epochs != null) x.epochs = opts.epochs;
        if (opts.batch != null) x.batch = opts.batch;
        if (opts.lr != null) x.lr = opts.lr;
        Usage.run(x::check);
        PrintWriter out = spec.commandLine().getOut();
        try (Engine engine = opts.openEngine()) {
            for (Activation a : x.activations) {
                Usage.run(() -> Plan.check("--networks " + x.networks, engine, x.config(a), x.hostBytesPerNetwork(),
                        false));
            }
            try (OutputFolder folder = opts.output.open("constant-init")) {
                List<ConstantInitExperiment.Run> runs = new ArrayList<>();
                long t0 = System.nanoTime();
                try (Progress progress = Progress.start("constant-init", x.totalSteps(), false)) {
                    for (Activation a : x.activations) runs.addAll(x.run(engine, a, progress));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                ConstantInitReport report = new ConstantInitReport(x, runs);
                Table t = new Table(report.header());
                for (String[] r : report.rows()) t.row((Object[]) r);
                t.print(out);
                String device = engine.kind().cliName() + " (" + engine.deviceName() + ")";
                String description = String.format(Locale.ROOT, "%d networks per activation, %d epochs, engine %s, "
                        + "%.1f s", x.networks, x.epochs, device, seconds);
                out.println(description);
                report.write(folder, opts.output.provenance("constant-init", engine.kind().cliName(),
                        engine.deviceName(), x.seed, seconds), description);
                folder.commit();
                out.println("wrote " + folder.path().resolve("report.html") + ", summary.json, runs.csv and figures");
            }
        }
        out.flush();
        return 0;
    }
}
