package dev.relulab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.experiments.CollapseGrid;
import dev.relulab.experiments.ConstantInitExperiment;
import dev.relulab.experiments.MnistLrExperiment;
import dev.relulab.experiments.Quantiles;
import dev.relulab.experiments.VanishingExperiment;
import dev.relulab.experiments.VariantsExperiment;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import dev.relulab.report.figure.Scale;
import dev.relulab.report.figure.Series;
import dev.relulab.report.figure.Tick;
import dev.relulab.train.EnsembleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One test per figure type of the reports, on the figure objects: the axes' labels and units, category names, tick
 * values, series names, shared scales and one legend, and that every seed-based line has a band or an interval.
 */
class ReportFiguresTest {
    private final Random rnd = new Random(7);

    static List<String> names(Plot p) {
        return p.series().stream().map(s -> s.name).toList();
    }

    static List<String> labels(Scale s) {
        return s.ticks().stream().map(Tick::label).toList();
    }

    static long kinds(Plot p, Series.Kind k) {
        return p.series().stream().filter(s -> s.kind == k).count();
    }

    private List<VariantsExperiment.Run> variantsRuns(List<String> acts, int networks, int epochs) {
        List<VariantsExperiment.Run> runs = new ArrayList<>();
        for (String a : acts) {
            for (int n = 0; n < networks; n++) {
                int[][] dead = new int[epochs][2];
                double[] acc = new double[epochs];
                for (int e = 0; e < epochs; e++) {
                    dead[e] = new int[] {rnd.nextInt(3), rnd.nextInt(2)};
                    acc[e] = 0.7 + 0.2 * e / epochs + 0.01 * rnd.nextGaussian();
                }
                runs.add(new VariantsExperiment.Run(a, 0f, n, dead, acc, 0.85 + 0.02 * rnd.nextGaussian(), 0.4, 0.3f,
                        false));
            }
        }
        return runs;
    }

    @Test
    void variantsTestAccuracyNamesTheActivationsOnItsAxisAndShowsMeansWithIntervals() {
        List<String> acts = List.of("relu", "leaky_relu", "selu");
        Figure f = new VariantsReport(variantsRuns(acts, 4, 5), new int[] {64, 32}).accuracy();
        Plot p = f.panels().get(0);
        assertEquals(acts, p.x.categories(), "the x axis reads the activations, not 'variant 1..3'");
        assertEquals(acts, labels(f.xScale(0, 6)));
        assertEquals(3, kinds(p, Series.Kind.INTERVALS), "a mean and interval per activation");
        assertEquals(3, kinds(p, Series.Kind.POINTS));
        assertTrue(p.y.label().contains("fraction"), p.y.label());
        for (Series s : p.series()) {
            if (s.kind == Series.Kind.INTERVALS) assertTrue(s.lo()[0] < s.y()[0] && s.y()[0] < s.hi()[0], s.name);
        }
    }

    @Test
    void variantsTestAccuracyWithOneNetworkPerVariantSaysThereIsNoInterval() {
        Figure one = new VariantsReport(variantsRuns(List.of("relu", "elu"), 1, 5), new int[] {64, 32}).accuracy();
        assertTrue(one.note().startsWith("One network per variant (no interval"), one.note());
        Figure four = new VariantsReport(variantsRuns(List.of("relu", "elu"), 4, 5), new int[] {64, 32}).accuracy();
        assertTrue(four.note().contains("each variant's 4 networks"), four.note());
    }

    @Test
    void variantsDeadPerEpochHasAPanelPerLayerOnOneScaleWithBands() {
        Figure f = new VariantsReport(variantsRuns(List.of("relu", "elu"), 3, 12), new int[] {64, 32})
                .deadPerEpoch(new int[] {64, 32});
        assertEquals(2, f.panels().size());
        assertTrue(f.isSharedY());
        assertEquals(f.yScale(0, 6), f.yScale(1, 6));
        assertEquals(0, f.yScale(0, 6).min(), "fractions start at 0");
        assertEquals("hidden layer 2 (32 units)", f.panels().get(1).title);
        Scale x = f.xScale(0, 6);
        assertEquals(1, x.tickValues()[0]);
        assertEquals(12, x.tickValues()[x.tickValues().length - 1]);
        assertEquals(List.of("relu", "elu"), f.legend().stream().map(s -> s.name).toList(), "one legend");
        Plot p = f.panels().get(0);
        assertEquals(2, kinds(p, Series.Kind.BAND));
        for (Series s : p.series()) if (s.kind == Series.Kind.BAND) for (double v : s.lo()) assertTrue(v >= 0, s.name);
        assertTrue(p.y.label().contains("fraction"));
        assertFalse(f.note().contains("every line lies on 0"), f.note());
    }

