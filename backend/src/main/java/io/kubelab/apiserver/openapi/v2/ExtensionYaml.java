package io.kubelab.apiserver.openapi.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The YAML text gnostic keeps in {@code Any.yaml} for a vendor extension's value: its compiler re-marshals the
 * parsed node with go-yaml v3 after clearing its style, so {@code "merge"} becomes {@code merge\n} and a
 * group-version-kind list becomes {@code - group: apps\n  kind: Deployment\n  version: v1\n}. kubectl only
 * {@code yaml.Unmarshal}s it; values nested deeper than a list of flat maps (none in Kubernetes' own
 * extensions) are written as JSON, which is YAML too.
 */
final class ExtensionYaml {

    /** Plain scalars go-yaml would read back as something other than a string. */
    private static final Set<String> NOT_STRINGS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n",
            "null", "~");

    private ExtensionYaml() {
    }

    static String of(JsonNode value) {
        if (value.isArray() && value.size() > 0) {
            StringBuilder out = new StringBuilder();
            for (JsonNode element : value) {
                if (element.isObject() && element.size() > 0 && flat(element)) {
                    String prefix = "- ";
                    for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        out.append(prefix).append(scalar(TextNode.valueOf(e.getKey()))).append(": ")
                                .append(scalar(e.getValue())).append('\n');
                        prefix = "  ";
                    }
                } else if (element.isValueNode()) {
                    out.append("- ").append(scalar(element)).append('\n');
                } else {
                    return value + "\n";
                }
            }
            return out.toString();
        }
        if (value.isObject() && value.size() > 0 && flat(value)) {
            StringBuilder out = new StringBuilder();
            value.fields().forEachRemaining(e -> out.append(scalar(TextNode.valueOf(e.getKey()))).append(": ")
                    .append(scalar(e.getValue())).append('\n'));
            return out.toString();
        }
        if (value.isValueNode()) {
            return scalar(value) + "\n";
        }
        return value + "\n";
    }

    private static boolean flat(JsonNode object) {
        for (JsonNode v : object) {
            if (!v.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String scalar(JsonNode value) {
        if (!value.isTextual()) {
            return value.asText();
        }
        String text = value.asText();
        return plain(text) ? text : value.toString();
    }

    /** Whether go-yaml writes a string unquoted: it must read back as the same string. */
    private static boolean plain(String text) {
        if (text.isEmpty() || NOT_STRINGS.contains(text.toLowerCase(Locale.ROOT))) {
            return false;
        }
        char first = text.charAt(0);
        if (!Character.isLetter(first) && first != '/' && first != '_') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/' || c == ',')) {
                return false;
            }
        }
        return true;
    }
}
