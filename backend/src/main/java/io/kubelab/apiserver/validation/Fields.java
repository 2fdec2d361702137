package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading an unstructured object the way Go reads a decoded struct: absent fields are zero values. */
final class Fields {

    private Fields() {
    }

    /** Set and not JSON null. */
    static boolean has(JsonNode node, String name) {
        JsonNode v = node.path(name);
        return !v.isMissingNode() && !v.isNull();
    }

    /** The string, or "" when absent (Go's zero value). */
    static String str(JsonNode node, String name) {
        JsonNode v = node.path(name);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    static long num(JsonNode node, String name, long zero) {
        JsonNode v = node.path(name);
        return v.isNumber() ? v.asLong() : v.isTextual() ? parseOr(v.asText(), zero) : zero;
    }

    static boolean bool(JsonNode node, String name) {
        return node.path(name).asBoolean(false);
    }

    /** The elements of a list, empty when absent. */
    static List<JsonNode> list(JsonNode node, String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = node.path(name);
        if (v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    static List<String> strings(JsonNode node, String name) {
        return list(node, name).stream().map(JsonNode::asText).toList();
    }

    /** A {@code map[string]string} in document order, or null when absent (Go's nil map). */
    static Map<String, String> stringMap(JsonNode node, String name) {
        JsonNode v = node.path(name);
        if (!v.isObject()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    static Map<String, String> stringMapOrEmpty(JsonNode node, String name) {
        Map<String, String> m = stringMap(node, name);
        return m == null ? Map.of() : m;
    }

    private static long parseOr(String s, long zero) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return zero;
        }
    }
}
