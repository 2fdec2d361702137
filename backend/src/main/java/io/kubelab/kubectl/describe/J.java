package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading object trees the way Go reads its typed structs: an absent field is the zero value. */
final class J {

    private J() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node == null ? MissingNode.getInstance() : node;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    /** A string field; {@code ""} when absent or null, numbers and booleans as Go's {@code %v} prints them. */
    static String str(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    static long num(JsonNode node, String... path) {
        return at(node, path).asLong(0);
    }

    static boolean bool(JsonNode node, String... path) {
        return at(node, path).asBoolean(false);
    }

    static boolean has(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return !n.isMissingNode() && !n.isNull();
    }

    /** Elements of an array field (none when absent). */
    static List<JsonNode> list(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<JsonNode> out = new ArrayList<>(n.size());
        if (n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    static List<String> strings(JsonNode node, String... path) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : list(node, path)) {
            out.add(e.asText());
        }
        return out;
    }

    /** A string map field, sorted by key (Go ranges maps in random order; describe sorts where it prints). */
    static Map<String, String> map(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        Map<String, String> out = new TreeMap<>();
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        }
        return out;
    }

    /** Go's {@code %v} of a string slice: {@code [a b c]}. */
    static String goSlice(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    /** An int-or-string value as {@code intstr.String()} prints it. */
    static String intOrString(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "0" : n.asText();
    }
}
