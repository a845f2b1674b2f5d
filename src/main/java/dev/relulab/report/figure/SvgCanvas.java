package dev.relulab.report.figure;

import java.awt.Color;
import java.util.Locale;

/**
 * A canvas that writes SVG: one element per polyline, polygon, mark and text, coordinates to a tenth of a unit and
 * lines simplified within {@link #TOLERANCE} (invisible at any zoom a reader uses), text as text.
 */
final class SvgCanvas implements Canvas {
    /** Points of a polyline closer than this to the simplified line are dropped (layout units). */
    static final double TOLERANCE = 0.15;
    private final StringBuilder out = new StringBuilder();
    private final double width, height;
    private int clips;
    private boolean clipped;

    SvgCanvas(double width, double height, String title) {
        this.width = width;
        this.height = height;
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
                .append(num(width)).append(' ').append(num(height)).append("\" font-family=\"")
                .append(Fonts.SVG_FAMILY).append("\">\n");
        if (title != null) out.append("<title>").append(escape(title)).append("</title>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Color c, float w, boolean dashed) {
        int[] keep = Polylines.simplify(x, y, n, TOLERANCE);
        out.append("<polyline fill=\"none\" stroke=\"").append(hex(c)).append("\" stroke-width=\"").append(num(w))
                .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (dashed) out.append(" stroke-dasharray=\"6 4\"");
        out.append(" points=\"");
        points(x, y, keep);
        out.append("\"/>\n");
    }

    @Override
    public void polygon(double[] x, double[] y, int n, Color fill, float opacity) {
        out.append("<polygon fill=\"").append(hex(fill)).append('"');
        if (opacity < 1f) out.append(" fill-opacity=\"").append(num(opacity, 100)).append('"');
        out.append(" points=\"");
        points(x, y, Polylines.simplify(x, y, n, TOLERANCE));
        out.append("\"/>\n");
    }

    @Override
    public void circle(double x, double y, double r, Color fill, float opacity) {
        out.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(hex(fill)).append('"');
        if (opacity < 1f) out.append(" fill-opacity=\"").append(num(opacity, 100)).append('"');
        out.append("/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color stroke, Color fill) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill == null ? "none" : hex(fill))
                .append('"');
        if (stroke != null) out.append(" stroke=\"").append(hex(stroke)).append('"');
        out.append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, Text style, Anchor anchor, double degrees, Color c) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(style.size).append('"');
        if (style.bold) out.append(" font-weight=\"bold\"");
        if (anchor != Anchor.START) out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end")
                .append('"');
        if (degrees != 0) out.append(" transform=\"rotate(").append(num(-degrees)).append(' ').append(num(x))
                .append(' ').append(num(y)).append(")\"");
        if (!c.equals(Palette.TEXT)) out.append(" fill=\"").append(hex(c)).append('"');
        out.append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = "clip" + clips++;
        out.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) out.append("</g>\n");
        clipped = false;
    }

    String svg() {
        unclip();
        return out + "</svg>\n";
    }

    private void points(double[] x, double[] y, int[] keep) {
        for (int k = 0; k < keep.length; k++) {
            if (k > 0) out.append(' ');
            out.append(num(x[keep[k]])).append(',').append(num(y[keep[k]]));
        }
    }

    /** {@code v} to a tenth, without a trailing ".0". */
    static String num(double v) {
        return num(v, 10);
    }

    private static String num(double v, int per) {
        long r = Math.round(v * per);
        if (r % per == 0) return Long.toString(r / per);
        return String.format(Locale.ROOT, per == 10 ? "%.1f" : "%.2f", r / (double) per);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
