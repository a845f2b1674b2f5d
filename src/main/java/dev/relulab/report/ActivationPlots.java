package dev.relulab.report;

import dev.relulab.nn.Activation;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/** Every activation and its derivative sampled on an interval, as a table (CSV) and two figures. */
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

    public XYChart chart(boolean derivative) {
        XYChart c = Charts.xy(derivative ? "Derivatives of the activations" : "Activation functions", "z",
                derivative ? "phi'(z)" : "phi(z)");
        for (int k = 0; k < curves.size(); k++) {
            Charts.line(c, curves.get(k).label(), z, sample(curves.get(k), derivative), k)
                    .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return c;
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
