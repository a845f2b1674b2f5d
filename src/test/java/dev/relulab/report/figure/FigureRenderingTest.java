package dev.relulab.report.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The renderer: what the SVG says (text, one legend, clips), that the PNG is the same layout, and SVG sizes. */
class FigureRenderingTest {
    static Figure twoPanels() {
        double[] x = {1, 2, 3, 4}, a = {0.1, 0.4, Double.NaN, 0.8}, b = {0.2, 0.3, 0.5, 0.6};
        Plot p = new Plot("left", Axis.linear("epoch").integer().exact(), Axis.linear("dead fraction").including(0));
        p.band("a band", 0, x, new double[] {0, 0.3, 0.4, 0.7}, new double[] {0.2, 0.5, 0.6, 0.9}).unlisted();
        p.line("alpha", 0, x, a).markers();
        Plot q = new Plot("right", Axis.linear("epoch").integer().exact(), Axis.linear("dead fraction").including(0));
        q.line("alpha", 0, x, b);
        q.intervals("beta", 1, x, b, new double[] {0.1, 0.2, 0.4, 0.5}, new double[] {0.3, 0.4, 0.6, 2.0});
        return new Figure("Two panels").add(p).add(q).grid(2, 900, 300).sharedY().note("a note under the panels");
    }

    static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagName("text");
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
        return out;
    }

    static Document parse(byte[] svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    @Test
    void theSvgCarriesTitlesLabelsTicksAndOneLegendEntryPerName() throws Exception {
        Figure f = twoPanels();
        Document d = parse(FigureFormat.DEFAULT.svg(f));
        List<String> t = texts(d);
        for (String s : List.of("Two panels", "left", "right", "epoch", "dead fraction", "a note under the panels")) {
            assertTrue(t.contains(s), s + " missing from " + t);
        }
        assertEquals(1, t.stream().filter("alpha"::equals).count(), "one legend entry for a name in two panels");
        assertEquals(1, t.stream().filter("beta"::equals).count());
        assertTrue(t.stream().noneMatch(s -> s.equals("a band")), "an unlisted band has no legend entry");
        assertEquals(List.of("alpha", "beta"), f.legend().stream().map(s -> s.name).toList());
        // shared scale: both panels end at the same top tick (the right panel's interval reaches 2.0)
        assertEquals(f.yScale(0, 6), f.yScale(1, 6));
        assertTrue(f.yScale(0, 6).max() >= 2.0);
        assertEquals(2, t.stream().filter("0"::equals).count(), "a 0 tick on each panel's y axis: " + t);
        Set<String> ids = new HashSet<>();
        NodeList clips = d.getElementsByTagName("clipPath");
        for (int i = 0; i < clips.getLength(); i++) ids.add(((Element) clips.item(i)).getAttribute("id"));
        assertEquals(2, ids.size(), "one clip per panel");
        NodeList g = d.getElementsByTagName("g");
        for (int i = 0; i < g.getLength(); i++) {
            String ref = ((Element) g.item(i)).getAttribute("clip-path").replace("url(#", "").replace(")", "");
            assertTrue(ids.contains(ref), "clip " + ref + " is not defined");
        }
    }

    @Test
    void aNanBreaksALineAndUnsharedPanelsKeepTheirOwnScales() throws Exception {
        Figure f = twoPanels();
        int polylines = parse(FigureFormat.DEFAULT.svg(f)).getElementsByTagName("polyline").getLength();
        Figure one = new Figure(null).add(f.panels().get(0)).grid(1, 800, 300);
        Figure gap = new Figure(null).add(new Plot("p", Axis.linear("x"), Axis.linear("y")));
        gap.panels().get(0).line("l", 0, new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        int solid = count(gap, "polyline"), broken;
        Figure g2 = new Figure(null).add(new Plot("p", Axis.linear("x"), Axis.linear("y")));
        g2.panels().get(0).line("l", 0, new double[] {1, 2, 3, 4}, new double[] {1, 2, Double.NaN, 4});
        broken = count(g2, "polyline");
        assertEquals(solid + 1, broken, "the NaN splits the line in two (the second part a single point)");
        assertTrue(polylines > 0);
        Figure unshared = new Figure(null).add(f.panels().get(0)).add(f.panels().get(1)).grid(2, 900, 300);
        assertTrue(unshared.yScale(0, 6).max() < unshared.yScale(1, 6).max(), "each panel its own scale");
        assertTrue(one.yScale(0, 6).min() == 0, "including(0)");
    }

    private static int count(Figure f, String tag) throws Exception {
        return parse(FigureFormat.DEFAULT.svg(f)).getElementsByTagName(tag).getLength();
    }

    @Test
    void thePngIsTheSvgsLayoutAtTheAskedScaleAndDrawsTheSeries() throws Exception {
        Figure f = twoPanels();
        for (double scale : new double[] {1, 2}) {
            FigureFormat fmt = new FigureFormat(0, scale);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(fmt.png(f)));
            Element svg = parse(fmt.svg(f)).getDocumentElement();
            assertEquals(Math.ceil(Double.parseDouble(svg.getAttribute("width")) * scale), img.getWidth());
            assertEquals(Math.ceil(Double.parseDouble(svg.getAttribute("height")) * scale), img.getHeight());
            int blue = 0, orange = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    if (rgb == 0x1f77b4) blue++;
                    if (rgb == 0xff7f0e) orange++;
                }
            }
            assertTrue(blue > 50 * scale && orange > 20 * scale, "series pixels: blue " + blue + ", orange " + orange);
        }
        FigureFormat wide = new FigureFormat(1200, 1);
        assertEquals(900 * 1.5, wide.size(f)[0], 1e-9, "--figure-width 1200 grows every figure by 1200/800");
    }

    @Test
    void tenLinesOfSixHundredPointsMakeASmallSvg() throws Exception {
        // the XChart SVG of the activations figure (10 curves x 601 points) weighed 1.6 MB
        Plot p = new Plot("ten curves", Axis.linear("z").exact(), Axis.linear("phi"));
        double[] z = new double[601];
        for (int i = 0; i < z.length; i++) z[i] = -3 + 6.0 * i / 600;
        for (int k = 0; k < 10; k++) {
            double[] y = new double[z.length];
            for (int i = 0; i < z.length; i++) y[i] = Math.tanh((k + 1) * 0.3 * z[i]) + 0.1 * k;
            p.line("curve " + k, k, z, y);
        }
        byte[] svg = FigureFormat.DEFAULT.svg(Figure.of(p));
        assertTrue(svg.length < 40_000, "SVG of " + svg.length + " bytes");
        NodeList lines = parse(svg).getElementsByTagName("polyline");
        int series = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            if ("2".equals(((Element) lines.item(i)).getAttribute("stroke-width"))) series++;
        }
        assertEquals(10 + 10, series, "ten curves and their ten legend swatches; grids and ticks are 1 wide");
    }

    @Test
    void simplifiedLinesStayWithinTheTolerance() {
        int n = 500;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 40 * Math.sin(i / 30.0);
        }
        int[] keep = Polylines.simplify(x, y, n, 0.15);
        assertTrue(keep.length < n / 3 && keep[0] == 0 && keep[keep.length - 1] == n - 1, keep.length + " kept");
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (keep[k + 1] < i) k++;
            double d = Polylines.distance(x[i], y[i], x[keep[k]], y[keep[k]], x[keep[k + 1]], y[keep[k + 1]]);
            assertTrue(d <= 0.15 + 1e-12, "point " + i + " is " + d + " from the simplified line");
        }
        double[] lx = {0, 1, 2, 3, 4, 5}, ly = {0, 2, 4, 6, 8, 10};
        assertEquals(2, Polylines.simplify(lx, ly, 6, 0.15).length, "a straight line keeps its ends");
    }
}
