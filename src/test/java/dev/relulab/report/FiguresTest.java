package dev.relulab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FiguresTest {
    @TempDir
    Path tmp;

    @Test
    void panelSvgNestsEveryChartAtItsCellWithUniqueIds() throws Exception {
        List<XYChart> charts = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            // panels 3 and 4 draw the same chart, whose SVGs carry the same ids before prefixing
            int v = Math.min(k, 3);
            XYChart c = Charts.xy("panel " + v, "x", "y");
            Charts.line(c, "s" + v, new double[] {1, 2, 3}, new double[] {v, 2 * v, 3 * v}, v);
            charts.add(c);
        }
        OutputFolder folder = OutputFolder.open(tmp.resolve("run"), "--out", OutputFolder.Mode.NEW);
        assertEquals("grid.png", Figures.writePanels(folder, "grid", charts, 3));
        folder.commit();
        folder.close();
        tmp = tmp.resolve("run");
        assertTrue(Files.size(tmp.resolve("grid.png")) > 0);
        String svg = Files.readString(tmp.resolve("grid.svg"));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        int w = charts.get(0).getWidth(), h = charts.get(0).getHeight();
        assertEquals(3 * w + "px", root.getAttribute("width"));
        assertEquals(2 * h + "px", root.getAttribute("height"));
        NodeList panels = root.getChildNodes();
        int seen = 0;
        for (int i = 0; i < panels.getLength(); i++) {
            if (!(panels.item(i) instanceof Element) || !"svg".equals(((Element) panels.item(i)).getLocalName())) continue;
            Element p = (Element) panels.item(i);
            assertEquals((seen % 3) * w + "px", p.getAttribute("x"), "panel " + seen);
            assertEquals((seen / 3) * h + "px", p.getAttribute("y"), "panel " + seen);
            assertTrue(p.getElementsByTagName("*").getLength() > 20, "panel " + seen + " holds a drawn chart");
            NodeList inner = p.getElementsByTagName("*");
            for (int j = 0; j < inner.getLength(); j++) {
                String id = ((Element) inner.item(j)).getAttribute("id");
                assertTrue(id.isEmpty() || id.startsWith("p" + seen + "_"), "panel " + seen + " has id " + id);
            }
            seen++;
        }
        assertEquals(5, seen);
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) assertTrue(ids.add(id), "id " + id + " appears twice");
        }
        for (String ref : svg.split("url\\(#").length > 1 ? svg.split("url\\(#") : new String[0]) {
            if (ref.startsWith("<")) continue;
            String id = ref.substring(0, ref.indexOf(')'));
            assertTrue(ids.contains(id), "url(#" + id + ") points at no element");
        }
    }
}
