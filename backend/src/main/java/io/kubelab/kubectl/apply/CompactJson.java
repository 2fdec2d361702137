package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Go's {@code json.Marshal} of an object, compact: a typed object (what kubectl's generators build) keeps
 * its struct's field order, which our trees keep as insertion order; an unstructured one (read from a
 * file) has its map keys sorted. Strings escape {@code <>&} as Go's encoder does.
 */
public final class CompactJson {

    private CompactJson() {
    }

    public static String write(JsonNode node, boolean sortKeys) {
        StringBuilder out = new StringBuilder();
        write(out, node, sortKeys);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node, boolean sortKeys) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            if (sortKeys) {
                keys.sort(null);
            }
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, keys.get(i));
                out.append(':');
                write(out, node.get(keys.get(i)), sortKeys);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, node.get(i), sortKeys);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(out, node.textValue());
        } else {
            out.append(node.toString());
        }
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
