package dev.relulab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one writer of summary.json for every command: the {@link Provenance} header, then the command's own keys,
 * through the run's {@link OutputFolder}. JSON has no NaN or infinity, so every non-finite number is written as
 * null (a diverged network's loss, the mean of no networks).
 */
public final class SummaryJson {
    private SummaryJson() {}

    public static ObjectNode build(Provenance p, ObjectNode body) {
        ObjectNode root = p.header();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (root.has(e.getKey())) throw new IllegalArgumentException("summary key " + e.getKey() + " is the header's");
            root.set(e.getKey(), e.getValue());
        }
        return (ObjectNode) finite(root);
    }

    public static void write(OutputFolder folder, Provenance p, ObjectNode body) throws IOException {
        ObjectNode root = build(p, body);
        folder.write("summary.json", w -> Json.MAPPER.writeValue(w, root));
    }

    /** {@code node} with every NaN or infinite number replaced by null, at any depth. */
    public static JsonNode finite(JsonNode node) {
        if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return Json.MAPPER.nullNode();
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) o.set(n, finite(o.get(n)));
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) a.set(i, finite(a.get(i)));
        }
        return node;
    }
}
