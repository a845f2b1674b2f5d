package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.report.ChunkCheckpoint;
import dev.relulab.report.CollapseGridReport;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import dev.relulab.train.Plan;
import dev.relulab.train.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The grid path of {@code relulab collapse}: its list options checked, every cell run, the grid's files written. */
final class CollapseGridRun {
    private final CollapseCommand cmd;

    CollapseGridRun(CollapseCommand cmd) {
        this.cmd = cmd;
    }

    /** The grid of the command's list options over {@code base}, checked (usage errors name the options). */
    CollapseGrid grid(CollapseSettings base) {
        if (cmd.depths != null && cmd.depth != null) throw new UsageError("--depth and --depths cannot both be given");
        if (cmd.widths != null && cmd.width != null) throw new UsageError("--width and --widths cannot both be given");
        if (cmd.activations != null && cmd.activation != null) {
            throw new UsageError("--activation and --activations cannot both be given");
        }
        if (cmd.inits != null && cmd.init != null) throw new UsageError("--init and --inits cannot both be given");
        return Usage.of(() -> new CollapseGrid(cmd::settings,
                cmd.activations == null ? List.of(base.activation) : cmd.activations,
                cmd.inits == null ? List.of(base.init) : cmd.inits,
                cmd.widths == null ? List.of(base.width) : cmd.widths,
                cmd.depths == null ? List.of(base.depth) : cmd.depths));
    }

    int call() throws IOException {
        CollapseSettings base = cmd.settings();
        CollapseGrid grid = grid(base);
        List<CollapseExperiment> cells = new ArrayList<>();
        for (CollapseSettings s : grid.cells()) cells.add(new CollapseExperiment(s));
        PrintWriter pw = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (Engine engine = cmd.engineOptions.open()) {
            for (CollapseExperiment x : cells) {
                Usage.run(() -> Plan.check(x.settings.sizeOptions() + " (a grid cell)", engine, x.config, x.data, 0,
                        cmd.output.resume));
            }
            try (OutputFolder folder = cmd.output.open("collapse")) {
                Usage.run(() -> {
                    try {
                        var id = Json.object();
                        id.set("config", dev.relulab.report.CollapseReport.config(base));
                        id.set("grid", Json.MAPPER.valueToTree(List.of(grid.activations.toString(),
                                grid.inits.toString(), grid.widths.toString(), grid.depths.toString())));
                        id.put("engine", engine.kind().cliName());
                        folder.sameRun(id);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    for (CollapseExperiment x : cells) CollapseCommand.prepare(folder, x, engine, "cell");
                });
                List<ChunkCheckpoint> kept = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    int cell = i;
                    kept.add(Usage.of(() -> CollapseCommand.checkpoint(folder, cells.get(cell), "cell-" + cell + "-")));
                }
                List<CollapseGrid.Cell> done;
                long t0 = System.nanoTime();
                try (Progress p = Progress.start("collapse grid", grid.totalSteps(), cmd.progress)) {
                    done = grid.run(engine, p, (i, x) -> kept.get(i));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                int restored = kept.stream().mapToInt(ChunkCheckpoint::restored).sum();
                if (restored > 0) pw.printf("resumed: %d networks kept from the interrupted run%n", restored);
                CollapseGridReport report = new CollapseGridReport(grid, done, base);
                pw.printf(Locale.ROOT, "relulab collapse grid  %d cells x %d networks; engine %s (%s), %.1f s%n%n",
                        done.size(), base.networks, engine.kind().cliName(), engine.deviceName(), seconds);
                Table t = new Table(report.header());
                for (String[] r : report.rows()) t.row((Object[]) r);
                t.print(pw);
                report.write(folder, cmd.output.provenance("collapse-grid", engine.kind().cliName(),
                        engine.deviceName(), base.seed, seconds));
                folder.commit();
                pw.println();
                pw.println("wrote " + folder.path().resolve("report.html") + ", summary.json and grid.csv");
            }
        }
        return 0;
    }
}
