package dev.relulab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every benchmark shares: untimed warm-up runs, timed runs (tables show medians) and a file for the
 * Markdown. Each benchmark names its own defaults in its description, since a one-second sweep and a microsecond
 * kernel need different counts.
 */
final class BenchRuns {
    @Option(names = "--warmup", paramLabel = "RUNS", description = "Untimed runs first (default: see above).")
    Integer warmup;

    @Option(names = "--repeats", paramLabel = "RUNS", description = "Timed runs; medians (default: see above).")
    Integer repeats;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown to FILE.")
    Path out;

    /** The warm-up count given, or {@code dflt}; a negative count is a usage error. */
    int warmup(int dflt) {
        int w = warmup != null ? warmup : dflt;
        if (w < 0) throw new UsageError("--warmup=" + w + " must be at least 0");
        return w;
    }

    /** The timed-run count given, or {@code dflt}; fewer than one is a usage error. */
    int repeats(int dflt) {
        int r = repeats != null ? repeats : dflt;
        if (r < 1) throw new UsageError("--repeats=" + r + " must be at least 1");
        return r;
    }

    /** Prints the Markdown to stdout and, with {@code --out}, writes it to that file. */
    void emit(CommandLine.Model.CommandSpec spec, String md) {
        spec.commandLine().getOut().print(md);
        spec.commandLine().getOut().flush();
        if (out == null) return;
        try {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("--out " + out + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
