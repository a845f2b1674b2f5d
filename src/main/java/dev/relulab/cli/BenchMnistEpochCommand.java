package dev.relulab.cli;

import dev.relulab.engine.DenseLaunches;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.GemmMode;
import dev.relulab.perf.EpochBench;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relulab bench mnist-epoch}: one Adam epoch of the 784-128-64-32-10 network on synthetic MNIST-shaped data. */
@Command(name = "mnist-epoch", mixinStandardHelpOptions = true,
        description = {"Time one training epoch of 784-128-64-32-10 relu, softmax/cce, Adam, batch 256, over 48000"
                + " synthetic samples; Markdown.", "On CUDA with cuBLAS loaded, one row with relulab's kernels and one"
                + " with cuBLAS for the dense products.", "Defaults: 1 warm-up run, 5 timed runs of each kind.",
            "Example: relulab bench mnist-epoch --engine cuda --networks 8"})
public final class BenchMnistEpochCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--networks", defaultValue = "1", paramLabel = "E",
            description = "Networks trained at once (default: ${DEFAULT-VALUE}).")
    int networks;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    BenchRuns runs;

    @Override
    public void run() {
        int warmup = runs.warmup(1), repeats = runs.repeats(5);
        if (networks < 1) throw new UsageError("--networks=" + networks + " must be at least 1");
        StringBuilder md = new StringBuilder();
        try (Engine engine = engineOptions.open()) {
            md.append(String.format(Locale.ROOT, "### MNIST-shaped epoch on %s: %s, %s%n%n", engine.kind().cliName(),
                    engine.deviceName(), LocalDate.now(ZoneOffset.UTC)));
            md.append("| networks | products | epoch s | samples/s (all networks) | run with epoch s | run without s |\n"
                    + "|---:|---|---:|---:|---:|---:|\n");
            DenseLaunches dense = engine instanceof DeviceEngine ? ((DeviceEngine) engine).plan().dense() : null;
            List<GemmMode> paths = dense != null && dense.gemm() != null
                    ? List.of(GemmMode.KERNELS, GemmMode.CUBLAS) : List.of(GemmMode.KERNELS);
            for (GemmMode path : paths) {
                if (dense != null) dense.gemmMode(path);
                EpochBench.Result r = EpochBench.run(engine, networks, warmup, repeats);
                String products = path == GemmMode.CUBLAS ? dense.gemm().name()
                        : engine instanceof DeviceEngine ? "relulab kernels" : "CPU loops";
                md.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.0f | %.3f | %.3f |%n", networks, products,
                        r.epochSeconds(), r.samplesPerSecond(), r.withEpoch().medianSeconds(),
                        r.withoutEpoch().medianSeconds()));
            }
            md.append('\n');
            if (engine.kind() == dev.relulab.engine.EngineKind.CUDA && paths.size() == 1) {
                md.append("- cuBLAS path not measured: GEMM " + dev.relulab.engine.cuda.CudaEngine.gemmNote(engine)
                        + "\n");
            }
            md.append(String.format(Locale.ROOT, "- 784-128-64-32-10 relu, softmax + cross-entropy, Adam lr 1e-3,"
                    + " batch 256, %d synthetic samples (uniform pixels, uniform labels) stored once on the engine."
                    + "%n- epoch s = median of a 1-epoch run minus median of a 0-epoch run (both: upload, init,"
                    + " probe of %d rows, test of %d rows); %d warm-up and %d timed runs each,"
                    + " Engine.synchronize() around every run.%n", EpochBench.SAMPLES, EpochBench.PROBE,
                    EpochBench.TEST, warmup, repeats));
        }
        runs.emit(spec, md.toString());
    }
}
