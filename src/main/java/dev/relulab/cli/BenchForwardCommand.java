package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.perf.ForwardBench;
import dev.relulab.perf.Timing;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relulab bench forward}: the fused dense forward on the MNIST first layer (784 -> 128, batch 256, ReLU) for E
 * networks, its achieved GB/s of compulsory traffic against a device copy of the same bytes in the same run.
 */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = {"Time the fused dense forward (784x128, batch 256) against a copy of the same bytes; Markdown.",
            "Defaults: 3 warm-up runs, 15 timed runs.", "Example: relulab bench forward --engine cuda"})
public final class BenchForwardCommand implements Runnable {
    /** Networks on a GPU: about 1.5 GB of compulsory traffic per call, far above any cache. */
    public static final int DEFAULT_DEVICE_NETWORKS = 1024;
    /** Networks on the CPU engine: about 3 MB per call; the CPU forward is compute-bound long before that. */
    public static final int DEFAULT_CPU_NETWORKS = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--networks", paramLabel = "E",
            description = "Networks per call (default: " + DEFAULT_DEVICE_NETWORKS + " on a GPU, "
                    + DEFAULT_CPU_NETWORKS + " on the CPU engine and OpenCL CPU devices).")
    Integer networks;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    BenchRuns runs;

    @Override
    public void run() {
        int warmup = runs.warmup(3), repeats = runs.repeats(15);
        if (networks != null && networks < 1) throw new UsageError("--networks=" + networks + " must be at least 1");
        StringBuilder md = new StringBuilder();
        try (Engine engine = engineOptions.open()) {
            int E = networks != null ? networks
                    : engine.onGpu() ? DEFAULT_DEVICE_NETWORKS : DEFAULT_CPU_NETWORKS;
            ForwardBench.Result r = ForwardBench.run(engine, E, warmup, repeats);
            Timing f = r.forward(), c = r.copy();
            md.append(String.format(Locale.ROOT, "### dense forward on %s: %s, %s%n%n", engine.kind().cliName(),
                    engine.deviceName(), LocalDate.now(ZoneOffset.UTC)));
            md.append("| networks | layer | batch | MB moved | fwd ms | fwd GB/s | fwd TFLOP/s | copy ms | copy GB/s"
                    + " | fwd GB/s / copy GB/s |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| %d | %dx%d relu | %d | %.1f | %.3f | %.1f | %.3f | %.3f | %.1f"
                            + " | %.3f |%n%n", E, ForwardBench.IN, ForwardBench.OUT, ForwardBench.BATCH,
                    r.bytes() / 1e6, f.medianSeconds() * 1e3, r.forwardGBs(), r.tflops(), c.medianSeconds() * 1e3,
                    r.copyGBs(), r.forwardGBs() / r.copyGBs()));
            md.append(String.format(Locale.ROOT, "- MB moved: compulsory bytes of one forward call (read x, w, b;"
                    + " write z, a); the copy moves the same bytes (reads and writes half each) with Engine.copy."
                    + "%n- %d warm-up and %d timed runs each, medians, timed by %s;"
                    + " network 0's output was checked against the CPU engine first.%n", warmup, repeats,
                    engine.timerName()));
        }
        runs.emit(spec, md.toString());
    }
}