    @Test
    void variantsDeadPerEpochSaysSoWhenNoUnitDied() {
        List<VariantsExperiment.Run> runs = new ArrayList<>();
        for (String a : List.of("relu", "elu")) {
            runs.add(new VariantsExperiment.Run(a, 0f, 0, new int[3][2], new double[] {0.5, 0.6, 0.7}, 0.8, 0.4, 0.3f,
                    false));
        }
        Figure f = new VariantsReport(runs, new int[] {64, 32}).deadPerEpoch(new int[] {64, 32});
        assertTrue(f.note().endsWith("every line lies on 0."), f.note());
    }

    @Test
    void variantsValidationAccuracyHasALineAndBandPerVariant() {
        Plot p = new VariantsReport(variantsRuns(List.of("relu", "gelu"), 3, 6), new int[] {64, 32})
                .validationAccuracyPerEpoch().panels().get(0);
        assertEquals(List.of("relu 95% CI", "relu", "gelu 95% CI", "gelu"), names(p));
        assertTrue(p.y.label().contains("fraction"));
    }

    @Test
    void activationsAreSmallMultiplesWithNoVerticalLineAtTheDerivativeStep() {
        List<ActivationPlots.Curve> curves = List.of(new ActivationPlots.Curve(Activation.RELU, 0f),
                new ActivationPlots.Curve(Activation.SELU, 0f), new ActivationPlots.Curve(Activation.GELU, 0f));
        Figure f = new ActivationPlots(curves, -3, 3, 601).figure();
        assertEquals(3, f.panels().size());
        assertTrue(f.isSharedY());
        assertEquals(List.of("phi(z)", "phi'(z)"), f.legend().stream().map(s -> s.name).toList());
        assertEquals(List.of("relu", "selu", "gelu"), f.panels().stream().map(p -> p.title).toList());
        List<String> x = labels(f.xScale(0, 6));
        assertTrue(x.contains("0") && x.get(0).equals("-3") && x.get(x.size() - 1).equals("3"), x.toString());
        for (int k = 0; k < 2; k++) {
            double[] d = f.panels().get(k).series("phi'(z)").y();
            assertTrue(java.util.Arrays.stream(d).anyMatch(Double::isNaN), curves.get(k).label() + " breaks at 0");
        }
        assertTrue(java.util.Arrays.stream(f.panels().get(2).series("phi'(z)").y()).noneMatch(Double::isNaN),
                "gelu's derivative is continuous");
    }

    private VanishingReport vanishing() {
        VanishingExperiment exp = new VanishingExperiment();
        exp.epochs = 3;
        List<VanishingExperiment.Run> runs = new ArrayList<>();
        Quantiles q = new Quantiles(0, 0, 0, 0, 0, 0);
        Quantiles[] qs = {q, q, q};
        for (VanishingExperiment.Setup s : List.of(new VanishingExperiment.Setup(Activation.TANH,
                Initializer.normal(0, 0.01)), new VanishingExperiment.Setup(Activation.RELU,
                Initializer.of(Initializer.Kind.HE_UNIFORM)))) {
            for (int n = 0; n < 3; n++) {
                double scale = s.activation() == Activation.TANH ? 1e-6 : 1;
                double[] init = {scale, 2 * scale, 3 * scale};
                double[][] per = {init, init, init};
                runs.add(new VanishingExperiment.Run(s, n, init, per, qs, qs, 0.6, 0.5f, false));
            }
        }
        return new VanishingReport(exp, runs);
    }

