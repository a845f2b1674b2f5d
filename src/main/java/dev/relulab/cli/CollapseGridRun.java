package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.report.CollapseGridReport;
import dev.relulab.report.OutputFolder;
import dev.relulab.train.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The grid path of {@code relulab collapse}: its list options checked, every cell run, the grid's files written. */
final class CollapseGridRun {
    private final CollapseCommand cmd;

    CollapseGridRun(CollapseCommand cmd) {
        this.cmd = cmd;
    }

    int call() throws IOException {
        if (cmd.depths != null && cmd.depth != null) throw new UsageError("--depth and --depths cannot both be given");
        if (cmd.widths != null && cmd.width != null) throw new UsageError("--width and --widths cannot both be given");
        if (cmd.activations != null && cmd.activation != null) {
            throw new UsageError("--activation and --activations cannot both be given");
        }
        if (cmd.inits != null && cmd.init != null) throw new UsageError("--init and --inits cannot both be given");
        CollapseSettings base = cmd.settings();
        List<Integer> depths = cmd.depths == null ? List.of(base.depth) : checked("--depths", cmd.depths, 1, 1000);
        List<Integer> widths = cmd.widths == null ? List.of(base.width)
                : checked("--widths", cmd.widths, 1, Architecture.MAX_WIDTH);
        List<Initializer> inits = cmd.inits == null ? List.of(base.init) : cmd.inits;
        CollapseGrid grid = new CollapseGrid(cmd::settings,
                cmd.activations == null ? List.of(base.activation) : cmd.activations, inits, widths, depths);
        OutputFolder folder = OutputFolder.prepare(cmd.out, "--out");
        PrintWriter pw = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (Engine engine = cmd.engineOptions.open()) {
            List<CollapseGrid.Cell> cells;
            long t0 = System.nanoTime();
            try (Progress p = Progress.start("collapse grid", grid.totalSteps(), cmd.progress)) {
                cells = grid.run(engine, p);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            CollapseGridReport report = new CollapseGridReport(grid, cells, base);
            pw.printf(Locale.ROOT, "relulab collapse grid  %d cells x %d networks; engine %s (%s), %.1f s%n%n",
                    cells.size(), base.networks, engine.kind().cliName(), engine.deviceName(), seconds);
            Table t = new Table(report.header());
            for (String[] r : report.rows()) t.row((Object[]) r);
            t.print(pw);
            report.write(folder, report.summary(engine.kind().cliName(), engine.deviceName(), seconds,
                    VersionProvider.version()));
            pw.println();
            pw.println("wrote " + folder.path().resolve("report.html") + ", summary.json and grid.csv");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }

    private static List<Integer> checked(String option, List<Integer> values, int lo, int hi) {
        for (int v : values) {
            if (v < lo || v > hi) throw new UsageError(option + ": " + v + " must be between " + lo + " and " + hi);
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new UsageError(option + " " + values + " lists a value twice");
        }
        return values;
    }
}
