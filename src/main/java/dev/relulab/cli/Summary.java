package dev.relulab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable result of an experiment: {@code summary.json} with experiment, engine, seconds and runs. */
final class Summary {
    private Summary() {}

    static Map<String, Object> of(String experiment, String engine, double seconds, Map<String, Object> config,
                                  List<Map<String, Object>> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        m.put("engine", engine);
        m.put("seconds", seconds);
        m.put("version", VersionProvider.version());
        m.put("config", config);
        m.put("runs", runs);
        return m;
    }

    static Path write(Path folder, Map<String, Object> summary) {
        Path file = folder.resolve("summary.json");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