    @Test
    void vanishingPanelsShareOneLogScaleAndOneLegend() {
        Figure f = vanishing().overEpochs();
        assertTrue(f.isSharedY());
        assertEquals(2, f.panels().size());
        Scale a = f.yScale(0, 6), b = f.yScale(1, 6);
        assertEquals(a, b);
        assertTrue(a.log() && a.min() <= 1e-6 && a.max() >= 3);
        assertEquals(List.of("layer 1", "layer 2", "output"), f.legend().stream().map(s -> s.name).toList());
        assertTrue(labels(a).stream().noneMatch(l -> l.contains("E")), "no 1E-4 labels: " + labels(a));
        assertEquals(3, kinds(f.panels().get(0), Series.Kind.BAND), "a band per layer");
    }

    @Test
    void vanishingInitNormsNameTheLayers() {
        Plot p = vanishing().initNorms().panels().get(0);
        assertEquals(List.of("layer 1", "layer 2", "output"), p.x.categories());
        assertTrue(p.y.isLog() && p.y.label().contains("||dW||"));
        assertEquals(2, kinds(p, Series.Kind.BAND));
    }

    @Test
    void collapseDeadPerLayerIsAFractionOfTheLayersUnitsWithIntervals() {
        EnsembleResult r = new EnsembleResult(0, 50, new int[] {1, 2, 2, 2, 1});
        for (int n = 0; n < 50; n++) {
            r.deadStart[n] = new int[] {0, rnd.nextInt(3), 2};
            r.deadEnd[n] = new int[] {0, rnd.nextInt(3), 2};
        }
        Plot p = CollapseRunReport.deadPerLayer(r).panels().get(0);
        assertEquals("dead fraction of the layer's 2 units", p.y.label());
        Figure f = Figure.of(p);
        assertEquals(0, f.yScale(0, 6).min());
        assertEquals(1, f.yScale(0, 6).max());
        assertArrayEquals(new double[] {1, 2, 3}, f.xScale(0, 6).tickValues());
        assertEquals(List.of("at initialisation", "after training"),
                p.series().stream().filter(Series::inLegend).map(s -> s.name).toList());
        assertEquals(2, kinds(p, Series.Kind.INTERVALS));
        assertEquals(1.0, p.series("after training").y()[2], 1e-12, "layer 3 entirely dead in every network");
        double[] a = p.series("at initialisation").x(), b = p.series("after training").x();
        assertTrue(a[0] < b[0], "the two series are drawn apart");
    }

    @Test
    void collapseGridHasATickAtEveryDepthAndABandPerWidth() {
        CollapseGrid grid = new CollapseGrid(dev.relulab.experiments.CollapseSettings::new, List.of(Activation.RELU),
                List.of(Initializer.of(Initializer.Kind.GLOROT_UNIFORM)), List.of(2, 3), List.of(2, 5, 9));
        List<CollapseGrid.Cell> cells = new ArrayList<>();
        for (int w : grid.widths) {
            for (int d : grid.depths) {
                EnsembleResult r = new EnsembleResult(0, 40, new int[] {1, w, 1});
                for (int n = 0; n < 40; n++) r.exact[n] = rnd.nextDouble() < 0.1 * d / w;
                cells.add(new CollapseGrid.Cell(Activation.RELU, grid.inits.get(0), w, d, new CollapseSummary(r), 0.1));
            }
        }
        Plot p = new CollapseGridReport(grid, cells, new dev.relulab.experiments.CollapseSettings())
                .chart(Activation.RELU, grid.inits.get(0)).panels().get(0);
        assertArrayEquals(new double[] {2, 5, 9}, Figure.of(p).xScale(0, 6).tickValues());
        assertEquals(List.of("width 2 95% CI", "width 2", "width 3 95% CI", "width 3"), names(p));
        assertTrue(p.y.label().contains("fraction"));
    }

    @Test
    void collapseByEpochStepsUpToTheCollapsedFractionWithItsBand() {
        EnsembleResult r = new EnsembleResult(0, 40, new int[] {1, 2, 2, 1});
        r.epochs = 3;
        for (int n = 0; n < 40; n++) r.deathEpoch[n] = new int[] {-1, n < 10 ? 0 : n < 25 ? 2 : -1};
        CollapseSummary s = new CollapseSummary(r);
        Figure f = CollapseRunReport.collapsedByEpoch(s, 3, true);
        Plot p = f.panels().get(0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, f.xScale(0, 6).tickValues(), "a tick per epoch, 0 included");
        assertEquals(0, f.yScale(0, 6).min());
        assertEquals(1, f.yScale(0, 6).max());
        assertTrue(p.y.label().contains("fraction of the 40 networks"), p.y.label());
        assertArrayEquals(new double[] {0.25, 0.25, 0.625, 0.625}, p.series("collapsed").y(), 1e-12);
        assertTrue(p.series("collapsed").hasMarkers(), "a dot per probe: the last level, at the axis's end, shows only so");
        assertEquals(1, kinds(p, Series.Kind.BAND));
        assertEquals(List.of("collapsed"), f.legend().stream().map(x -> x.name).toList());
    }

