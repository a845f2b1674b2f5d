package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.Engines;
import dev.relulab.engine.FusedOrder;
import picocli.CommandLine.Option;

/** The options that choose an engine, shared by every command that trains or measures. */
public final class EngineOptions {
    @Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto", converter = Converters.EngineKindConverter.class,
            description = "auto, cpu, cuda or opencl (default: ${DEFAULT-VALUE}: CUDA, then an OpenCL GPU, then the CPU).")
    EngineKind engine;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU engine threads (default: all cores).")
    int threads;

    @Option(names = "--opencl-device", paramLabel = "INDEX|NAME",
            description = "OpenCL device by index or part of its name (see 'relulab devices').")
    String openclDevice;

    /** Opens the chosen engine; an engine that cannot open is a one-line usage error. */
    public Engine open() {
        if (threads < 0) throw new UsageError("--threads=" + threads + " must be 0 (all cores) or more");
        try {
            FusedOrder.checkProperties();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Engines.Options o = new Engines.Options();
        o.cpuThreads = threads;
        o.openclDevice = openclDevice;
        try {
            return Engines.open(engine, o, msg -> System.err.println(msg));
        } catch (EngineUnavailableException e) {
            throw new UsageError("--engine " + engine.cliName() + ": " + e.getMessage());
        }
    }
}
