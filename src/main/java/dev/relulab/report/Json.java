package dev.relulab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one configured Jackson mapper of the project, and helpers for building summaries. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The first field (dotted path) where {@code a} and {@code b} differ, with both values; null when equal. */
    public static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) return null;
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> fields = new java.util.LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                String d = firstDifference(a.path(f), b.path(f), path.isEmpty() ? f : path + "." + f);
                if (d != null) return d;
            }
        }
        return path + " (" + a + " vs " + b + ")";
    }

    public static ArrayNode array(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) a.add(v);
        return a;
    }
}
