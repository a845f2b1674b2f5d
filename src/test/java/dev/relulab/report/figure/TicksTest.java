package dev.relulab.report.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticks: 0 and both ends are ticks, labels are short decimals, log axes label powers of ten with exponents. */
class TicksTest {
    private static List<String> labels(Scale s) {
        return s.ticks().stream().map(Tick::label).toList();
    }

    @Test
    void aRangeAcrossZeroHasZeroAndBothEndsAsTicks() {
        // the old activations axis read -3, -2.6, ..., 0.2 with no 0
        Scale s = Axis.linear("z").exact().resolve(-3, 3, 12);
        assertEquals(-3, s.min());
        assertEquals(3, s.max());
        assertTrue(labels(s).contains("0") && labels(s).get(0).equals("-3") && labels(s).get(s.ticks().size() - 1)
                .equals("3"), labels(s).toString());
        Scale nice = Axis.linear("y").resolve(-1.7, 3.15, 6);
        assertTrue(labels(nice).contains("0"), labels(nice).toString());
        assertEquals(nice.min(), nice.ticks().get(0).value(), "the lower end is a tick");
        assertEquals(nice.max(), nice.ticks().get(nice.ticks().size() - 1).value(), "the upper end is a tick");
        assertTrue(nice.min() <= -1.7 && nice.max() >= 3.15);
    }

    @Test
    void anEpochAxisRunsFromTheFirstToTheLastEpochWithRoundTicksBetween() {
        Scale s = Axis.linear("epoch").integer().exact().resolve(1, 50, 6);
        assertEquals(List.of("1", "10", "20", "30", "40", "50"), labels(s));
        assertEquals(List.of("1", "2", "3"), labels(Axis.linear("epoch").integer().exact().resolve(1, 3, 6)),
                "no tick between two whole epochs");
    }

    @Test
    void labelsAreShortDecimals() {
        Scale s = Axis.linear("accuracy").resolve(0.1, 0.3, 10);
        for (String l : labels(s)) assertTrue(l.length() <= 5, l + " in " + labels(s));
        assertTrue(labels(s).contains("0.3"), labels(s).toString());
        assertEquals("0", Ticks.format(-1e-17, 0.1), "no -0");
    }

    @Test
    void fractionAxesStartAtZeroEvenWhenNothingDied() {
        Scale s = Axis.linear("dead fraction").including(0).including(0.1).resolve(0, 0, 6);
        assertEquals(0, s.min());
        assertTrue(s.max() >= 0.1, "max " + s.max());
    }

    @Test
    void explicitTicksOfFloatRatesReadAsTyped() {
        // the old mnist-lr axis had no tick at 0.5, and floats widened to double read 0.10000000149011612
        Scale s = Axis.log("lr").ticks(0.5f, 0.1f, 0.01f, 0.001f).resolve(0.001f, 0.5f, 5);
        assertEquals(List.of("0.5", "0.1", "0.01", "0.001"), labels(s));
        assertTrue(s.min() < 0.001 && s.max() > 0.5, "padded around the ticks: " + s);
    }

    @Test
    void logAxesLabelDecadesWithExponentsAndEndOnATick() {
        Scale s = Axis.log("norm").resolve(2.6e-9, 44, 6);
        assertEquals(1e-9, s.min(), 1e-24);
        assertEquals(s.max(), s.ticks().get(s.ticks().size() - 1).value(), "the range ends on a tick");
        assertEquals("10", s.ticks().get(0).text());
        assertEquals("-9", s.ticks().get(0).exponent());
        assertTrue(s.ticks().stream().noneMatch(t -> t.label().contains("E")), labels(s).toString());
        double[] v = s.tickValues();
        for (int i = 1; i < v.length; i++) assertEquals(100, v[i] / v[i - 1], 1e-9, "every second decade past 8");
        assertEquals(List.of("0.01", "0.1", "1", "10"), labels(Axis.log("x").resolve(0.02, 7, 6)), "plain near 1");
    }

    @Test
    void categoriesAreNamedTicksAtTheirIndices() {
        Scale s = Axis.categories("activation", List.of("relu", "elu", "selu")).resolve(0, 2, 6);
        assertEquals(List.of("relu", "elu", "selu"), labels(s));
        assertArrayEquals(new double[] {0, 1, 2}, s.tickValues());
        assertEquals(0.5, s.fraction(1), 1e-12);
    }
}
