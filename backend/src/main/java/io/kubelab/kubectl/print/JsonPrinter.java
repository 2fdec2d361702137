package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl -o json}: cli-runtime's JSONPrinter, encoding/json's MarshalIndent with four spaces and a final
 * newline. Objects from the server are unstructured maps, so keys come out in byte order; strings are escaped as
 * Go escapes them ({@code <}, {@code >}, {@code &} as {@code \u003c}..., U+2028/U+2029, C0 controls with
 * {@code \b \f \n \r \t} short forms); numbers as int64 or float64 (see {@link GoFloats#json}). Several objects
 * printed in turn are simply concatenated.
 */
public final class JsonPrinter {

    private static final String INDENT = "    ";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonPrinter() {
    }

    /** One object, keys sorted (as kubectl prints anything it read from the server). */
    public static String print(JsonNode object) {
        StringBuilder out = new StringBuilder(2048);
        value(out, object, 0, true);
        return out.append('\n').toString();
    }

    /**
     * One object with its keys in the tree's own order: kubectl's output for typed objects it built itself
     * ({@code create ... --dry-run=client -o json} prints Go struct field order: kind, apiVersion, metadata...).
     */
    public static String printInOrder(JsonNode object) {
        StringBuilder out = new StringBuilder(2048);
        value(out, object, 0, false);
        return out.append('\n').toString();
    }

    /** Objects printed by one printer in turn, one after the other. */
    public static String printEach(List<? extends JsonNode> objects) {
        StringBuilder out = new StringBuilder(2048 * objects.size());
        for (JsonNode object : objects) {
            value(out, object, 0, true);
            out.append('\n');
        }
        return out.toString();
    }

    private static void value(StringBuilder out, JsonNode node, int depth, boolean sortKeys) {
        if (node.isObject()) {
            object(out, node, depth, sortKeys);
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (JsonNode item : node) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, depth + 1);
                value(out, item, depth + 1, sortKeys);
            }
            out.append('\n');
            indent(out, depth);
            out.append(']');
        } else if (node.isTextual()) {
            string(out, node.textValue());
        } else if (node.isNumber()) {
            out.append(JsonNumbers.text(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            out.append("null");
        }
    }

    private static void object(StringBuilder out, JsonNode node, int depth, boolean sortKeys) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        String[] keys = new String[node.size()];
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            keys[i++] = it.next().getKey();
        }
        if (sortKeys) {
            Arrays.sort(keys, JsonPrinter::compareBytes);
        }
        out.append('{');
        for (i = 0; i < keys.length; i++) {
            out.append(i == 0 ? "\n" : ",\n");
            indent(out, depth + 1);
            string(out, keys[i]);
            out.append(": ");
            value(out, node.get(keys[i]), depth + 1, sortKeys);
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    /** Go compares strings by UTF-8 bytes, which is code point order (not UTF-16 order). */
    static int compareBytes(String a, String b) {
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

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }

    static void string(StringBuilder out, String s) {
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
