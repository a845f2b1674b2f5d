package dev.relulab.cli;

import static dev.relulab.cli.CollapseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's summary.json against docs/summary-json.md: header, keys, types, no NaN, fractions in [0, 1]. */
class SummarySchemaTest {
    @TempDir static Path dir;

    /** A documented key: its type ("string or null", ...) and whether it may be left out. */
    record Key(String type, boolean optional) {}

    static final Map<String, Map<String, Key>> DOC = new LinkedHashMap<>();

    @BeforeAll
    static void readTheDoc() throws IOException {
        String section = null;
        Pattern row = Pattern.compile("^\\| `([a-z_0-9]+)` \\| ([a-z ]+) \\| (.*)\\|$");
        for (String line : Files.readAllLines(Path.of("docs", "summary-json.md"))) {
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                DOC.put(section, new LinkedHashMap<>());
                continue;
            }
            Matcher m = row.matcher(line);
            if (section != null && m.matches()) {
                DOC.get(section).put(m.group(1), new Key(m.group(2).trim(), m.group(3).trim().startsWith("optional")));
            }
        }
        assertTrue(DOC.containsKey("header") && DOC.get("header").size() == 10, DOC.keySet().toString());
    }

    static boolean hasType(JsonNode v, String type) {
        for (String t : type.split(" or ")) {
            switch (t.trim()) {
                case "string": if (v.isTextual()) return true; break;
                case "integer": if (v.isIntegralNumber()) return true; break;
                case "number": if (v.isNumber()) return true; break;
                case "boolean": if (v.isBoolean()) return true; break;
                case "array": if (v.isArray()) return true; break;
                case "object": if (v.isObject()) return true; break;
                case "null": if (v.isNull()) return true; break;
                default: throw new AssertionError("unknown type '" + t + "' in docs/summary-json.md");
            }
        }
        return false;
    }

    /** Checks {@code folder}'s summary.json; returns it. */
    static JsonNode check(Path folder, String experiment) throws IOException {
        String text = Files.readString(folder.resolve("summary.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), folder + ": a non-finite number as text");
        JsonNode s = new ObjectMapper().readTree(text);
        assertEquals(experiment, s.path("experiment").asText(), folder.toString());
        Map<String, Key> body = DOC.get(experiment);
        assertTrue(body != null, "docs/summary-json.md has no section " + experiment);
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        List<String> header = new ArrayList<>(DOC.get("header").keySet());
        assertEquals(header, keys.subList(0, header.size()), experiment + ": the header keys in order");
        for (String k : keys) {
            Key doc = DOC.get("header").containsKey(k) ? DOC.get("header").get(k) : body.get(k);
            assertTrue(doc != null, experiment + ": key " + k + " is not documented in docs/summary-json.md");
            assertTrue(hasType(s.get(k), doc.type()), experiment + "." + k + " is " + s.get(k) + ", not " + doc.type());
        }
        for (Map.Entry<String, Key> e : body.entrySet()) {
            assertTrue(e.getValue().optional() || s.has(e.getKey()), experiment + " lacks documented " + e.getKey());
        }
        assertTrue(s.get("command_line").asText().startsWith("relulab "), s.get("command_line").asText());
        fractions(s, experiment);
        return s;
    }

    /** Every *_fraction number (and a proportion's fraction), at any depth, in [0, 1]. */
    static void fractions(JsonNode n, String where) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean fraction = e.getKey().equals("fraction") || e.getKey().endsWith("_fraction")
                        || e.getKey().startsWith("dead_fraction") || e.getKey().contains("fraction_");
                if (fraction) inUnit(e.getValue(), where + "." + e.getKey());
                fractions(e.getValue(), where + "." + e.getKey());
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) fractions(c, where);
        }
    }

    static void inUnit(JsonNode v, String where) {
        if (v.isNumber()) assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1, where + " = " + v + " is not in [0, 1]");
        else if (v.isArray() || v.isObject()) for (JsonNode c : v) if (c.isNumber()) inUnit(c, where);
    }

    static final String[] T = {"--engine", "cpu", "--threads", "1"};

    static String[] args(Path out, String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(T));
        l.add("--out");
        l.add(out.toString());
        return l.toArray(new String[0]);
    }

    static void ok(String... a) {
        CollapseCommandTest.Result r = run(a);
        assertEquals(0, r.code, String.join(" ", a) + ": " + r.err);
    }

    @Test
    void everyCommandsSummaryFollowsTheDocumentedSchema() throws IOException {
        String[] tiny = {"--networks", "8", "--points", "32", "--test-points", "8", "--epochs", "1"};
        List<String> c = new ArrayList<>(List.of("collapse"));
        c.addAll(List.of(tiny));
        ok(args(dir.resolve("c"), c.toArray(new String[0])));
        check(dir.resolve("c"), "collapse");
        List<String> g = new ArrayList<>(c);
        g.addAll(List.of("--depths", "2,3"));
        ok(args(dir.resolve("g"), g.toArray(new String[0])));
        check(dir.resolve("g"), "collapse-grid");
        for (int k = 1; k <= 2; k++) {
            List<String> s = new ArrayList<>(c);
            s.addAll(List.of("--shard", k + "/2"));
            ok(args(dir.resolve("s" + k), s.toArray(new String[0])));
            assertTrue(check(dir.resolve("s" + k), "collapse").has("shard"));
        }
        ok("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out", dir.resolve("m").toString());
        JsonNode m = check(dir.resolve("m"), "collapse");
        assertEquals(2, m.get("merged_shards").asInt());
        assertTrue(m.get("command_line").asText().startsWith("relulab merge "), m.get("command_line").asText());
        ok(args(dir.resolve("ci"), "constant-init", "--epochs", "1"));
        check(dir.resolve("ci"), "constant-init");
        ok(args(dir.resolve("v"), "variants", "--epochs", "1", "--activations", "relu,elu"));
        check(dir.resolve("v"), "variants");
        ok(args(dir.resolve("van"), "vanishing", "--epochs", "1", "--networks", "1"));
        check(dir.resolve("van"), "vanishing");
        ok("activations", "--out", dir.resolve("a").toString());
        JsonNode a = check(dir.resolve("a"), "activations");
        assertTrue(a.get("seed").isNull() && a.get("engine").asText().equals("none"));
        Path tgz = ScorecardCommandTest.tinyMnist(dir);
        ok(args(dir.resolve("mn"), "mnist-lr", "--data", tgz.toString(), "--rates", "0.1,0.01", "--seeds", "1",
                "--epochs", "1", "--batch", "16"));
        JsonNode mn = check(dir.resolve("mn"), "mnist-lr");
        assertEquals(42, mn.get("seed").asInt());
        ok(ScorecardCommandTest.tiny(tgz, dir.resolve("sc")));
        JsonNode sc = check(dir.resolve("sc"), "scorecard");
        assertEquals("cpu", sc.get("engine").asText());
    }

    @Test
    void theDocumentedExperimentsAreExactlyTheOnesTheCommandsWrite() {
        assertEquals(List.of("header", "collapse", "collapse-grid", "mnist-lr", "constant-init", "variants",
                "vanishing", "activations", "scorecard"), new ArrayList<>(DOC.keySet()));
    }
}
