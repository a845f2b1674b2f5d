package dev.relulab.cli;

import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.VariantsExperiment;
import dev.relulab.nn.Activation;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.VariantsReport;
import dev.relulab.train.Plan;
import dev.relulab.train.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The variants preset: the ReLU family on make_classification-style data, dead units per epoch and test accuracy. */
@Command(name = "variants", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The ReLU family on a synthetic classification task (EXPERIMENTS.md).",
        description = {"20-64-32-1 nets on a make_classification-style set: dead units per epoch and",
            "test accuracy for each activation (EXPERIMENTS.md, variants).", ""},
        footer = {"", "Writes <out>/summary.json, epochs.csv, figures and report.html."})
public final class VariantsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ExperimentOptions opts;

    @Option(names = "--activations", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", defaultValue = "relu,leaky_relu,prelu,elu,selu,swish,gelu",
            description = "Hidden activations (default: ${DEFAULT-VALUE}); Leaky ReLU slope 0.1, PReLU starts at 0, "
                    + "ELU alpha 1.")
    List<String> activations;

    @Override
    public Integer call() throws IOException {
        opts.output.check();
        VariantsExperiment x = new VariantsExperiment();
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
                Usage.run(() -> Plan.check("--networks " + x.networks + " --epochs " + x.epochs, engine,
                        x.config(a, VariantsExperiment.notebookAlpha(a)), x.hostBytesPerNetwork(), false));
            }
            try (OutputFolder folder = opts.output.open("variants")) {
                Split split = x.split();
                List<VariantsExperiment.Run> runs = new ArrayList<>();
                long t0 = System.nanoTime();
                try (Progress progress = Progress.start("variants", x.totalSteps(split.train().rows), false)) {
                    for (Activation a : x.activations) {
                        runs.addAll(x.run(engine, split, a, VariantsExperiment.notebookAlpha(a), progress));
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                String[] header = {"activation", "network", "dead L1 (end)", "dead per layer (end)", "test acc",
                    "test loss", "diverged"};
                List<String[]> rows = new ArrayList<>();
                Table t = new Table(header);
                for (VariantsExperiment.Run r : runs) {
                    int[] first = r.deadUnitsFirstLayer();
                    String[] row = {r.activation(), Integer.toString(r.network()),
                        Integer.toString(first[first.length - 1]), Arrays.toString(r.deadUnitsAtEnd()),
                        String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                        String.format(Locale.ROOT, "%.4f", r.testLoss()), r.diverged() ? "yes" : "no"};
                    rows.add(row);
                    t.row((Object[]) row);
                }
                t.print(out);
                String device = engine.kind().cliName() + " (" + engine.deviceName() + ")";
                String description = String.format(Locale.ROOT, "%d networks per activation, %d epochs, lr %s, "
                        + "engine %s, %.1f s", x.networks, x.epochs, x.lr, device, seconds);
                out.println(description);
                new VariantsReport(runs, x.hidden).write(folder, opts.output.provenance("variants", engine.kind().cliName(),
                        engine.deviceName(), x.seed, seconds), VariantsReport.summary(x, split.train().rows,
                        split.test().rows, runs), description, header, rows);
                folder.commit();
                out.println("wrote " + folder.path().resolve("report.html") + ", summary.json, epochs.csv and figures");
            }
        }
        out.flush();
        return 0;
    }
}
