package dev.relulab.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.report.CollapseGridReport;
import dev.relulab.report.CollapseReport;
import dev.relulab.report.CollapseRunReport;
import dev.relulab.report.Json;
import dev.relulab.report.NetworksCsv;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.Provenance;
import dev.relulab.train.EnsembleResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The run folder of a finished sweep, written from the pieces in its work area with the library's own writers: a
 * single run's summary.json, networks.csv and report.html, or a grid's summary.json, grid.csv, figures and
 * report.html, the files {@code relulab collapse} writes. Times are the tasks' training seconds summed per cell, as
 * {@code relulab merge} sums its shards'.
 */
public final class SweepOutput {
    private final SweepPlan plan;
    private final OutputFolder folder;
    private final Set<String> engines = new LinkedHashSet<>(), devices = new LinkedHashSet<>();

    public SweepOutput(SweepPlan plan, OutputFolder folder) {
        this.plan = plan;
        this.folder = folder;
    }

    /** The header's fields that only the finished job knows, given to {@link #write}. */
    public interface Header {
        Provenance provenance(String experiment, String engine, String device, double seconds);
    }

    /** Writes and commits the folder; {@code wallSeconds} is the job's wall time (a grid's summary time). */
    public void write(Header header, double wallSeconds, PrintStream out) throws IOException {
        if (plan.grid() == null) {
            writeRun(header, out);
        } else {
            writeGrid(header, wallSeconds, out);
        }
        if (engines.size() > 1) {
            // as relulab merge --allow-mixed-engines: engines agree within their parity tolerances, not bit for bit
            out.println("note: the tasks ran on " + String.join(" + ", engines) + "; a single run's files equal "
                    + "these only within the engines' parity tolerances (--engine cuda or cpu keeps one engine)");
        }
        folder.commit();
    }

    private void writeRun(Header header, PrintStream out) throws IOException {
        SweepPlan.Cell cell = plan.cells.get(0);
        EnsembleResult r = read(cell);
        CollapseExperiment exp = cell.experiment();
        CollapseSummary summary = CollapseExperiment.summarise(r);
        Provenance p = header.provenance("collapse", String.join(" + ", engines), String.join("; ", devices),
                r.seconds);
        String engine = p.engine() + " (" + p.device() + ")";
        CollapseReport.printTable(out, exp, summary, r, engine);
        out.printf("(%d Spark tasks: the time is the sum of their training times)%n", cell.shards());
        CollapseReport.writeSummary(folder, p, exp, summary, r, cell.shards());
        folder.write("networks.csv", w -> NetworksCsv.write(r, w));
        CollapseRunReport.write(folder, exp, summary, r, engine);
        out.println();
        out.println("wrote " + folder.path().resolve("summary.json") + ", networks.csv and report.html");
    }

    private void writeGrid(Header header, double wallSeconds, PrintStream out) throws IOException {
        List<CollapseGrid.Cell> done = new ArrayList<>();
        for (SweepPlan.Cell cell : plan.cells) {
            EnsembleResult r = read(cell);
            CollapseSettings s = cell.settings();
            done.add(new CollapseGrid.Cell(s.activation, s.init, s.width, s.depth,
                    CollapseExperiment.summarise(r), r.seconds));
        }
        CollapseSettings base = plan.request.base();
        CollapseGridReport report = new CollapseGridReport(plan.grid(), done, base);
        Provenance p = header.provenance("collapse-grid", String.join(" + ", engines), String.join("; ", devices),
                wallSeconds);
        out.printf(Locale.ROOT, "relulab-spark collapse grid  %d cells x %d networks in %d Spark tasks; engine %s "
                + "(%s), %.1f s%n%n", done.size(), base.networks, plan.tasks.size(), p.engine(), p.device(), wallSeconds);
        out.println(String.join(" | ", report.header()));
        for (String[] row : report.rows()) out.println(String.join(" | ", row));
        report.write(folder, p);
        out.println();
        out.println("wrote " + folder.path().resolve("report.html") + ", summary.json and grid.csv");
    }

    /** A cell's networks read back from its tasks' pieces, every network once, with the tasks' seconds summed. */
    private EnsembleResult read(SweepPlan.Cell cell) throws IOException {
        CollapseSettings s = cell.settings();
        EnsembleResult r = new EnsembleResult(0, s.networks, cell.experiment().config.arch.widths());
        r.epochs = cell.experiment().config.epochs;
        boolean[] seen = new boolean[s.networks];
        Set<String> paths = new LinkedHashSet<>();
        double seconds = 0;
        for (SweepTask t : plan.tasks) {
            if (t.cell() != cell.index()) continue;
            Path piece = folder.work().resolve(t.pieceName());
            try (BufferedReader in = Files.newBufferedReader(piece, StandardCharsets.UTF_8)) {
                NetworksCsv.read(in, piece.toString(), t.first(), t.first() + t.count(), r, seen);
            }
            JsonNode meta = Json.MAPPER.readTree(folder.work().resolve(t.metaName()).toFile());
            engines.add(meta.path("engine").asText("?"));
            devices.add(meta.path("device").asText("?"));
            paths.add(meta.path("training_path").asText("?"));
            seconds += meta.path("seconds").asDouble(0);
            r.trainedOpByOp.addAndGet(meta.path("networks_trained_op_by_op").asInt(0));
        }
        for (int e = 0; e < s.networks; e++) {
            if (!seen[e]) throw new IllegalStateException("the Spark tasks of " + describe(cell) + " lack network " + e);
        }
        r.seconds = seconds;
        r.trainingPath = String.join(" + ", paths);
        return r;
    }

    private static String describe(SweepPlan.Cell cell) {
        return cell.prefix().isEmpty() ? "the run" : "cell " + cell.index();
    }
}
