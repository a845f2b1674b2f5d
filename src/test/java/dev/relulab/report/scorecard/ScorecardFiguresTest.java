package dev.relulab.report.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.experiments.scorecard.CollapseCell;
import dev.relulab.experiments.scorecard.DeepRun;
import dev.relulab.experiments.scorecard.Scorecard;
import dev.relulab.experiments.scorecard.ScorecardSettings;
import dev.relulab.experiments.scorecard.StepTime;
import dev.relulab.experiments.scorecard.StepTimer;
import dev.relulab.experiments.scorecard.TaskRun;
import dev.relulab.nn.Activation;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import dev.relulab.report.figure.Series;
import dev.relulab.report.figure.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One test per scorecard figure on a synthetic result: axes, units, series, intervals, references, shared scales. */
class ScorecardFiguresTest {
    static final List<String> ACTS = List.of("relu", "elu", "selu");

    static Measures synthetic() {
        Random rnd = new Random(3);
        ScorecardSettings s = new ScorecardSettings();
        s.activations = List.of(Activation.RELU, Activation.ELU, Activation.SELU);
        s.depths = List.of(2, 4);
        s.deepDepth = 3;
        Scorecard card = new Scorecard(s, null);
        List<StepTime> speed = new ArrayList<>();
        for (String shape : List.of(StepTimer.NARROW, StepTimer.VARIANTS)) {
            for (int k = 0; k < ACTS.size(); k++) {
                double[] t = new double[6];
                for (int i = 0; i < t.length; i++) t[i] = 1e-5 * (1 + k) * (1 + 0.05 * rnd.nextGaussian());
                speed.add(new StepTime(shape, ACTS.get(k), 10, 8, t));
            }
        }
        List<TaskRun> runs = new ArrayList<>();
        List<CollapseCell> cells = new ArrayList<>();
        List<DeepRun> deep = new ArrayList<>();
        for (String a : ACTS) {
            for (int n = 0; n < 5; n++) {
                double[] val = new double[4], train = new double[4];
                for (int e = 0; e < 4; e++) {
                    val[e] = 0.7 + 0.05 * e + 0.01 * rnd.nextGaussian();
                    train[e] = val[e] + 0.03;
                }
                runs.add(new TaskRun("variants", a, n, val, train, new double[] {a.equals("relu") ? 0.1 : 0, 0}, false));
            }
            for (int d : s.depths) cells.add(new CollapseCell(a, d, 50, a.equals("relu") ? 10 * d : 0, 12 * d, 0, 0, 0,
                    new double[d]));
            for (int n = 0; n < 4; n++) {
                double[][] m = {{0, 1}, {0.01, 0.98}, {0.02, 0.97}}, e = {{0.1, 1.5}, {0.1, 1.8}, {0.1, 2}};
                deep.add(new DeepRun(a, "lecun_normal", n, m, e, false));
            }
        }
        return new Measures(card, new Scorecard.Result(speed, runs, cells, deep));
    }

    static List<String> labels(Figure f, int k) {
        return f.xScale(k, 6).ticks().stream().map(Tick::label).toList();
    }

    @Test
    void speedShowsRatiosAtNamedActivationsWithTheBaselineAtOne() {
        Figure f = new ScorecardFigures(synthetic()).speed();
        Plot p = f.panels().get(0);
        assertEquals(ACTS, labels(f, 0));
        assertTrue(p.y.label().contains("relu") && p.y.label().contains("ratio"), p.y.label());
        assertEquals(List.of(StepTimer.NARROW, StepTimer.VARIANTS), f.legend().stream().map(s -> s.name).toList());
        Series narrow = p.series(StepTimer.NARROW);
        assertEquals(Series.Kind.INTERVALS, narrow.kind);
        assertEquals(1.0, narrow.y()[0], 1e-12, "relu over relu");
        assertTrue(narrow.y()[2] > 2.5 && narrow.y()[2] < 3.5, "selu is about 3x in the synthetic data");
        assertTrue(narrow.lo()[2] <= narrow.y()[2] && narrow.y()[2] <= narrow.hi()[2]);
        assertEquals(1.0, p.series("relu = 1").y()[0], 0, "the dashed reference at 1");
        assertEquals(0, f.yScale(0, 6).min(), "the ratio axis includes 0");
    }

    @Test
    void convergenceHasALineAndBandPerActivationAndTheTargetDashed() {
        Figure f = new ScorecardFigures(synthetic()).convergence();
        Plot p = f.panels().get(0);
        assertEquals(ACTS, f.legend().stream().map(s -> s.name).toList());
        assertEquals(3, p.series().stream().filter(s -> s.kind == Series.Kind.BAND).count());
        assertEquals(0.85, p.series("target 0.85").y()[0], 0);
        assertEquals(List.of("1", "2", "3", "4"), labels(f, 0));
        assertTrue(p.y.label().contains("fraction"));
    }

    @Test
    void deadUnitsAreIntervalsPerLayerOnOneScaleFromZero() {
        Figure f = new ScorecardFigures(synthetic()).deadUnits();
        assertTrue(f.isSharedY());
        assertEquals(0, f.yScale(0, 6).min());
        assertEquals(List.of("layer 1", "layer 2"), f.legend().stream().map(s -> s.name).toList());
        assertEquals(ACTS, labels(f, 0));
        assertEquals(0.1, f.panels().get(0).series("layer 1").y()[0], 1e-12);
    }

    @Test
    void collapseHasATickAtEveryDepthAndWilsonBands() {
        Figure f = new ScorecardFigures(synthetic()).collapse();
        assertEquals(List.of("born dead", "collapsed (structural)"), f.panels().stream().map(p -> p.title).toList());
        assertArrayEquals(new double[] {2, 4}, f.xScale(0, 6).tickValues());
        assertEquals(0, f.yScale(0, 6).min());
        assertEquals(1, f.yScale(1, 6).max());
        Plot born = f.panels().get(0);
        assertArrayEquals(new double[] {0.4, 0.8}, born.series("relu").y(), 1e-12);
        Series band = born.series("relu 95% CI");
        assertTrue(band.lo()[0] < 0.4 && band.hi()[0] > 0.4, "a Wilson band around 20 of 50");
    }

    @Test
    void generalisationShowsTestAndTrainingAccuracyPerActivation() {
        Figure f = new ScorecardFigures(synthetic()).generalisation();
        assertEquals(List.of("test", "training"), f.legend().stream().map(s -> s.name).toList());
        Plot p = f.panels().get(0);
        assertTrue(p.series("training").y()[0] > p.series("test").y()[0]);
        assertEquals(ACTS, labels(f, 0));
    }

    @Test
    void momentsPanelsHaveTheFixedPointDashedAndBothMomentsPerActivation() {
        Figure f = new ScorecardFigures(synthetic()).moments();
        assertEquals(List.of("mean", "variance"), f.panels().stream().map(p -> p.title).toList());
        assertTrue(!f.isSharedY(), "mean and variance are not on one scale, and the note says so");
        assertTrue(f.note().contains("own y scales"));
        Plot var = f.panels().get(1);
        assertEquals(1.0, var.series("fixed point: variance 1").y()[0], 0);
        assertArrayEquals(new double[] {1.5, 1.8, 2}, var.series("selu (lecun_normal)").y(), 1e-12);
        assertArrayEquals(new double[] {1, 0.98, 0.97}, var.series("selu (lecun_normal) at init").y(), 1e-12);
        assertTrue(var.series("selu (lecun_normal) at init").inLegend() == false);
        assertEquals(List.of("1", "2", "3"), labels(f, 1));
    }
}
