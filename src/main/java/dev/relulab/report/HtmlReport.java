package dev.relulab.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}: a run's tables and figures on one page that opens from disk, with every image linked by a
 * relative path to a file in the same folder (PNG shown, SVG one click away).
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<String> files = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; cells are shown as their text. */
    public HtmlReport table(String[] header, List<String[]> rows) {
        body.append("<div class=\"scroll\"><table>\n<tr>");
        for (String h : header) body.append("<th>").append(escape(h)).append("</th>");
        body.append("</tr>\n");
        for (String[] r : rows) {
            body.append("<tr>");
            for (String c : r) body.append("<td>").append(escape(c)).append("</td>");
            body.append("</tr>\n");
        }
        body.append("</table></div>\n");
        return this;
    }

    /** The figure written by {@link Figures#write}, shown at its layout size (its PNG may hold more pixels). */
    public HtmlReport figure(Figures.Written fig, String caption) {
        String stem = fig.stem();
        files.add(stem + ".png");
        files.add(stem + ".svg");
        body.append("<figure><a href=\"").append(escape(stem)).append(".svg\"><img src=\"").append(escape(stem))
                .append(".png\" width=\"").append(fig.width()).append("\" height=\"").append(fig.height())
                .append("\" alt=\"").append(escape(caption)).append("\"></a><figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /** A link to another file of the run (summary.json, a CSV). */
    public HtmlReport link(String file, String text) {
        files.add(file);
        body.append("<p><a href=\"").append(escape(file)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    /** The files the page refers to, relative to its folder. */
    public List<String> files() {
        return List.copyOf(files);
    }

    private static final String STYLE = "body{font-family:sans-serif;max-width:1400px;margin:2em auto;color:#222}"
            + ".scroll{overflow-x:auto}table{border-collapse:collapse;margin:1em 0;font-size:90%}"
            + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;font-variant-numeric:tabular-nums}"
            + "th{background:#f3f3f3}td:first-child{text-align:left}"
            + "figure{display:inline-block;vertical-align:top;margin:1em 1em 1em 0}"
            + "img{max-width:100%;height:auto;border:1px solid #eee}figcaption{color:#555;font-size:90%}";

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style></head><body>\n<h1>" + escape(title) + "</h1>\n" + body
                + "</body></html>\n";
    }

    public void write(OutputFolder folder) throws IOException {
        folder.write("report.html", w -> w.write(html()));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
