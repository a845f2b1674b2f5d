package dev.relulab.report.figure;

import java.util.List;

/** A resolved axis: its range, whether it is logarithmic, and its ticks; maps values to a fraction of the length. */
public record Scale(double min, double max, boolean log, List<Tick> ticks) {
    public Scale {
        ticks = List.copyOf(ticks);
    }

    /** Where {@code v} lies between min (0) and max (1); NaN for a value a log scale cannot show. */
    public double fraction(double v) {
        if (log) {
            if (!(v > 0)) return Double.NaN;
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** The tick values, for tests and legends. */
    public double[] tickValues() {
        return ticks.stream().mapToDouble(Tick::value).toArray();
    }
}
