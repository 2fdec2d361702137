package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * shouldIgnoreNodeUpdate: node heartbeats (new resourceVersion, condition timestamps) change nothing a
 * DaemonSet decides on; labels, taints, spec and condition statuses do.
 */
final class NodeChanges {

    private NodeChanges() {
    }

    static boolean matter(JsonNode old, JsonNode now) {
        return !old.path("metadata").path("labels").equals(now.path("metadata").path("labels"))
                || !old.path("spec").equals(now.path("spec"))
                || !conditionStatuses(old).equals(conditionStatuses(now));
    }

    private static String conditionStatuses(JsonNode node) {
        StringBuilder out = new StringBuilder();
        for (JsonNode condition : node.path("status").path("conditions")) {
            out.append(condition.path("type").asText()).append('=').append(condition.path("status").asText()).append(';');
        }
        return out.toString();
    }
}
