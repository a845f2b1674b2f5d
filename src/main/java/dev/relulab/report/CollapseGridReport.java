package dev.relulab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.CollapseGrid.Cell;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.Proportion;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outputs of a collapse grid: one row per cell with born-dead and collapse fractions and their 95% Wilson
 * intervals (summary.json, grid.csv, the terminal table), one figure of collapse probability against depth per
 * (activation, initialiser) with a line and a band per width, and report.html.
 */
public final class CollapseGridReport {
    private final CollapseGrid grid;
    private final List<Cell> cells;
    private final CollapseSettings base;

    public CollapseGridReport(CollapseGrid grid, List<Cell> cells, CollapseSettings base) {
        this.grid = grid;
        this.cells = List.copyOf(cells);
        this.base = base;
    }

    public String[] header() {
        return new String[] {"activation", "init", "width", "depth", "networks", "born dead", "structural",
            "functional", "exact [95% CI]", "diverged"};
    }

    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (Cell c : cells) {
            rows.add(new String[] {c.activation().cliName(), c.init().toString(), Integer.toString(c.width()),
                Integer.toString(c.depth()), Integer.toString(c.summary().networks), f(c.summary().bornDead),
                f(c.summary().structural), f(c.summary().functional), ci(c.summary().exact), f(c.summary().diverged)});
        }
        return rows;
    }

    private static String f(Proportion p) {
        return String.format(Locale.ROOT, "%.3f", p.fraction);
    }

    private static String ci(Proportion p) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.fraction, p.low, p.high);
    }

    /** The grid's keys of summary.json (after the provenance header). */
    public ObjectNode summary() {
        ObjectNode root = Json.object();
        root.set("config", CollapseReport.config(base));
        root.set("depths", Json.MAPPER.valueToTree(grid.depths));
        root.set("widths", Json.MAPPER.valueToTree(grid.widths));
        ArrayNode acts = root.putArray("activations");
        for (Activation a : grid.activations) acts.add(a.cliName());
        ArrayNode inits = root.putArray("inits");
        for (Initializer i : grid.inits) inits.add(i.toString());
        long diverged = 0, networks = 0;
        for (Cell c : cells) {
            diverged += c.summary().diverged.count;
            networks += c.summary().networks;
        }
        root.put("diverged_fraction", networks == 0 ? Double.NaN : diverged / (double) networks);
        ArrayNode cs = root.putArray("cells");
        for (Cell c : cells) {
            ObjectNode o = cs.addObject();
            o.put("activation", c.activation().cliName());
            o.put("init", c.init().toString());
            o.put("width", c.width());
            o.put("depth", c.depth());
            o.put("networks", c.summary().networks);
            o.put("seconds", c.seconds());
            proportion(o, "born_dead", c.summary().bornDead);
            proportion(o, "collapse_structural", c.summary().structural);
            proportion(o, "collapse_functional", c.summary().functional);
            proportion(o, "collapse_exact", c.summary().exact);
            proportion(o, "diverged", c.summary().diverged);
            o.set("dead_units_per_layer", Json.array(c.summary().deadEnd));
        }
        return root;
    }

    private static void proportion(ObjectNode o, String key, Proportion p) {
        ObjectNode n = o.putObject(key);
        n.put("fraction", p.fraction);
        n.put("count", p.count);
        n.set("ci95", Json.array(new double[] {p.low, p.high}));
    }

    public String csv() throws IOException {
        List<String> head = new ArrayList<>(List.of("activation", "init", "width", "depth", "networks"));
        for (String k : new String[] {"born_dead", "structural", "functional", "exact", "diverged"}) {
            head.addAll(List.of(k, k + "_low", k + "_high"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Cell c : cells) {
            List<Object> row = new ArrayList<>(List.of(c.activation().cliName(), c.init().toString(), c.width(),
                    c.depth(), c.summary().networks));
            for (Proportion p : new Proportion[] {c.summary().bornDead, c.summary().structural,
                c.summary().functional, c.summary().exact, c.summary().diverged}) {
                row.addAll(List.of(p.fraction, p.low, p.high));
            }
            rows.add(row);
        }
        return Csv.of(head, rows);
    }

    /** Exact collapse against depth for one activation and initialiser: a line and its Wilson band per width. */
    public Figure chart(Activation a, Initializer init) {
        double[] depths = grid.depths.stream().mapToDouble(Integer::doubleValue).toArray();
        Plot p = new Plot("Collapse probability: " + a.cliName() + ", " + init,
                Axis.linear("depth (hidden layers)").integer().ticks(depths),
                Axis.linear("collapsed (exact test), fraction of networks").range(0, 1));
        int k = 0;
        for (int w : grid.widths) {
            List<Cell> line = new ArrayList<>();
            for (Cell cell : cells) {
                if (cell.activation() == a && cell.init().equals(init) && cell.width() == w) line.add(cell);
            }
            int n = line.size();
            double[] x = new double[n], y = new double[n], lo = new double[n], hi = new double[n];
            for (int i = 0; i < n; i++) {
                Proportion pr = line.get(i).summary().exact;
                x[i] = line.get(i).depth();
                y[i] = pr.fraction;
                lo[i] = pr.low;
                hi[i] = pr.high;
            }
            p.band("width " + w + " 95% CI", k, x, lo, hi).unlisted();
            p.line("width " + w, k, x, y).markers();
            k++;
        }
        return Figure.of(p).note(base.networks + " networks per cell; bands: 95% Wilson intervals.");
    }

    /**
     * Structural collapse over training for one activation and initialiser: one panel per depth on one scale, in
     * each a step line and its Wilson band per width.
     */
    public Figure collapsedByEpoch(Activation a, Initializer init) {
        Figure f = new Figure("Structural collapse over training: " + a.cliName() + ", " + init);
        for (int d : grid.depths) {
            Plot p = new Plot("depth " + d, Curves.epochAxis(base.epochs),
                    Axis.linear("collapsed by then, fraction").range(0, 1));
            int k = 0;
            for (int w : grid.widths) {
                for (Cell cell : cells) {
                    if (cell.activation() == a && cell.init().equals(init) && cell.width() == w && cell.depth() == d) {
                        Curves.cumulativeFraction(p, "width " + w, k, cell.summary().collapsedBy);
                    }
                }
                k++;
            }
            f.add(p);
        }
        return f.grid(Math.min(3, grid.depths.size()), Figure.WIDTH, 300).sharedY().note(base.networks
                + " networks per cell; a network collapses at the first probe that finds a hidden layer entirely "
                + "dead; dots: the probes; bands: 95% Wilson intervals.");
    }

    /** The figure's file stem for one activation and initialiser. */
    static String stem(Activation a, Initializer init) {
        return ("collapse-vs-depth-" + a.cliName() + "-" + init).replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("-+$", "");
    }

    public HtmlReport write(OutputFolder folder, Provenance p) throws IOException {
        ObjectNode summary = SummaryJson.build(p, summary());
        folder.write("summary.json", w -> Json.MAPPER.writeValue(w, summary));
        folder.write("grid.csv", w -> w.write(csv()));
        HtmlReport html = new HtmlReport("relulab collapse grid");
        html.paragraph(String.format(Locale.ROOT, "%d cells, %d networks each; base: %s preset, target %s, %s lr %s, "
                        + "%d epochs, batch %d, seed %d; engine %s, %.1f s. Fractions with 95%% Wilson intervals.",
                cells.size(), base.networks, base.preset, base.target.cliName,
                base.optimizer.name().toLowerCase(Locale.ROOT), base.lr, base.epochs, base.batch, base.seed,
                summary.get("engine").asText(), summary.get("seconds").asDouble()));
        for (Activation a : grid.activations) {
            for (Initializer i : grid.inits) {
                html.figure(Figures.write(folder, stem(a, i), chart(a, i)), "Exact collapse against depth, "
                        + a.cliName() + ", " + i + " (bands: 95% Wilson intervals)");
                html.figure(Figures.write(folder, stem(a, i).replace("collapse-vs-depth", "collapse-by-epoch"),
                        collapsedByEpoch(a, i)), "Structural collapse over training per width and depth, "
                        + a.cliName() + ", " + i);
            }
        }
        html.table(header(), rows());
        html.link("summary.json", "summary.json").link("grid.csv", "grid.csv (one row per cell)");
        html.write(folder);
        return html;
    }
}
