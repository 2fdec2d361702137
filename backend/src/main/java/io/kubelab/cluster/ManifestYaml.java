package io.kubelab.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * YAML as kubeadm writes its files (sigs.k8s.io/yaml over go-yaml v2: keys sorted, list items at their
 * parent's indentation, plain scalars unless they would read as something else), and the kubelet's
 * reading of a manifest file.
 */
public final class ManifestYaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Pattern NEEDS_QUOTES = Pattern.compile(
            "^$|^[\\s]|[\\s]$|^[-?:,\\[\\]{}#&*!|>'\"%@`](?![^\\s])|^[,\\[\\]{}#&*!|>'\"%@`]|: |:$| #|[\\n\\t]");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)^(true|false|yes|no|on|off|y|n|null|~)$|^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"
                    + "|^0x[0-9a-fA-F]+$|^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$");

    private ManifestYaml() {
    }

    /** Thrown for a file that is not a pod manifest, with the decoder's words. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Reads a manifest file into a JSON tree, as the kubelet's file source decodes it. */
    public static ObjectNode parse(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            throw new Invalid("error converting YAML to JSON: yaml: " + message.split("\n")[0]);
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("invalid pod: the manifest is not a YAML mapping");
        }
        return (ObjectNode) node;
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeValue(out, node, 0, false);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, JsonNode node, int indent, boolean inList) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            boolean first = true;
            for (String key : keys) {
                if (!(first && inList)) {
                    out.append(" ".repeat(indent));
                }
                first = false;
                out.append(scalar(key)).append(':');
                writeChild(out, node.get(key), indent);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                out.append(" ".repeat(indent)).append("- ");
                if (item.isObject() && !item.isEmpty()) {
                    writeValue(out, item, indent + 2, true);
                } else if (item.isArray() && !item.isEmpty()) {
                    out.setLength(out.length() - 1);
                    out.append('\n');
                    writeValue(out, item, indent + 2, false);
                } else {
                    out.append(inline(item)).append('\n');
                }
            }
        } else {
            out.append(inline(node)).append('\n');
        }
    }

    private static void writeChild(StringBuilder out, JsonNode value, int indent) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            writeValue(out, value, indent + 2, false);
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('\n');
            writeValue(out, value, indent, false);
        } else if (value.isTextual() && value.asText().contains("\n")) {
            String text = value.asText();
            out.append(text.endsWith("\n") ? " |\n" : " |-\n");
            for (String line : text.split("\n", -1)) {
                if (!line.isEmpty()) {
                    out.append(" ".repeat(indent + 2)).append(line);
                }
                out.append('\n');
            }
            if (text.endsWith("\n")) {
                out.setLength(out.length() - 1);
            }
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    private static String inline(JsonNode node) {
        if (node.isObject()) {
            return "{}";
        }
        if (node.isArray()) {
            return "[]";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return scalar(node.asText());
        }
        return node.asText();
    }

    private static String scalar(String text) {
        if (NEEDS_QUOTES.matcher(text).find() || RESERVED.matcher(text).matches()) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
        }
        return text;
    }
}
