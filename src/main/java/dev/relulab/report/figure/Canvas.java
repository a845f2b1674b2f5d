package dev.relulab.report.figure;

import java.awt.Color;

/**
 * What the {@link Renderer} draws with, in layout units (y down): polylines, filled polygons, circles, rectangles and
 * text. {@link PngCanvas} draws with Java2D, {@link SvgCanvas} writes SVG elements; text is measured once, by
 * {@link #width}, so both lay out alike.
 */
interface Canvas {
    /** Text sizes of the figure's parts. */
    enum Text {
        TITLE(15, true), PANEL_TITLE(13, true), LABEL(12, false), TICK(11, false), EXPONENT(8, false),
        LEGEND(12, false), NOTE(11, false);

        final int size;
        final boolean bold;

        Text(int size, boolean bold) {
            this.size = size;
            this.bold = bold;
        }
    }

    /** Horizontal placement of text against its x. */
    enum Anchor { START, MIDDLE, END }

    void polyline(double[] x, double[] y, int n, Color c, float width, boolean dashed);

    void polygon(double[] x, double[] y, int n, Color fill, float opacity);

    void circle(double x, double y, double r, Color fill, float opacity);

    void rect(double x, double y, double w, double h, Color stroke, Color fill);

    /** Text with its baseline at y, rotated by {@code degrees} (counter-clockwise) about (x, y). */
    void text(String s, double x, double y, Text style, Anchor anchor, double degrees, Color c);

    /** Everything drawn until {@link #unclip} stays inside the rectangle. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** The advance width of {@code s} in {@code style}, the same for every canvas. */
    static double width(String s, Text style) {
        return Fonts.width(s, style);
    }
}
