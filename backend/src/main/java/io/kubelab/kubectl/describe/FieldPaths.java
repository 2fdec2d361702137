package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code fieldpath.ExtractFieldPathAsString}, which kubectl resolves a downward-API environment variable
 * with: only metadata fields; anything else ({@code spec.nodeName}, {@code status.podIP}) shows empty.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String value(JsonNode pod, JsonNode fieldRef) {
        String path = J.str(fieldRef, "fieldPath");
        int bracket = path.indexOf("['");
        if (bracket > 0 && path.endsWith("']")) {
            String map = path.substring(0, bracket);
            String key = path.substring(bracket + 2, path.length() - 2);
            return switch (map) {
                case "metadata.labels" -> J.str(pod, "metadata", "labels", key);
                case "metadata.annotations" -> J.str(pod, "metadata", "annotations", key);
                default -> "";
            };
        }
        return switch (path) {
            case "metadata.name" -> J.str(pod, "metadata", "name");
            case "metadata.namespace" -> J.str(pod, "metadata", "namespace");
            case "metadata.uid" -> J.str(pod, "metadata", "uid");
            default -> "";
        };
    }
}
