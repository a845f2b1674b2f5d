package dev.relulab.cli;

import dev.relulab.data.Split;
import dev.relulab.engine.Engine;
import dev.relulab.experiments.VariantsExperiment;
import dev.relulab.nn.Activation;
import dev.relulab.train.Progress;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.VariantsReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The variants preset: the ReLU family on make_classification-style data, dead units per epoch and test accuracy. */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "20-64-32-1 nets on a make_classification-style set: dead units per epoch and test accuracy "
                + "for each activation (EXPERIMENTS.md, variants).")
public final class VariantsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ExperimentOptions opts;

    @Option(names = "--activations", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", defaultValue = "relu,leaky_relu,prelu,elu,selu,swish,gelu",
            description = "Hidden activations (default: ${DEFAULT-VALUE}); Leaky ReLU slope 0.1, PReLU starts at 0, "
                    + "ELU alpha 1.")
    List<String> activations;

    @Override
    public Integer call() {
        opts.check();
        List<Activation> acts = ExperimentOptions.activations(activations);
        VariantsExperiment x = new VariantsExperiment();
        x.seed = opts.seed;
        if (opts.networks != null) x.networks = opts.networks;
        if (opts.epochs != null) x.epochs = opts.epochs;
        if (opts.batch != null) x.batch = opts.batch;
        if (opts.lr != null) x.lr = opts.lr;
        Split split = x.split();
        PrintWriter out = spec.commandLine().getOut();
        List<VariantsExperiment.Run> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        String device;
        try (Engine engine = opts.openEngine();
             Progress progress = Progress.start("variants", x.totalSteps(acts.size(), split.train().rows), false)) {
            device = engine.kind().cliName() + " (" + engine.deviceName() + ")";
            for (Activation a : acts) runs.addAll(x.run(engine, split, a, VariantsExperiment.notebookAlpha(a), progress));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String[] header = {"activation", "network", "dead L1 (end)", "dead per layer (end)", "test acc", "test loss"};
        List<String[]> rows = new ArrayList<>();
        Table t = new Table(header);
        for (VariantsExperiment.Run r : runs) {
            int[] first = r.deadUnitsFirstLayer();
            String[] row = {r.activation(), Integer.toString(r.network()), Integer.toString(first[first.length - 1]),
                Arrays.toString(r.deadUnitsAtEnd()), String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                String.format(Locale.ROOT, "%.4f", r.testLoss())};
            rows.add(row);
            t.row((Object[]) row);
        }
        t.print(out);
        String description = String.format(Locale.ROOT, "%d networks per activation, %d epochs, lr %s, engine %s, "
                + "%.1f s", x.networks, x.epochs, x.lr, device, seconds);
        out.println(description);
        if (opts.out != null) {
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("seed", x.seed);
            cfg.put("networks", x.networks);
            cfg.put("epochs", x.epochs);
            cfg.put("batch", x.batch);
            cfg.put("lr", x.lr);
            cfg.put("optimizer", "adam");
            cfg.put("hidden", x.hidden);
            cfg.put("probe_rows", VariantsExperiment.PROBE_ROWS);
            cfg.put("train_rows", split.train().rows);
            cfg.put("test_rows", split.test().rows);
            List<Map<String, Object>> json = new ArrayList<>();
            for (VariantsExperiment.Run r : runs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("activation", r.activation());
                m.put("alpha", r.alpha());
                m.put("network", r.network());
                m.put("dead_units_first_layer", r.deadUnitsFirstLayer());
                m.put("dead_units_per_layer_per_epoch", r.deadUnitsPerEpoch());
                m.put("validation_accuracy_per_epoch", r.validationAccuracyPerEpoch());
                m.put("test_accuracy", r.testAccuracy());
                m.put("test_loss", r.testLoss());
                m.put("final_train_loss", r.finalTrainLoss());
                json.add(m);
            }
            out.println("wrote " + Summary.write(opts.out, Summary.of("variants", device, seconds, cfg, json)));
            try {
                new VariantsReport(runs).write(OutputFolder.prepare(opts.out, "--out"), description, header, rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report into " + opts.out, e);
            }
            out.println("wrote " + opts.out.resolve("report.html") + ", epochs.csv and figures");
        }
        out.flush();
        return 0;
    }
}
