package dev.relulab.report.figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How a run draws its figures: {@code width} is the layout width of a one-panel figure, every figure growing or
 * shrinking by the same factor (0: each figure's own; text keeps its size, so a wider figure has more room), and
 * {@code scale} is the PNG's pixels per layout unit (2 for print or high-density screens); the SVG is the same layout
 * at any scale.
 */
public record FigureFormat(int width, double scale) {
    public static final FigureFormat DEFAULT = new FigureFormat(0, 1);
    /** The widths and scales the options accept. */
    public static final int MIN_WIDTH = 320, MAX_WIDTH = 8000;
    public static final double MAX_SCALE = 8;

    public FigureFormat {
        if (width != 0 && (width < MIN_WIDTH || width > MAX_WIDTH)) {
            throw new IllegalArgumentException("--figure-width=" + width + " must be 0 (each figure's own) or between "
                    + MIN_WIDTH + " and " + MAX_WIDTH);
        }
        if (!(scale >= 0.5 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("--figure-scale=" + scale + " must be between 0.5 and " + MAX_SCALE);
        }
    }

    /** {@code f} at this format's width (when one is set). */
    Figure sized(Figure f) {
        if (width == 0 || width == Figure.WIDTH) return f;
        double k = width / (double) Figure.WIDTH;
        Figure g = new Figure(f.title).grid(f.columns(), (int) Math.round(f.width() * k),
                (int) Math.round(Math.max(120, f.panelHeight() * k)));
        for (Plot p : f.panels()) g.add(p);
        if (f.isSharedY()) g.sharedY();
        if (f.note() != null) g.note(f.note());
        return g;
    }

    /** The layout width and height of {@code f} in this format. */
    public double[] size(Figure f) {
        Renderer r = new Renderer(sized(f));
        return new double[] {r.width(), r.height()};
    }

    public byte[] png(Figure f) throws IOException {
        Renderer r = new Renderer(sized(f));
        PngCanvas c = new PngCanvas(r.width(), r.height(), scale);
        r.draw(c);
        return c.png();
    }

    public byte[] svg(Figure f) {
        Renderer r = new Renderer(sized(f));
        SvgCanvas c = new SvgCanvas(r.width(), r.height(), f.title != null ? f.title
                : f.panels().isEmpty() ? null : f.panels().get(0).title);
        r.draw(c);
        return c.svg().getBytes(StandardCharsets.UTF_8);
    }
}
