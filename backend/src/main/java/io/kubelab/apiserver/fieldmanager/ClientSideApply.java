package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        String text = io.kubelab.model.GoJson.marshal(copy) + "\n";
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
}
