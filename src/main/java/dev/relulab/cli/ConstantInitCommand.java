package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.experiments.ConstantInitExperiment;
import dev.relulab.nn.Activation;
import dev.relulab.train.Progress;
import java.io.PrintWriter;
import java.util.ArrayList;
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

/** The constant-init preset: symmetric constant hidden weights, ReLU against Swish, dead and distinct units. */
@Command(name = "constant-init", mixinStandardHelpOptions = true,
        description = "10-10-10-1 net with hidden weights +0.5 / -0.5 on random binary data: dead and distinct units "
                + "per layer (EXPERIMENTS.md, constant-init).")
public final class ConstantInitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ExperimentOptions opts;

    @Option(names = "--activations", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", defaultValue = "relu,swish",
            description = "Hidden activations to compare (default: ${DEFAULT-VALUE}).")
    List<String> activations;

    @Override
    public Integer call() {
        opts.check();
        List<Activation> acts = ExperimentOptions.activations(activations);
        ConstantInitExperiment x = new ConstantInitExperiment();
        x.seed = opts.seed;
        if (opts.networks != null) x.networks = opts.networks;
        if (opts.epochs != null) x.epochs = opts.epochs;
        if (opts.batch != null) x.batch = opts.batch;
        if (opts.lr != null) x.lr = opts.lr;
        PrintWriter out = spec.commandLine().getOut();
        List<ConstantInitExperiment.Run> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        String device;
        try (Engine engine = opts.openEngine();
             Progress progress = Progress.start("constant-init", x.totalSteps(acts.size()), false)) {
            device = engine.kind().cliName() + " (" + engine.deviceName() + ")";
            for (Activation a : acts) runs.addAll(x.run(engine, a, progress));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Table t = new Table("activation", "network", "dead L1 %", "dead L2 %", "distinct L1", "distinct L2", "loss");
        for (ConstantInitExperiment.Run r : runs) {
            t.row(r.activation(), r.network(), pct(r.deadFractionPerLayer()[0]), pct(r.deadFractionPerLayer()[1]),
                    r.distinctUnitsPerLayer()[0], r.distinctUnitsPerLayer()[1], String.format(Locale.ROOT, "%.4f",
                            r.finalLoss()));
        }
        t.print(out);
        out.printf(Locale.ROOT, "%d networks per activation, %d epochs, engine %s, %.1f s%n", x.networks, x.epochs,
                device, seconds);
        if (opts.out != null) {
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("seed", x.seed);
            cfg.put("networks", x.networks);
            cfg.put("epochs", x.epochs);
            cfg.put("batch", x.batch);
            cfg.put("lr", x.lr);
            cfg.put("optimizer", "adam");
            cfg.put("widths", new int[] {ConstantInitExperiment.FEATURES, ConstantInitExperiment.WIDTH,
                    ConstantInitExperiment.WIDTH, 1});
            List<Map<String, Object>> json = new ArrayList<>();
            for (ConstantInitExperiment.Run r : runs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("activation", r.activation());
                m.put("network", r.network());
                m.put("dead_fraction_per_layer", r.deadFractionPerLayer());
                m.put("distinct_units_per_layer", r.distinctUnitsPerLayer());
                m.put("final_loss", r.finalLoss());
                json.add(m);
            }
            out.println("wrote " + Summary.write(opts.out, Summary.of("constant-init", device, seconds, cfg, json)));
        }
        out.flush();
        return 0;
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f", 100 * f);
    }
}
