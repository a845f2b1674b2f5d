package dev.relulab.report.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure: one or more {@link Plot panels} on a grid of {@code columns}, one legend for all of them (each series
 * name once), an optional title and a note under the panels. Panels share one y scale when {@link #sharedY} (small
 * multiples of comparable values); otherwise the note should say that their scales differ.
 */
public final class Figure {
    /** Layout width (SVG units, PNG pixels at scale 1) of a one-panel figure and the height of a panel. */
    public static final int WIDTH = 800, PANEL_HEIGHT = 460;

    public final String title;
    private final List<Plot> panels = new ArrayList<>();
    private int columns = 1, width = WIDTH, panelHeight = PANEL_HEIGHT;
    private boolean sharedY;
    private String note;

    public Figure(String title) {
        this.title = title;
    }

    /** A figure of one panel; its title is the panel's. */
    public static Figure of(Plot p) {
        return new Figure(null).add(p);
    }

    public Figure add(Plot p) {
        panels.add(p);
        return this;
    }

    /** Panels per row, and the layout width and panel height that suit them. */
    public Figure grid(int columns, int width, int panelHeight) {
        if (columns < 1 || width < 200 || panelHeight < 120) {
            throw new IllegalArgumentException("figure grid " + columns + " columns, " + width + " x " + panelHeight
                    + ": needs at least 1 column, width 200 and panel height 120");
        }
        this.columns = columns;
        this.width = width;
        this.panelHeight = panelHeight;
        return this;
    }

    /** Every panel on one y scale: the union of their data (and of their y axes' fixed ranges). */
    public Figure sharedY() {
        sharedY = true;
        return this;
    }

    /** A line under the panels (what the bands are; that the panels' y scales differ). */
    public Figure note(String text) {
        note = text;
        return this;
    }

    public List<Plot> panels() {
        return List.copyOf(panels);
    }

    public int columns() {
        return columns;
    }

    public int width() {
        return width;
    }

    public int panelHeight() {
        return panelHeight;
    }

    public boolean isSharedY() {
        return sharedY;
    }

    public String note() {
        return note;
    }

    /** The legend: the first series of each name that is listed, in order of appearance. */
    public List<Series> legend() {
        Map<String, Series> first = new LinkedHashMap<>();
        for (Plot p : panels) for (Series s : p.series()) if (s.inLegend) first.putIfAbsent(s.name, s);
        return new ArrayList<>(first.values());
    }

    /** The y scale of panel {@code k} with about {@code target} ticks, shared by all panels when {@link #sharedY}. */
    public Scale yScale(int k, int target) {
        Plot p = panels.get(k);
        if (!sharedY) {
            double[] r = p.yRange(p.y.isLog());
            return p.y.resolve(r[0], r[1], target);
        }
        double[] r = {Double.NaN, Double.NaN};
        for (Plot q : panels) Plot.widen(r, q.yRange(p.y.isLog()), false);
        return p.y.resolve(r[0], r[1], target);
    }

    /** The x scale of panel {@code k} with about {@code target} ticks. */
    public Scale xScale(int k, int target) {
        Plot p = panels.get(k);
        double[] r = p.xRange();
        return p.x.resolve(r[0], r[1], target);
    }
}
