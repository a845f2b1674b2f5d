package dev.relulab.report.figure;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one panel of a figure in its cell: resolves the scales (y first, since its tick labels set the left margin
 * and so the width left for x), then grid, series clipped to the plot area, frame, ticks, labels and title.
 */
final class PanelPainter {
    static final float LINE_WIDTH = 2f, BAND_OPACITY = 0.2f, POINT_OPACITY = 0.55f;
    static final double MARK_RADIUS = 3.2, POINT_RADIUS = 2.6, TICK = 4, CAP = 4;
    private static final double SLANT = 35;
    private final Plot p;
    private final Scale xs, ys;
    private final double x0, y0, w, h;
    private final boolean slanted;

    PanelPainter(Figure f, int k, double px, double py, double pw, double ph) {
        p = f.panels().get(k);
        double top = 8 + (p.title == null ? 0 : 20);
        double plotHeight0 = ph - top - 50;
        ys = f.yScale(k, Math.max(4, (int) (plotHeight0 / 55)));
        double yTickWidth = 0;
        for (Tick t : ys.ticks()) yTickWidth = Math.max(yTickWidth, labelWidth(t));
        double left = 8 + (p.y.label() == null ? 0 : 18) + yTickWidth + 4 + TICK;
        double right = 16;
        Scale xScale = f.xScale(k, Math.max(2, (int) ((pw - left - right) / 55)));
        double widest = 0;
        for (Tick t : xScale.ticks()) widest = Math.max(widest, labelWidth(t));
        double spacing = (pw - left - right) / Math.max(1, xScale.ticks().size());
        slanted = !p.x.categories().isEmpty() && widest > 0.92 * spacing;
        double tickHeight = slanted ? widest * Math.sin(Math.toRadians(SLANT)) + 14 : 14;
        double bottom = TICK + 3 + tickHeight + (p.x.label() == null ? 0 : 18) + 4;
        xs = xScale;
        x0 = px + left;
        y0 = py + top;
        w = pw - left - right;
        h = ph - top - bottom;
    }

    double plotTop() {
        return y0;
    }

    static double labelWidth(Tick t) {
        return Canvas.width(t.text(), Canvas.Text.TICK)
                + (t.exponent() == null ? 0 : 1 + Canvas.width(t.exponent(), Canvas.Text.EXPONENT));
    }

    double sx(double v) {
        if (v == Double.NEGATIVE_INFINITY) return x0;
        if (v == Double.POSITIVE_INFINITY) return x0 + w;
        return x0 + xs.fraction(v) * w;
    }

    double sy(double v) {
        return y0 + h - ys.fraction(v) * h;
    }

    void draw(Canvas c) {
        for (Tick t : ys.ticks()) c.polyline(new double[] {x0, x0 + w}, new double[] {sy(t.value()), sy(t.value())}, 2,
                Palette.GRID, 1f, false);
        for (Tick t : xs.ticks()) c.polyline(new double[] {sx(t.value()), sx(t.value())}, new double[] {y0, y0 + h}, 2,
                Palette.GRID, 1f, false);
        if (!ys.log() && ys.min() < 0 && ys.max() > 0) {
            c.polyline(new double[] {x0, x0 + w}, new double[] {sy(0), sy(0)}, 2, Palette.ZERO, 1f, false);
        }
        if (!xs.log() && p.x.categories().isEmpty() && xs.min() < 0 && xs.max() > 0) {
            c.polyline(new double[] {sx(0), sx(0)}, new double[] {y0, y0 + h}, 2, Palette.ZERO, 1f, false);
        }
        c.clip(x0 - MARK_RADIUS - 1, y0 - MARK_RADIUS - 1, w + 2 * MARK_RADIUS + 2, h + 2 * MARK_RADIUS + 2);
        for (Series s : p.series()) drawSeries(c, s);
        c.unclip();
        c.rect(x0, y0, w, h, Palette.FRAME, null);
        ticks(c);
        if (p.title != null) {
            c.text(p.title, x0 + w / 2, y0 - 9, Canvas.Text.PANEL_TITLE, Canvas.Anchor.MIDDLE, 0, Palette.TEXT);
        }
    }

    private void ticks(Canvas c) {
        double by = y0 + h;
        for (Tick t : xs.ticks()) {
            double x = sx(t.value());
            c.polyline(new double[] {x, x}, new double[] {by, by + TICK}, 2, Palette.FRAME, 1f, false);
            if (slanted) {
                c.text(t.text(), x + 3, by + TICK + 10, Canvas.Text.TICK, Canvas.Anchor.END, SLANT, Palette.TEXT);
            } else {
                label(c, t, x, by + TICK + 12, Canvas.Anchor.MIDDLE);
            }
        }
        for (Tick t : ys.ticks()) {
            double y = sy(t.value());
            c.polyline(new double[] {x0 - TICK, x0}, new double[] {y, y}, 2, Palette.FRAME, 1f, false);
            label(c, t, x0 - TICK - 3, y + 4, Canvas.Anchor.END);
        }
        if (p.x.label() != null) {
            double tickHeight = slanted ? xTickDrop() : 14;
            c.text(p.x.label(), x0 + w / 2, by + TICK + 3 + tickHeight + 13, Canvas.Text.LABEL, Canvas.Anchor.MIDDLE,
                    0, Palette.TEXT);
        }
        if (p.y.label() != null) {
            double widest = 0;
            for (Tick t : ys.ticks()) widest = Math.max(widest, labelWidth(t));
            c.text(p.y.label(), x0 - TICK - 4 - widest - 8, y0 + h / 2, Canvas.Text.LABEL, Canvas.Anchor.MIDDLE, 90,
                    Palette.TEXT);
        }
    }

