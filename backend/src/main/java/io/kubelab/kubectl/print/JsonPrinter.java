package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.GoFloats;
import io.kubelab.model.GoJson;

import java.util.Iterator;
import java.util.List;

/**
 * {@code kubectl -o json}: cli-runtime's JSONPrinter, encoding/json's MarshalIndent with four spaces and a final
 * newline. Objects from the server are unstructured maps, so keys come out in byte order; strings are escaped as
 * Go escapes them ({@link GoJson#appendString}); numbers as int64 or float64 (see {@link GoFloats#json}). Several
 * objects printed in turn are simply concatenated.
 */
public final class JsonPrinter {

    private static final String INDENT = "    ";

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

    /** Go's {@code json.MarshalIndent(v, "", "  ")} of a struct, as {@code kubectl version -o json} prints. */
    public static String printInOrderTwoSpaces(JsonNode object) {
        String four = printInOrder(object);
        StringBuilder out = new StringBuilder(four.length());
        for (String line : four.split("\n", -1)) {
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            // Indentation is whole levels of four spaces; a string's own spaces come after its quote.
            out.append(" ".repeat(spaces / 2)).append(line, spaces, line.length()).append('\n');
        }
        return out.substring(0, out.length() - 1);
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
            GoJson.appendString(out, node.textValue());
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
        String[] keys = sortKeys ? GoJson.sortedKeys(node) : fieldNames(node);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            out.append(i == 0 ? "\n" : ",\n");
            indent(out, depth + 1);
            GoJson.appendString(out, keys[i]);
            out.append(": ");
            value(out, node.get(keys[i]), depth + 1, sortKeys);
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static String[] fieldNames(JsonNode node) {
        String[] keys = new String[node.size()];
        int i = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys[i++] = it.next();
        }
        return keys;
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }
}
