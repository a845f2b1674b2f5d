package dev.relulab.cli;

import dev.relulab.report.OutputFolder;
import dev.relulab.report.Provenance;
import dev.relulab.report.figure.FigureFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** The run-folder options every experiment shares: --out, --overwrite, --resume, the figures' size and PNG scale. */
final class OutputOptions {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder; must not exist or be empty (default: a new runs/COMMAND/UTC-TIME).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out folder whole once the run succeeds.")
    boolean overwrite;

    @Option(names = "--resume", description = "Finish the run that was interrupted in --out, keeping its finished "
            + "work (the options must be the same).")
    boolean resume;

    @Option(names = "--figure-width", paramLabel = "PX", defaultValue = "0",
            description = "Layout width of a one-panel figure in pixels; figures of several panels grow by the same "
                    + "factor (default: each figure's own, 800 for one panel).")
    int figureWidth;

    @Option(names = "--figure-scale", paramLabel = "X", defaultValue = "1",
            description = "PNG pixels per layout pixel: 2 for print or high-density screens (default: "
                    + "${DEFAULT-VALUE}; the SVG is the same figure at any scale).")
    double figureScale;

    /** When the run started, for the summary's header. */
    final Instant started = Instant.now();

    /** Checks the options alone (before any work). */
    void check() {
        if (out != null && out.toString().isBlank()) {
            throw new UsageError("--out is blank (an unset variable?); name a folder, or leave --out out for a new "
                    + "folder under runs/");
        }
        if (overwrite && resume) throw new UsageError("--overwrite and --resume cannot both be given");
        if (resume && out == null) throw new UsageError("--resume needs the --out folder of the interrupted run");
        Usage.run(this::figureFormat);
    }

    /** Locks and opens the run folder (a usage error when it is refused). */
    OutputFolder open(String command) {
        check();
        Path dest = out != null ? out : fresh(command);
        try {
            return OutputFolder.open(dest, "--out", resume ? OutputFolder.Mode.RESUME
                    : overwrite ? OutputFolder.Mode.OVERWRITE : OutputFolder.Mode.NEW).figures(figureFormat());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The figure size and resolution the options ask for. */
    FigureFormat figureFormat() {
        return new FigureFormat(figureWidth, figureScale);
    }

    private Path fresh(String command) {
        Path base = Path.of("runs", command, STAMP.format(started));
        Path p = base;
        for (int k = 2; Files.exists(p); k++) p = Path.of(base + "-" + k);
        return p;
    }

    /** The summary header of this run. */
    Provenance provenance(String experiment, String engine, String device, Long seed, double seconds) {
        return new Provenance(experiment, VersionProvider.version(), VersionProvider.gitCommit(),
                Invocation.commandLine(), engine, device, seed, started, seconds);
    }
}
