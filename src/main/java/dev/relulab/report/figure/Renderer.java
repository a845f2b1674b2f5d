package dev.relulab.report.figure;

import java.awt.Color;
import java.util.List;

/**
 * Lays a {@link Figure} out (title, the grid of panels, one legend to their right or under them, the note) and draws
 * it on a {@link Canvas}; each panel is drawn by a {@link PanelPainter}. The layout depends only on the figure and
 * the font metrics, so the PNG and the SVG of a figure match.
 */
final class Renderer {
    static final double TITLE_HEIGHT = 28, NOTE_LINE = 16, LEGEND_ROW = 19, SWATCH = 24;
    private final Figure f;
    private final List<Series> legend;
    private final boolean legendBelow;
    private final double legendWidth, gridWidth, panelWidth, top, legendBelowHeight;
    private final List<String> noteLines;

    Renderer(Figure f) {
        this.f = f;
        legend = f.legend();
        double widest = 0;
        for (Series s : legend) widest = Math.max(widest, Canvas.width(s.name, Canvas.Text.LEGEND));
        double right = legend.isEmpty() ? 0 : 16 + SWATCH + 6 + widest + 10;
        legendBelow = right > 0.34 * f.width();
        legendWidth = legendBelow ? 0 : right;
        gridWidth = f.width() - legendWidth;
        panelWidth = gridWidth / f.columns();
        top = f.title == null ? 0 : TITLE_HEIGHT;
        legendBelowHeight = legendBelow ? 8 + belowRows(widest) * LEGEND_ROW : 0;
        noteLines = f.note() == null ? List.of() : wrap(f.note(), f.width() - 20);
    }

    int rows() {
        return (f.panels().size() + f.columns() - 1) / f.columns();
    }

    double width() {
        return f.width();
    }

    double height() {
        return top + rows() * f.panelHeight() + legendBelowHeight + (noteLines.isEmpty() ? 0
                : 6 + noteLines.size() * NOTE_LINE);
    }

    void draw(Canvas c) {
        if (f.title != null) {
            c.text(f.title, f.width() / 2.0, 19, Canvas.Text.TITLE, Canvas.Anchor.MIDDLE, 0, Palette.TEXT);
        }
        double firstPlotTop = top;
        for (int k = 0; k < f.panels().size(); k++) {
            double px = (k % f.columns()) * panelWidth, py = top + (k / f.columns()) * f.panelHeight();
            PanelPainter p = new PanelPainter(f, k, px, py, panelWidth, f.panelHeight());
            p.draw(c);
            if (k == 0) firstPlotTop = p.plotTop();
        }
        if (legendBelow) drawLegendBelow(c);
        else drawLegendRight(c, firstPlotTop);
        double y = top + rows() * f.panelHeight() + legendBelowHeight + 6 + 11;
        for (String line : noteLines) {
            c.text(line, 10, y, Canvas.Text.NOTE, Canvas.Anchor.START, 0, Palette.FRAME.darker());
            y += NOTE_LINE;
        }
    }

    private void drawLegendRight(Canvas c, double y0) {
        double x = gridWidth + 16, y = y0 + 10;
        for (Series s : legend) {
            swatch(c, s, x, y);
            c.text(s.name, x + SWATCH + 6, y + 4, Canvas.Text.LEGEND, Canvas.Anchor.START, 0, Palette.TEXT);
            y += LEGEND_ROW;
        }
    }

    private int belowRows(double widest) {
        int perRow = Math.max(1, (int) ((f.width() - 20) / (SWATCH + 6 + widest + 18)));
        return (legend.size() + perRow - 1) / perRow;
    }

    private void drawLegendBelow(Canvas c) {
        double widest = 0;
        for (Series s : legend) widest = Math.max(widest, Canvas.width(s.name, Canvas.Text.LEGEND));
        double cell = SWATCH + 6 + widest + 18;
        int perRow = Math.max(1, (int) ((f.width() - 20) / cell));
        double y0 = top + rows() * f.panelHeight() + 8 + 8;
        for (int i = 0; i < legend.size(); i++) {
            double x = 10 + (i % perRow) * cell, y = y0 + (i / perRow) * LEGEND_ROW;
            swatch(c, legend.get(i), x, y);
            c.text(legend.get(i).name, x + SWATCH + 6, y + 4, Canvas.Text.LEGEND, Canvas.Anchor.START, 0, Palette.TEXT);
        }
    }

    /** The legend's mark for {@code s}, centred vertically on y, SWATCH wide from x. */
    static void swatch(Canvas c, Series s, double x, double y) {
        Color col = Palette.color(s.color);
        switch (s.kind) {
            case BAND:
                c.polygon(new double[] {x, x + SWATCH, x + SWATCH, x}, new double[] {y - 6, y - 6, y + 6, y + 6}, 4,
                        col, PanelPainter.BAND_OPACITY);
                break;
            case POINTS:
                c.circle(x + SWATCH / 2, y, PanelPainter.POINT_RADIUS + 0.5, col, PanelPainter.POINT_OPACITY);
                break;
            case INTERVALS:
                c.polyline(new double[] {x + SWATCH / 2, x + SWATCH / 2}, new double[] {y - 7, y + 7}, 2, col, 1.6f,
                        false);
                c.circle(x + SWATCH / 2, y, PanelPainter.MARK_RADIUS, col, 1f);
                break;
            default:
                c.polyline(new double[] {x, x + SWATCH}, new double[] {y, y}, 2, col, PanelPainter.LINE_WIDTH,
                        s.dashed);
                if (s.markers) c.circle(x + SWATCH / 2, y, PanelPainter.MARK_RADIUS, col, 1f);
        }
    }

    /** {@code text} cut at spaces into lines no wider than {@code width} in the note's font. */
    static List<String> wrap(String text, double width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && Canvas.width(next, Canvas.Text.NOTE) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
