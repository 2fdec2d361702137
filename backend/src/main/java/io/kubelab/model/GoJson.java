package io.kubelab.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Go's {@code encoding/json} as Kubernetes' components and kubectl write object trees: strings escaped as Go
 * escapes them (HTML characters, U+2028/U+2029, C0 controls with the {@code \b \f \n \r \t} short forms, text that
 * is not valid UTF-16 as U+FFFD), map keys in byte order, float64 texts from {@link GoFloats#json}.
 * {@link #marshal} is {@code json.Marshal} of a tree decoded into {@code map[string]interface{}}: compact, and every
 * number a float64 (the controllers hash revision data as these bytes, so they must be Go's exactly).
 */
public final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Function<JsonNode, String> FLOAT64 = n -> GoFloats.json(n.doubleValue());

    private GoJson() {
    }

    /** {@code json.Marshal} of the tree after {@code json.Unmarshal} into {@code interface{}}. */
    public static String marshal(JsonNode node) {
        return marshal(node, FLOAT64);
    }

    /** {@code json.Marshal}, numbers written by {@code numbers} (Go's type for them depends on how they were decoded). */
    public static String marshal(JsonNode node, Function<JsonNode, String> numbers) {
        StringBuilder out = new StringBuilder(1024);
        compact(out, node, numbers);
        return out.toString();
    }

    private static void compact(StringBuilder out, JsonNode node, Function<JsonNode, String> numbers) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            String[] keys = sortedKeys(node);
            out.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, keys[i]);
                out.append(':');
                compact(out, node.get(keys[i]), numbers);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                compact(out, node.get(i), numbers);
            }
            out.append(']');
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(numbers.apply(node));
        } else {
            appendString(out, node.asText());
        }
    }

    /** An object's keys in the order Go writes a map's: by UTF-8 bytes. */
    public static String[] sortedKeys(JsonNode object) {
        String[] keys = new String[object.size()];
        int i = 0;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys[i++] = it.next();
        }
        Arrays.sort(keys, GoJson::compareKeys);
        return keys;
    }

    /** Go compares strings by UTF-8 bytes, which is code point order (not UTF-16 order). */
    public static int compareKeys(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) != Character.isSurrogate(y)) {
                    return Character.isSurrogate(x) ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** A JSON string as encoding/json writes it, with HTML escaping on (Go's default). */
    public static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd"); // what encoding/json writes for text that is not valid UTF-8
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
