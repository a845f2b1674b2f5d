package dev.relulab.cli;

import dev.relulab.report.OutputFolder;
import dev.relulab.report.ShardMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code relulab merge}: the folders of a collapse run's shards joined into the folder one run would have written. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Join the folders of collapse --shard runs into the whole run's folder.",
        description = {
            "Join the output folders of 'relulab collapse --shard K/N' runs (all N of",
            "them, same options, on any machines) into the folder one run of the whole",
            "ensemble writes: summary.json, networks.csv, the figure and report.html.",
            "Shards trained on one engine and training path (as the whole run would be)",
            "give networks.csv byte for byte; merge checks that every shard is there",
            "once, with one configuration, relulab version, engine and training path.",
            "The merged time is the sum of the shards' training times.",
            "",
            "Example:",
            "  relulab collapse --networks 1000000 --shard 1/2 --out runs/s1  # machine 1",
            "  relulab collapse --networks 1000000 --shard 2/2 --out runs/s2  # machine 2",
            "  relulab merge runs/s1 runs/s2 --out runs/all",
            ""})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "Output folders of the shards, any order.")
    List<Path> shards;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @Option(names = "--allow-mixed-engines", description = "Merge shards trained on different engines or training "
            + "paths (fused, op by op); their networks agree within the parity tolerances, not bit for bit.")
    boolean allowMixed;

    @Override
    public Integer call() throws IOException {
        output.check();
        if (output.out == null) throw new UsageError("--out is required: the folder of the merged run");
        Path out = output.out;
        for (Path dir : shards) {
            if (dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())
                    || Files.exists(dir) && Files.exists(out) && Files.isSameFile(dir, out)) {
                throw new UsageError("--out " + out + " is one of the shard folders; merge into a new folder");
            }
        }
        ShardMerge m = Usage.of(() -> {
            try {
                return ShardMerge.read(shards, allowMixed);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (OutputFolder folder = output.open("merge")) {
            CollapseCommand.writeRun(folder, output.provenance("collapse", m.engine, m.device,
                    m.experiment.settings.seed, m.result.seconds), m.experiment, m.result, m.shards);
        }
        return 0;
    }
}
