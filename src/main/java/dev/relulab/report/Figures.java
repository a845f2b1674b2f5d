package dev.relulab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a chart as {@code name.png} and {@code name.svg} into a run's output folder, without a display. */
public final class Figures {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Figures() {}

    /** Renders {@code chart} to both files (atomically) and returns {@code name}, the stem the report links to. */
    public static String write(OutputFolder folder, String name, Chart<?, ?> chart) throws IOException {
        folder.writeBytes(name + ".png", BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        folder.writeBytes(name + ".svg", svg.toByteArray());
        return name;
    }

    /**
     * Several charts as panels of one figure, {@code columns} per row: {@code name.png}, and {@code name.svg} with
     * each panel's own SVG nested at its place (XChart draws panel grids to bitmaps only). Returns the PNG's name.
     */
    public static String writePanels(OutputFolder folder, String name, List<? extends Chart<?, ?>> charts,
                                     int columns) throws IOException {
        folder.writeBytes(name + ".png", panelsPng(charts, columns));
        folder.writeBytes(name + ".svg", panelsSvg(charts, columns).getBytes(StandardCharsets.UTF_8));
        return name + ".png";
    }

    /** The charts drawn side by side on a white grid of {@code columns}; a last row may be short. */
    static byte[] panelsPng(List<? extends Chart<?, ?>> charts, int columns) throws IOException {
        int w = cellWidth(charts), h = cellHeight(charts), rows = (charts.size() + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(w * columns, h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int k = 0; k < charts.size(); k++) {
                g.drawImage(BitmapEncoder.getBufferedImage(charts.get(k)), (k % columns) * w, (k / columns) * h, null);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(grid, "png", png);
        return png.toByteArray();
    }

    /** One SVG document holding every chart's SVG as a nested svg element on a grid of {@code columns}. */
    static String panelsSvg(List<? extends Chart<?, ?>> charts, int columns) throws IOException {
        int w = cellWidth(charts), h = cellHeight(charts), rows = (charts.size() + columns - 1) / columns;
        StringBuilder out = new StringBuilder(String.format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "version=\"1.1\" width=\"%dpx\" height=\"%dpx\" viewBox=\"0 0 %d %d\">%n",
                w * columns, h * rows, w * columns, h * rows));
        for (int k = 0; k < charts.size(); k++) {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(charts.get(k), svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String panel = svg.toString(StandardCharsets.UTF_8);
            panel = panel.substring(panel.indexOf("<svg"));
            // the panel's root sits at its grid cell; its ids get a prefix so that no two panels share one
            String x = "x=\"" + (k % columns) * w + "px\"", y = "y=\"" + (k / columns) * h + "px\"";
            int rootEnd = panel.indexOf('>');
            String root = panel.substring(0, rootEnd).replace("x=\"0px\"", x).replace("y=\"0px\"", y);
            if (!root.contains(x)) root += " " + x;
            if (!root.contains(y)) root += " " + y;
            String p = "p" + k + "_";
            out.append(root).append(panel.substring(rootEnd).replace("id=\"", "id=\"" + p)
                    .replace("url(#", "url(#" + p).replace("href=\"#", "href=\"#" + p)).append('\n');
        }
        return out.append("</svg>\n").toString();
    }

    private static int cellWidth(List<? extends Chart<?, ?>> charts) {
        return charts.stream().mapToInt(Chart::getWidth).max().orElse(0);
    }

    private static int cellHeight(List<? extends Chart<?, ?>> charts) {
        return charts.stream().mapToInt(Chart::getHeight).max().orElse(0);
    }
}
