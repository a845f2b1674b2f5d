package dev.relulab.report;

import dev.relulab.report.figure.Figure;
import dev.relulab.report.figure.FigureFormat;
import java.io.IOException;

/** Writes a figure as {@code name.png} and {@code name.svg} into a run's folder, in the folder's figure format. */
public final class Figures {
    /** A written figure: the files' stem and the layout size the report shows the PNG at. */
    public record Written(String stem, int width, int height) {}

    private Figures() {}

    /** Renders {@code figure} to both files (each atomically) and returns what the report links to. */
    public static Written write(OutputFolder folder, String name, Figure figure) throws IOException {
        FigureFormat format = folder.figureFormat();
        folder.writeBytes(name + ".png", format.png(figure));
        folder.writeBytes(name + ".svg", format.svg(figure));
        double[] size = format.size(figure);
        return new Written(name, (int) Math.round(size[0]), (int) Math.round(size[1]));
    }
}
