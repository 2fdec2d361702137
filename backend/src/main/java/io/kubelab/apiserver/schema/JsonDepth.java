package io.kubelab.apiserver.schema;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Go's JSON scanner refuses nesting deeper than 10000 ({@code maxNestingDepth} in encoding/json's
 * scanner.go). The apiserver meets it first when reading the body's apiVersion and kind, before it knows
 * the kind, and answers as {@code transformDecodeError} does without one: {@code the object provided is
 * unrecognized (must be of type Pod): couldn't get version/kind; json parse error: invalid character '{'
 * exceeded max depth ({"apiVersion":"v1","kind":"Po ...)}, the last part being the body's first 30 bytes.
 * Walked without recursion, so that a hostile tree cannot overflow the stack.
 */
final class JsonDepth {

    static final int MAX_NESTING_DEPTH = 10000;
    private static final int SUMMARY_BYTES = 30;

    private JsonDepth() {
    }

    static void check(JsonNode body, String kind) {
        Iterator<?>[] stack = new Iterator<?>[8];
        int depth = 1;
        stack[0] = children(body);
        while (depth > 0) {
            Iterator<?> it = stack[depth - 1];
            if (!it.hasNext()) {
                depth--;
                continue;
            }
            Object next = it.next();
            JsonNode child = next instanceof Map.Entry<?, ?> e ? (JsonNode) e.getValue() : (JsonNode) next;
            if (!child.isContainerNode() || (child.isEmpty() && depth < MAX_NESTING_DEPTH)) {
                continue;
            }
            if (depth == MAX_NESTING_DEPTH) {
                throw new StatusException(Status.badRequest("the object provided is unrecognized (must be of type "
                        + kind + "): couldn't get version/kind; json parse error: invalid character '"
                        + (child.isObject() ? '{' : '[') + "' exceeded max depth (" + summary(body) + ")"));
            }
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = children(child);
        }
    }

    private static Iterator<?> children(JsonNode node) {
        return node.isObject() ? node.fields() : node.elements();
    }

    /** apiserver's {@code summarizeData(body, 30)} over the compact form a client sends. */
    static String summary(JsonNode body) {
        StringBuilder out = new StringBuilder();
        write(body, out);
        return out.length() > SUMMARY_BYTES ? out.substring(0, SUMMARY_BYTES) + " ..." : out.toString();
    }

    /** Compact JSON, stopping once past the summary's length (so recursion stays shallow). */
    private static void write(JsonNode node, StringBuilder out) {
        if (out.length() > SUMMARY_BYTES) {
            return;
        }
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            boolean first = true;
            while (it.hasNext() && out.length() <= SUMMARY_BYTES) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(first ? "" : ",").append('"').append(JsonStringEncoder.getInstance()
                        .quoteAsString(e.getKey())).append("\":");
                first = false;
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size() && out.length() <= SUMMARY_BYTES; i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
