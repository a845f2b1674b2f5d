package dev.relulab.report;

import dev.relulab.nn.Activation;
import dev.relulab.report.figure.Axis;
import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.Plot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Every activation and its derivative sampled on an interval, as a table (CSV) and one figure of small multiples. */
public final class ActivationPlots {
    /** One activation with the parameter it is drawn with. */
    public record Curve(Activation activation, float alpha) {
        public String label() {
            return alpha == 0f || Float.isNaN(alpha) ? activation.cliName()
                    : activation.cliName() + " (" + alpha + ")";
        }
    }

    private final List<Curve> curves;
    private final double[] z;

    public ActivationPlots(List<Curve> curves, double lo, double hi, int points) {
        this.curves = List.copyOf(curves);
        z = new double[points];
        for (int i = 0; i < points; i++) z[i] = lo + (hi - lo) * i / (points - 1);
    }

    private double[] sample(Curve c, boolean derivative) {
        double[] v = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            float zi = (float) z[i];
            v[i] = derivative ? c.activation.derivative(zi, c.alpha) : c.activation.value(zi, c.alpha);
        }
        return v;
    }

    /**
     * One panel per activation on one y scale, phi and phi' in each; where phi' jumps at 0 (ReLU, Leaky ReLU, PReLU,
     * SELU) its line stops at 0 and starts again just right of it, so no vertical line is drawn at the step.
     */
    public Figure figure() {
        int columns = Math.min(5, curves.size());
        Figure f = new Figure("Activation functions phi(z) and their derivatives phi'(z)")
                .grid(columns, Math.max(Figure.WIDTH, 250 * columns + 130), 250).sharedY();
        for (Curve c : curves) {
            Plot p = new Plot(c.label(), Axis.linear("z").exact(), Axis.linear(null));
            p.line("phi(z)", 0, z, sample(c, false));
            double[][] d = derivativeWithBreak(c);
            p.line("phi'(z)", 1, d[0], d[1]).dashed();
            f.add(p);
        }
        return f;
    }

    /** (z, phi'(z)) with a gap at 0 when phi' is discontinuous there: phi'(0) from the left, then phi'(0+). */
    double[][] derivativeWithBreak(Curve c) {
        double[] d = sample(c, true);
        float left = c.activation.derivative(0f, c.alpha), right = c.activation.derivative(Math.nextUp(0f), c.alpha);
        int cut = 0;
        while (cut < z.length && z[cut] <= 0) cut++;
        if (Math.abs(left - right) < 1e-3 || cut == 0 || cut == z.length) return new double[][] {z.clone(), d};
        boolean hasZero = z[cut - 1] == 0;
        int n = z.length + (hasZero ? 2 : 3);
        double[] x = new double[n], y = new double[n];
        System.arraycopy(z, 0, x, 0, cut);
        System.arraycopy(d, 0, y, 0, cut);
        int k = cut;
        if (!hasZero) {
            x[k] = 0;
            y[k++] = left;
        }
        x[k] = 0;
        y[k++] = Double.NaN;
        x[k] = Math.nextUp(0f);
        y[k++] = right;
        System.arraycopy(z, cut, x, k, z.length - cut);
        System.arraycopy(d, cut, y, k, z.length - cut);
        return new double[][] {Arrays.copyOf(x, k + z.length - cut), Arrays.copyOf(y, k + z.length - cut)};
    }

    /** z, then phi and phi' of every curve. */
    public String csv() {
        StringBuilder b = new StringBuilder("z");
        for (Curve c : curves) b.append(',').append(c.activation.cliName()).append(',').append(c.activation.cliName())
                .append("_derivative");
        b.append('\n');
        double[][] v = new double[2 * curves.size()][];
        for (int k = 0; k < curves.size(); k++) {
            v[2 * k] = sample(curves.get(k), false);
            v[2 * k + 1] = sample(curves.get(k), true);
        }
        for (int i = 0; i < z.length; i++) {
            b.append(String.format(Locale.ROOT, "%.4f", z[i]));
            for (double[] col : v) b.append(',').append((float) col[i]);
            b.append('\n');
        }
        return b.toString();
    }
}