    @Test
    void collapseGridByEpochHasAPanelPerDepthAndAStepPerWidth() {
        CollapseGrid grid = new CollapseGrid(dev.relulab.experiments.CollapseSettings::new, List.of(Activation.RELU),
                List.of(Initializer.of(Initializer.Kind.GLOROT_UNIFORM)), List.of(2, 3), List.of(2, 5));
        List<CollapseGrid.Cell> cells = new ArrayList<>();
        for (int w : grid.widths) {
            for (int d : grid.depths) {
                EnsembleResult r = new EnsembleResult(0, 30, new int[] {1, w, 1});
                r.epochs = 2;
                for (int n = 0; n < 30; n++) r.deathEpoch[n] = new int[] {rnd.nextInt(4) - 1};
                cells.add(new CollapseGrid.Cell(Activation.RELU, grid.inits.get(0), w, d, new CollapseSummary(r), 0.1));
            }
        }
        dev.relulab.experiments.CollapseSettings base = new dev.relulab.experiments.CollapseSettings();
        base.epochs = 2;
        Figure f = new CollapseGridReport(grid, cells, base).collapsedByEpoch(Activation.RELU, grid.inits.get(0));
        assertEquals(List.of("depth 2", "depth 5"), f.panels().stream().map(x -> x.title).toList());
        assertTrue(f.isSharedY());
        assertEquals(List.of("width 2", "width 3"), f.legend().stream().map(x -> x.name).toList());
        for (Plot p : f.panels()) {
            assertEquals(2, kinds(p, Series.Kind.BAND), "a band per width");
            assertTrue(p.series("width 2").hasMarkers() && p.series("width 3").hasMarkers(), "a dot per probe");
        }
    }

    private MnistLrReport mnist() {
        MnistLrExperiment exp = new MnistLrExperiment();
        exp.seeds = 2;
        exp.epochs = 2;
        List<MnistLrExperiment.Run> runs = new ArrayList<>();
        int n = 0;
        for (float lr : exp.rates) {
            for (int s = 0; s < 2; s++) {
                double[] end = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
                runs.add(new MnistLrExperiment.Run(lr, s, n++, end, new double[][] {{0, 0, 0}, end, end},
                        new double[] {0.5, 0.6}, 0.6, 1.0, 0.9f, false));
            }
        }
        return new MnistLrReport(exp, runs);
    }

    @Test
    void mnistAgainstTheRateTicksEveryRateAsTyped() {
        for (Figure f : List.of(mnist().deadAgainstRate(), mnist().accuracyAgainstRate())) {
            Plot p = f.panels().get(0);
            assertTrue(p.x.isLog());
            assertEquals(List.of("0.5", "0.1", "0.01", "0.001"), labels(f.xScale(0, 6)), "a tick at 0.5 too");
            assertTrue(kinds(p, Series.Kind.BAND) >= 1, "the seeds' range");
            assertEquals(0, f.yScale(0, 6).min());
            assertEquals(100, f.yScale(0, 6).max());
        }
        assertEquals(List.of("layer 1 (128 units)", "layer 2 (64 units)", "layer 3 (32 units)"),
                mnist().deadAgainstRate().legend().stream().map(s -> s.name).toList());
    }

