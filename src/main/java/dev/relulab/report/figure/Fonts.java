package dev.relulab.report.figure;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures' one font family (Java's SansSerif, DejaVu Sans on Linux), measured with antialiased fractional
 * metrics, the hints {@link PngCanvas} draws with; no display needed.
 */
final class Fonts {
    /** The SVG font list: the PNG's font first, then fonts with close metrics. */
    static final String SVG_FAMILY = "DejaVu Sans, Verdana, Geneva, sans-serif";
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Map<Canvas.Text, Font> FONTS = new EnumMap<>(Canvas.Text.class);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Fonts() {}

    static synchronized Font font(Canvas.Text t) {
        return FONTS.computeIfAbsent(t, k -> new Font(Font.SANS_SERIF, k.bold ? Font.BOLD : Font.PLAIN, k.size));
    }

    static double width(String s, Canvas.Text t) {
        return s.isEmpty() ? 0 : font(t).getStringBounds(s, FRC).getWidth();
    }
}
