package dev.relulab.report.figure;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** A canvas that draws with Java2D on a white image of {@code scale} pixels per layout unit. */
final class PngCanvas implements Canvas {
    private static final float[] DASH = {6f, 4f};
    private final BufferedImage image;
    private final Graphics2D g;

    PngCanvas(double width, double height, double scale) {
        image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Color c, float width, boolean dashed) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) p.lineTo(x[i], y[i]);
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                dashed ? DASH : null, 0f));
        g.draw(p);
    }

    @Override
    public void polygon(double[] x, double[] y, int n, Color fill, float opacity) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) p.lineTo(x[i], y[i]);
        p.closePath();
        withOpacity(opacity, () -> {
            g.setColor(fill);
            g.fill(p);
        });
    }

    @Override
    public void circle(double x, double y, double r, Color fill, float opacity) {
        withOpacity(opacity, () -> {
            g.setColor(fill);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        });
    }

    @Override
    public void rect(double x, double y, double w, double h, Color stroke, Color fill) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(fill);
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(stroke);
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void text(String s, double x, double y, Text style, Anchor anchor, double degrees, Color c) {
        AffineTransform t = g.getTransform();
        g.translate(x, y);
        if (degrees != 0) g.rotate(-Math.toRadians(degrees));
        double w = Canvas.width(s, style);
        double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
        g.setFont(Fonts.font(style));
        g.setColor(c);
        g.drawString(s, (float) dx, 0f);
        g.setTransform(t);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    private void withOpacity(float opacity, Runnable draw) {
        java.awt.Composite old = g.getComposite();
        if (opacity < 1f) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
        draw.run();
        g.setComposite(old);
    }

    BufferedImage image() {
        return image;
    }

    byte[] png() throws IOException {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
