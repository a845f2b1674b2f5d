package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.perf.Timing;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.Progress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relulab bench sweep}: the whole lu2019 collapse sweep (initialisation, training, every probe and test pass)
 * at several ensemble sizes, timed end to end inside one JVM after warm-up runs; median of the repeats.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Time the lu2019 collapse sweep end to end (no JVM start) at each ensemble size; Markdown out.",
            "Defaults: warm-up runs for at least 2 runs and " + BenchSweepCommand.WARMUP_SECONDS + " s per size (the JIT",
            "needs about 15 runs of the 1000-network CPU sweep to settle), then 5 timed runs.",
            "Example: relulab bench sweep --engine cpu --networks 1000,10000"})
public final class BenchSweepCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", defaultValue = "lu2019", paramLabel = "NAME",
            description = "Collapse preset: " + CollapseSettings.PRESETS + " (default: ${DEFAULT-VALUE}).")
    String preset;

    /** Seconds of untimed runs before each size's timed runs when --warmup is not given. */
    static final int WARMUP_SECONDS = 5;

    /** Ensemble sizes on a CPU (the CPU engine, an OpenCL CPU device) when --networks is not given. */
    public static final List<Integer> DEFAULT_CPU_NETWORKS = List.of(1000);
    /** Ensemble sizes on a GPU: up to a million networks, which the trainer cuts into chunks that fit. */
    public static final List<Integer> DEFAULT_DEVICE_NETWORKS = List.of(1000, 10_000, 100_000, 1_000_000);

    @Option(names = "--networks", split = ",", paramLabel = "N",
            description = "Ensemble sizes, comma separated (default: 1000,10000,100000,1000000 on a GPU, 1000 on"
                    + " the CPU engine and OpenCL CPU devices).")
    List<Integer> networks;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    BenchRuns runs;

    @Override
    public void run() {
        int warmup = runs.warmup(2), repeats = runs.repeats(5);
        if (networks != null) {
            for (int n : networks) if (n < 1) throw new UsageError("--networks=" + n + " must be at least 1");
        }
        CollapseSettings check;
        try {
            check = CollapseSettings.preset(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--preset: " + e.getMessage());
        }
        StringBuilder md = new StringBuilder();
        try (Engine engine = engineOptions.open()) {
            md.append(String.format(Locale.ROOT, "### %s sweep on %s: %s, %s%n%n", check.preset,
                    engine.kind().cliName(), engine.deviceName(), LocalDate.now(ZoneOffset.UTC)));
            List<Integer> sizes = networks != null ? networks
                    : engine.onGpu() ? DEFAULT_DEVICE_NETWORKS : DEFAULT_CPU_NETWORKS;
            md.append(paths(engine, sizes));
            md.append(runs.warmup == null
                    ? String.format(Locale.ROOT, "Warm-up: at least %d untimed runs and %d s per size; %d timed runs.%n%n",
                        warmup, WARMUP_SECONDS, repeats)
                    : String.format(Locale.ROOT, "Warm-up: %d untimed runs per size; %d timed runs.%n%n", warmup, repeats));
            md.append("| networks | chunks | median s | best s | networks/s | repeats |\n"
                    + "|---:|---:|---:|---:|---:|---:|\n");
            for (int n : sizes) {
                CollapseSettings s = CollapseSettings.preset(preset);
                s.networks = n;
                CollapseExperiment exp = new CollapseExperiment(s);
                int chunk = new EnsembleTrainer(engine).chunkSize(exp.config, exp.data);
                int chunks = (n + chunk - 1) / chunk;
                Timing t = Timing.measureWall(engine, warmup, runs.warmup == null ? WARMUP_SECONDS : 0, repeats,
                        () -> { },
                        () -> exp.run(engine, Progress.silent(1)));
                md.append(String.format(Locale.ROOT, "| %d | %d | %.4f | %.4f | %.0f | %d |%n", n, chunks,
                        t.medianSeconds(),
                        t.minSeconds(), n / t.medianSeconds(), t.repeats()));
                spec.commandLine().getErr().printf("%d networks: median %.4f s%n", n, t.medianSeconds());
            }
        }
        runs.emit(spec, md.toString());
    }

    /** "Training path: ..." for the sizes, one line per size where the lane rule gives sizes different paths. */
    private String paths(Engine engine, List<Integer> sizes) {
        java.util.Map<String, List<Integer>> bySize = new java.util.LinkedHashMap<>();
        for (int n : sizes) {
            CollapseSettings s = CollapseSettings.preset(preset);
            s.networks = n;
            CollapseExperiment exp = new CollapseExperiment(s);
            bySize.computeIfAbsent(new EnsembleTrainer(engine).trainingPath(exp.config, exp.data), k -> new ArrayList<>())
                    .add(n);
        }
        if (bySize.size() == 1) return "Training path: " + bySize.keySet().iterator().next() + ".\n";
        StringBuilder b = new StringBuilder();
        bySize.forEach((path, ns) -> b.append("Training path at ").append(ns.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "))).append(" networks: ").append(path).append(".\n"));
        return b.toString();
    }
}
