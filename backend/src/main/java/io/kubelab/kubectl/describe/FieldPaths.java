package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** {@code fieldpath.ExtractFieldPathAsString} for the pod fields a downward-API environment variable may name. */
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
            case "spec.nodeName" -> J.str(pod, "spec", "nodeName");
            case "spec.serviceAccountName" -> J.str(pod, "spec", "serviceAccountName");
            case "status.hostIP" -> J.str(pod, "status", "hostIP");
            case "status.podIP" -> J.str(pod, "status", "podIP");
            case "status.hostIPs" -> joined(pod, "hostIPs");
            case "status.podIPs" -> joined(pod, "podIPs");
            default -> "";
        };
    }

    private static String joined(JsonNode pod, String field) {
        List<String> ips = new ArrayList<>();
        for (JsonNode ip : J.list(pod, "status", field)) {
            ips.add(J.str(ip, "ip"));
        }
        return String.join(",", ips);
    }
}
