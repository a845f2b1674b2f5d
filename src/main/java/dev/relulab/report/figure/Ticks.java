package dev.relulab.report.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick placement: steps of 1, 2, 2.5 or 5 times a power of ten, every tick a multiple of the step (so 0 is a tick
 * whenever it lies in the range) and both ends of the range ticks too; powers of ten on log axes.
 */
final class Ticks {
    private Ticks() {}

    /** The nice step that cuts {@code span} into about {@code target} intervals (whole numbers when {@code integer}). */
    static double step(double span, int target, boolean integer) {
        if (!(span > 0)) return 1;
        double raw = span / Math.max(1, target), p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
        double[] nice = integer && p < 10 ? new double[] {1, 2, 5, 10} : new double[] {1, 2, 2.5, 5, 10};
        for (double n : nice) if (m <= n * 1.0001) return Math.max(integer ? 1 : 0, n * p);
        return 10 * p;
    }

    /** [lo, hi] widened to multiples of the step, with every multiple a tick. */
    static Scale nice(double lo, double hi, int target, boolean integer) {
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = step(hi - lo, target, integer);
        double min = Math.floor(lo / step + 1e-9) * step, max = Math.ceil(hi / step - 1e-9) * step;
        return new Scale(min, max, false, multiples(min, max, step));
    }

    /** [lo, hi] kept as it is: both ends are ticks, with the step's multiples between unless crowding an end. */
    static Scale exact(double lo, double hi, int target, boolean integer) {
        if (lo == hi) return nice(lo, hi, target, integer);
        double step = step(hi - lo, target, integer);
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(lo, end(lo, step)));
        for (Tick t : multiples(lo, hi, step)) {
            if (t.value() - lo > 0.6 * step && hi - t.value() > 0.6 * step) ticks.add(t);
        }
        ticks.add(new Tick(hi, end(hi, step)));
        return new Scale(lo, hi, false, ticks);
    }

    /** An end of an exact range: as a multiple of the step when it is one, else to four significant digits. */
    private static String end(double v, double step) {
        double k = v / step;
        if (Math.abs(k - Math.rint(k)) < 1e-9) return format(v, step);
        return plain(new BigDecimal(v).round(new java.math.MathContext(4)).doubleValue());
    }

    /** Decades from below {@code lo} to above {@code hi}; every second one past eight decades, the range ending on one. */
    static Scale log(double lo, double hi) {
        int a = (int) Math.floor(Math.log10(lo) + 1e-9), b = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (a == b) b++;
        int every = b - a > 8 ? 2 : 1;
        b = a + (b - a + every - 1) / every * every;
        boolean plain = a >= -3 && b <= 4;
        List<Tick> ticks = new ArrayList<>();
        for (int k = a; k <= b; k++) {
            if ((k - a) % every != 0) continue;
            double v = Math.pow(10, k);
            ticks.add(plain ? new Tick(v, plain(v)) : new Tick(v, "10", Integer.toString(k)));
        }
        return new Scale(Math.pow(10, a), Math.pow(10, b), true, ticks);
    }

    private static List<Tick> multiples(double min, double max, double step) {
        List<Tick> ticks = new ArrayList<>();
        long first = Math.round(Math.ceil(min / step - 1e-9)), last = Math.round(Math.floor(max / step + 1e-9));
        for (long k = first; k <= last; k++) {
            double v = k * step;
            ticks.add(new Tick(Math.abs(v) < 1e-12 * step ? 0 : v, format(v, step)));
        }
        return ticks;
    }

    /** {@code v} with as many decimals as the step needs, never "-0" nor a binary artefact like 0.30000000000000004. */
    static String format(double v, double step) {
        if (Math.abs(v) < 1e-12 * Math.max(1, Math.abs(step))) return "0";
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        BigDecimal d = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A value to six significant digits as a plain decimal (0.001, 0.5, 1000; a float's 0.1 reads 0.1). */
    static String plain(double v) {
        if (v == 0) return "0";
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
