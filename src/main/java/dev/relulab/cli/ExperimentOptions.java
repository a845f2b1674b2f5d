package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.nn.Activation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every experiment shares: engine, ensemble size, seed, training overrides and the output folder. */
final class ExperimentOptions {
    @Mixin
    EngineOptions engineOptions;

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

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for summary.json (created if missing).")
    Path out;

    Engine openEngine() {
        return engineOptions.open();
    }

    void check() {
        if (networks != null && networks < 1) throw new UsageError("--networks=" + networks + " must be at least 1");
        if (epochs != null && epochs < 1) throw new UsageError("--epochs=" + epochs + " must be at least 1");
        if (batch != null && batch < 1) throw new UsageError("--batch=" + batch + " must be at least 1");
        if (lr != null && !(lr > 0 && Float.isFinite(lr))) throw new UsageError("--lr=" + lr + " must be a positive number");
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UsageError("--out " + out + ": cannot create the folder (" + e.getMessage() + ")");
            }
            if (!Files.isWritable(out)) throw new UsageError("--out " + out + ": the folder is not writable");
        }
    }

    static List<Activation> activations(List<String> names) {
        List<Activation> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(Activation.parse(n));
            } catch (IllegalArgumentException e) {
                throw new UsageError("--activations: " + e.getMessage());
            }
        }
        return out;
    }
}
