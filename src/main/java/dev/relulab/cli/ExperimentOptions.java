package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every stored-data experiment shares: engine, ensemble size, seed, training overrides, the run folder. */
final class ExperimentOptions {
    @Mixin
    EngineOptions engineOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--networks", paramLabel = "N", description = "Networks per activation (default: the preset's).")
    Integer networks;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of data, weights and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the preset's).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (default: the preset's).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate (default: the preset's).")
    Float lr;

    Engine openEngine() {
        return engineOptions.open();
    }

    /** The activations named, parsed (the settings check that none repeats). */
    static List<Activation> activations(List<String> names) {
        List<Activation> out = new ArrayList<>();
        for (String n : names) out.add(Usage.of(() -> Activation.parse(n.trim())));
        return out;
    }
}