    @Test
    void mnistLayersDeadByEpochCountSeedsPerRateAndLayer() {
        MnistLrReport report = mnist();
        Figure f = report.layersDeadByEpoch();
        assertEquals(3, f.panels().size());
        assertTrue(f.isSharedY());
        assertArrayEquals(new double[] {0, 1, 2}, f.xScale(0, 6).tickValues(), "epoch 0 is initialisation");
        assertEquals(List.of("lr 0.5", "lr 0.1", "lr 0.01", "lr 0.001"), f.legend().stream().map(x -> x.name).toList());
        assertEquals(4, kinds(f.panels().get(0), Series.Kind.INTERVALS), "an interval per rate");
        MnistLrExperiment.Run dead = new MnistLrExperiment.Run(0.5f, 0, 0, new double[] {1, 1, 0},
                new double[][] {{0, 0, 0}, {1, 0.5, 0}, {1, 1, 0}}, new double[] {0.1, 0.1}, 0.1, 2, 2f, false);
        assertEquals(1.0, MnistLrReport.deathEpoch(dead, 0));
        assertEquals(2.0, MnistLrReport.deathEpoch(dead, 1));
        assertEquals(Double.POSITIVE_INFINITY, MnistLrReport.deathEpoch(dead, 2));
    }

    @Test
    void mnistPerEpochFiguresShareAScaleAndBandTheSeeds() {
        Figure dead = mnist().deadPerEpoch();
        assertEquals(3, dead.panels().size());
        assertTrue(dead.isSharedY());
        assertArrayEquals(new double[] {0, 1, 2}, dead.xScale(0, 6).tickValues(), "epoch 0 is initialisation");
        assertEquals(4, kinds(dead.panels().get(0), Series.Kind.BAND), "a band per rate");
        Figure acc = mnist().accuracyPerEpoch();
        assertArrayEquals(new double[] {1, 2}, acc.xScale(0, 6).tickValues());
        assertEquals(List.of("lr 0.5", "lr 0.1", "lr 0.01", "lr 0.001"),
                acc.legend().stream().map(s -> s.name).toList());
    }

    @Test
    void aCumulativeFractionIsAStepLineWithAWilsonBand() throws Exception {
        // the figure item 2 (death times) will add: 0 = born dead, infinity = never collapsed
        double inf = Double.POSITIVE_INFINITY;
        Plot p = new Plot("collapsed by epoch", dev.relulab.report.figure.Axis.linear("epoch").integer().exact(),
                dev.relulab.report.figure.Axis.linear("collapsed, fraction of networks").range(0, 1));
        Curves.cumulativeFraction(p, "width 2", 0, new double[] {0, 0, 1, 3, inf, Double.NaN, 2, inf}, 3);
        Series line = p.series("width 2"), band = p.series("width 2 95% CI");
        assertArrayEquals(new double[] {2 / 8.0, 3 / 8.0, 4 / 8.0, 5 / 8.0}, line.y(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 3}, line.x(), 0);
        assertEquals(Series.Kind.BAND, band.kind);
        for (int e = 0; e < 4; e++) assertTrue(band.lo()[e] < line.y()[e] && line.y()[e] < band.hi()[e], "epoch " + e);
        byte[] svg = dev.relulab.report.figure.FigureFormat.DEFAULT.svg(Figure.of(p));
        String text = new String(svg, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("width 2") && text.contains("<polygon"), "drawn with its band");
    }

    @Test
    void constantInitCountsAreOutOfTheLayersUnits() {
        ConstantInitExperiment exp = new ConstantInitExperiment();
        exp.networks = 3;
        List<ConstantInitExperiment.Run> runs = new ArrayList<>();
        for (String a : List.of("relu", "swish")) {
            for (int n = 0; n < 3; n++) {
                runs.add(new ConstantInitExperiment.Run(a, n, new double[] {0, a.equals("relu") ? 1 : 0},
                        new int[] {1, a.equals("relu") ? 1 : 10}, 0.69f, false));
            }
        }
        Figure f = new ConstantInitReport(exp, runs).distinctPerLayer();
        Plot p = f.panels().get(0);
        assertEquals("distinct units (out of 10)", p.y.label());
        assertEquals(10, f.yScale(0, 6).max());
        assertTrue(new ConstantInitReport(exp, runs).deadPerLayer().panels().get(0).y.label().contains("fraction"));
        assertEquals(List.of("relu", "swish"), f.legend().stream().map(s -> s.name).toList());
        assertEquals(2, kinds(p, Series.Kind.INTERVALS));
        assertArrayEquals(new double[] {1, 2}, f.xScale(0, 6).tickValues());
        assertEquals(10, p.series("swish").y()[1], 1e-12);
    }
}
