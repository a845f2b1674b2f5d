package dev.relulab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The project's one chart style: white XY charts, a fixed palette, lines with markers and translucent bands. */
public final class Charts {
    /** Tableau-10, so the n-th series has the same colour in every figure. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    public static final int WIDTH = 800, HEIGHT = 500;

    private Charts() {}

    public static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    public static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        return c;
    }

    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A line with circle markers in palette colour {@code i}. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y, int i) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color(i));
        s.setMarkerColor(color(i));
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(2f));
        return s;
    }

    /** Points only, in palette colour {@code i} (individual runs beside a mean line). */
    /** Per epoch 0..epochs-1, the mean over {@code runs} of {@code value(run, epoch)}: one line of a per-epoch chart. */
    public static <R> double[] meanPerEpoch(List<R> runs, int epochs, ToDoubleBiFunction<R, Integer> value) {
        double[] mean = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            final int ep = e;
            mean[e] = runs.stream().mapToDouble(r -> value.applyAsDouble(r, ep)).average().orElse(0);
        }
        return mean;
    }

    public static XYSeries points(XYChart c, String name, double[] x, double[] y, int i) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarkerColor(translucent(color(i), 140));
        s.setMarker(SeriesMarkers.DIAMOND);
        return s;
    }

    /** A filled band between {@code lo} and {@code hi} over {@code x}, left out of the legend. */
    public static XYSeries band(XYChart c, String name, double[] x, double[] lo, double[] hi, int i) {
        int n = x.length;
        double[] px = new double[2 * n], py = new double[2 * n];
        for (int k = 0; k < n; k++) {
            px[k] = x[k];
            py[k] = hi[k];
            px[2 * n - 1 - k] = x[k];
            py[2 * n - 1 - k] = lo[k];
        }
        XYSeries s = c.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(translucent(color(i), 50));
        s.setLineColor(translucent(color(i), 0));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        return s;
    }

    private static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
