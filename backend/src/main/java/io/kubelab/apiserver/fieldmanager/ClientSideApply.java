package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The bridge from client-side to server-side apply that the API server keeps for kubectl's own manager
 * ({@code kubectl}): conflicts on fields the {@code kubectl.kubernetes.io/last-applied-configuration}
 * annotation set to their live values are not conflicts (apimachinery's {@code lastAppliedManager}), and
 * an object that has the annotation gets it rewritten to the applied configuration ({@code lastAppliedUpdater}).
 */
final class ClientSideApply {

    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
    /** The only manager the bridge serves: kubectl's server-side apply default. */
    static final String MANAGER = "kubectl";
    /** {@code totalAnnotationSizeLimitB}: a bigger configuration is not recorded. */
    private static final int MAX_ANNOTATION_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientSideApply() {
    }

    /** The fields the annotation set to what the live object still has; empty without a readable annotation. */
    static Optional<FieldSet> allowedConflicts(JsonNode live, String apiVersion, FieldType schema) {
        Optional<JsonNode> lastApplied = annotation(live);
        if (lastApplied.isEmpty() || !lastApplied.get().path("apiVersion").asText().equals(apiVersion)) {
            return Optional.empty();
        }
        try {
            FieldSet set = ToFieldSet.of(lastApplied.get(), schema);
            Comparison c = Comparison.of(lastApplied.get(), live, schema);
            return Optional.of(set.difference(c.modified).difference(c.added).difference(c.removed));
        } catch (FieldPathException e) {
            return Optional.empty();
        }
    }

    /** Rewrites the annotation of an object that has one to the applied configuration, as kubectl would. */
    static void record(JsonNode live, ObjectNode merged, ObjectNode config) {
        if (annotation(live).isEmpty()) {
            return;
        }
        ObjectNode copy = config.deepCopy();
        JsonNode annotations = copy.path("metadata").get("annotations");
        if (annotations instanceof ObjectNode a) {
            a.remove(ANNOTATION);
        }
        String text = GoJson.sorted(copy) + "\n";
        if (text.length() > MAX_ANNOTATION_BYTES) {
            return;
        }
        merged.with("metadata").with("annotations").put(ANNOTATION, text);
    }

    private static Optional<JsonNode> annotation(JsonNode object) {
        if (object == null) {
            return Optional.empty();
        }
        String text = object.path("metadata").path("annotations").path(ANNOTATION).asText("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            return parsed.isObject() ? Optional.of(parsed) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Go's encoding of an unstructured map: keys sorted, compact, HTML characters escaped. */
    static final class GoJson {
        private GoJson() {
        }

        static String sorted(JsonNode node) {
            StringBuilder out = new StringBuilder();
            write(node, out);
            return out.toString();
        }

        private static void write(JsonNode node, StringBuilder out) {
            if (node.isObject()) {
                List<String> keys = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    string(keys.get(i), out);
                    out.append(':');
                    write(node.get(keys.get(i)), out);
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(node.get(i), out);
                }
                out.append(']');
            } else if (node.isTextual()) {
                string(node.textValue(), out);
            } else {
                out.append(node.toString());
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
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
}
