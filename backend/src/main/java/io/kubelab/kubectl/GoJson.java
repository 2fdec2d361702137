package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code json.MarshalIndent(v, "", "    ")} of a generic map: keys sorted, four spaces. */
final class GoJson {

    private GoJson() {
    }

    static String indent(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node, "");
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node, String indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            out.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                out.append(indent).append("    ");
                string(out, keys.get(i));
                out.append(": ");
                write(out, node.get(keys.get(i)), indent + "    ");
                out.append(i + 1 < keys.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(indent).append("    ");
                write(out, node.get(i), indent + "    ");
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            string(out, node.asText());
        } else {
            out.append(node.toString());
        }
    }

    /** Go's string encoding, which escapes <, > and & for HTML safety. */
    private static void string(StringBuilder out, String s) {
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
