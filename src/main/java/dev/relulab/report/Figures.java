package dev.relulab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    /** Several charts as panels of one PNG, {@code columns} per row (XChart draws panels to bitmaps only). */
    public static String writePanels(OutputFolder folder, String name, List<? extends Chart<?, ?>> charts,
                                     int columns) throws IOException {
        int rows = (charts.size() + columns - 1) / columns;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(new ArrayList<Chart<?, ?>>(charts), rows, columns, png,
                BitmapEncoder.BitmapFormat.PNG);
        folder.writeBytes(name + ".png", png.toByteArray());
        return name + ".png";
    }
}
