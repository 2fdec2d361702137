package io.kubelab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.FieldSelector;
import io.kubelab.model.LabelSelector;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which objects a list or watch wants: a label selector, a field selector, and how to read an object's
 * selectable fields (every kind has {@code metadata.name} and {@code metadata.namespace}; the API server
 * adds the rest per kind, e.g. a pod's {@code spec.nodeName}).
 */
public record SelectionPredicate(LabelSelector labels, FieldSelector fields,
                                 Function<ObjectNode, Map<String, String>> fieldsOf) {

    public static SelectionPredicate everything() {
        return new SelectionPredicate(LabelSelector.everything(), FieldSelector.everything(),
                SelectionPredicate::metadataFields);
    }

    public static SelectionPredicate of(LabelSelector labels, FieldSelector fields) {
        return new SelectionPredicate(labels, fields, SelectionPredicate::metadataFields);
    }

    public boolean matchesEverything() {
        return labels.isEmpty() && fields.isEmpty();
    }

    public boolean matches(ObjectNode object) {
        if (!labels.isEmpty() && !labels.matches(labelsOf(object))) {
            return false;
        }
        return fields.isEmpty() || fields.matches(fieldsOf.apply(object));
    }

    public static Map<String, String> labelsOf(ObjectNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        if (!labels.isObject() || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        labels.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    public static Map<String, String> metadataFields(ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        return Map.of("metadata.name", metadata.path("name").asText(""),
                "metadata.namespace", metadata.path("namespace").asText(""));
    }
}