    private double xTickDrop() {
        double widest = 0;
        for (Tick t : xs.ticks()) widest = Math.max(widest, labelWidth(t));
        return widest * Math.sin(Math.toRadians(SLANT)) + 14;
    }

    /** A tick label anchored at (x, y), its exponent raised after it. */
    private static void label(Canvas c, Tick t, double x, double y, Canvas.Anchor anchor) {
        if (t.exponent() == null) {
            c.text(t.text(), x, y, Canvas.Text.TICK, anchor, 0, Palette.TEXT);
            return;
        }
        double total = labelWidth(t), start = anchor == Canvas.Anchor.END ? x - total
                : anchor == Canvas.Anchor.MIDDLE ? x - total / 2 : x;
        c.text(t.text(), start, y, Canvas.Text.TICK, Canvas.Anchor.START, 0, Palette.TEXT);
        c.text(t.exponent(), start + Canvas.width(t.text(), Canvas.Text.TICK) + 1, y - 5, Canvas.Text.EXPONENT,
                Canvas.Anchor.START, 0, Palette.TEXT);
    }

    private void drawSeries(Canvas c, Series s) {
        Color col = Palette.color(s.color);
        switch (s.kind) {
            case BAND:
                for (int[] run : runs(s.x, s.lo, s.hi)) band(c, s, run, col);
                break;
            case POINTS:
                for (int i = 0; i < s.x.length; i++) {
                    double x = sx(s.x[i]), y = sy(s.y[i]);
                    if (Double.isFinite(x) && Double.isFinite(y)) c.circle(x, y, POINT_RADIUS, col, POINT_OPACITY);
                }
                break;
            case INTERVALS:
                for (int i = 0; i < s.x.length; i++) interval(c, s, i, col);
                break;
            default:
                for (int[] run : runs(s.x, s.y, s.y)) line(c, s, run, col);
        }
    }

    /** Index ranges [from, to) over which x and both value arrays are drawable. */
    private List<int[]> runs(double[] x, double[] a, double[] b) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= a.length; i++) {
            boolean ok = i < a.length && Double.isFinite(sy(a[i])) && Double.isFinite(sy(b[i]))
                    && !Double.isNaN(sx(x[i]));
            if (ok && start < 0) start = i;
            if (!ok && start >= 0) {
                out.add(new int[] {start, i});
                start = -1;
            }
        }
        return out;
    }

    private void line(Canvas c, Series s, int[] run, Color col) {
        double[][] pts = path(s.x, s.y, run, s.stepped);
        c.polyline(pts[0], pts[1], pts[0].length, col, LINE_WIDTH, s.dashed);
        if (s.markers) {
            for (int i = run[0]; i < run[1]; i++) c.circle(sx(s.x[i]), sy(s.y[i]), MARK_RADIUS, col, 1f);
        }
    }

    private void band(Canvas c, Series s, int[] run, Color col) {
        double[][] up = path(s.x, s.hi, run, s.stepped), down = path(s.x, s.lo, run, s.stepped);
        int n = up[0].length;
        double[] px = new double[2 * n], py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = up[0][i];
            py[i] = up[1][i];
            px[2 * n - 1 - i] = down[0][i];
            py[2 * n - 1 - i] = down[1][i];
        }
        c.polygon(px, py, 2 * n, col, BAND_OPACITY);
    }

    /** Canvas points of (x, v) over {@code run}; a step path holds each value until the next x. */
    private double[][] path(double[] x, double[] v, int[] run, boolean stepped) {
        int n = run[1] - run[0], m = stepped ? 2 * n - 1 : n;
        double[] px = new double[m], py = new double[m];
        for (int i = 0, j = 0; i < n; i++) {
            int k = run[0] + i;
            if (stepped && i > 0) {
                px[j] = sx(x[k]);
                py[j++] = sy(v[k - 1]);
            }
            px[j] = sx(x[k]);
            py[j++] = sy(v[k]);
        }
        return new double[][] {px, py};
    }

    private void interval(Canvas c, Series s, int i, Color col) {
        double x = sx(s.x[i]), y = sy(s.y[i]), lo = sy(s.lo[i]), hi = sy(s.hi[i]);
        if (!Double.isFinite(x)) return;
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            c.polyline(new double[] {x, x}, new double[] {lo, hi}, 2, col, 1.6f, false);
            c.polyline(new double[] {x - CAP, x + CAP}, new double[] {lo, lo}, 2, col, 1.6f, false);
            c.polyline(new double[] {x - CAP, x + CAP}, new double[] {hi, hi}, 2, col, 1.6f, false);
        }
        if (Double.isFinite(y)) c.circle(x, y, MARK_RADIUS + 0.6, col, 1f);
    }
}
