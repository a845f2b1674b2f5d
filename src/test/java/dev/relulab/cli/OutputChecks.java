package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Checks of a run's output folder: figures that decode, a report.html whose links all resolve, summary keys. */
final class OutputChecks {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private OutputChecks() {}

    static void assertFigure(Path dir, String stem) throws IOException {
        Path png = dir.resolve(stem + ".png"), svg = dir.resolve(stem + ".svg");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(PNG_MAGIC, head, png + " is not a PNG");
        var image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() > 100 && image.getHeight() > 100, png + " does not decode");
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(s.contains("<svg") && s.trim().endsWith("</svg>"), svg + " is not a complete SVG document");
        org.w3c.dom.Element root;
        try {
            root = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(svg.toFile()).getDocumentElement();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(svg + " is not well-formed XML: " + e.getMessage(), e);
        }
        assertTrue(root.getElementsByTagName("text").getLength() > 3, svg + " has no text (title, labels, ticks)");
        assertTrue(Math.abs(Double.parseDouble(root.getAttribute("width")) - image.getWidth()) <= 1
                && Math.abs(Double.parseDouble(root.getAttribute("height")) - image.getHeight()) <= 1,
                svg + " is " + root.getAttribute("width") + " x " + root.getAttribute("height") + ", its PNG "
                        + image.getWidth() + " x " + image.getHeight() + ": not one layout");
    }

    /** Every src/href of report.html is a relative path to a file that exists; returns them. */
    static List<String> assertReportLinksResolve(Path dir) throws IOException {
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        Matcher m = LINK.matcher(html);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            String link = m.group(1);
            assertFalse(link.contains(":") || link.startsWith("/"), "report.html link " + link + " is not relative");
            assertTrue(Files.isRegularFile(dir.resolve(link)), "report.html refers to missing " + link);
            links.add(link);
        }
        assertTrue(links.stream().anyMatch(l -> l.endsWith(".png")), "report.html shows no figure");
        return links;
    }

    static JsonNode summary(Path dir, String experiment, String... keys) throws IOException {
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        for (String k : List.of("experiment", "engine", "seconds")) assertTrue(s.has(k), "summary.json lacks " + k);
        for (String k : keys) assertTrue(s.has(k), "summary.json lacks " + k);
        assertTrue(experiment.equals(s.get("experiment").asText()), "experiment is " + s.get("experiment"));
        return s;
    }
}
