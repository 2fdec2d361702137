package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value kubectl shows for a downward-API environment variable: the field must pass the Pod's field
 * label conversion and {@code fieldpath.ExtractFieldPathAsString}, which only the object's name, namespace
 * and uid do; anything else ({@code spec.nodeName}, {@code metadata.labels['app']}) shows empty.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String value(JsonNode pod, JsonNode fieldRef) {
        return switch (J.str(fieldRef, "fieldPath")) {
            case "metadata.name" -> J.str(pod, "metadata", "name");
            case "metadata.namespace" -> J.str(pod, "metadata", "namespace");
            case "metadata.uid" -> J.str(pod, "metadata", "uid");
            default -> "";
        };
    }
}
