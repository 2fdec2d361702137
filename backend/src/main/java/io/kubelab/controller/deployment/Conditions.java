package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.Optional;

/** Deployment conditions, their reasons and messages, in Kubernetes 1.32's words (deployment_util.go). */
final class Conditions {

    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";

    static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
    static final String FAILED_RS_CREATE = "ReplicaSetCreateError";
    static final String NEW_REPLICA_SET = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";
    static final String MINIMUM_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_UNAVAILABLE = "MinimumReplicasUnavailable";

    static final String HAS_MINIMUM = "Deployment has minimum availability.";
    static final String NO_MINIMUM = "Deployment does not have minimum availability.";

    private Conditions() {
    }

    /** {@code NewDeploymentCondition}: both times now, fields in Go's order. */
    static ObjectNode of(String type, String status, String reason, String message, Instant now) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("type", type).put("status", status).put("lastUpdateTime", ObjectMeta.time(now))
                .put("lastTransitionTime", ObjectMeta.time(now)).put("reason", reason).put("message", message);
        return c;
    }

    static Optional<ObjectNode> get(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return Optional.of((ObjectNode) c);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code SetDeploymentCondition}: no change when status and reason are the same; the transition time is
     * kept when only the reason changes; the condition moves to the end of the list.
     */
    static void set(ObjectNode status, ObjectNode condition) {
        Optional<ObjectNode> current = get(status, condition.path("type").asText());
        if (current.isPresent() && current.get().path("status").equals(condition.path("status"))
                && current.get().path("reason").equals(condition.path("reason"))) {
            return;
        }
        if (current.isPresent() && current.get().path("status").equals(condition.path("status"))) {
            condition.set("lastTransitionTime", current.get().get("lastTransitionTime"));
        }
        remove(status, condition.path("type").asText());
        ArrayNode list = status.has("conditions") ? (ArrayNode) status.get("conditions") : status.putArray("conditions");
        list.add(condition);
    }

    static void remove(ObjectNode status, String type) {
        JsonNode list = status.path("conditions");
        if (list instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).path("type").asText().equals(type)) {
                    array.remove(i);
                }
            }
            if (array.isEmpty()) {
                status.remove("conditions");
            }
        }
    }

    /** {@code ReplicaSetToDeploymentCondition}: the set's failure, its transition time as both times. */
    static ObjectNode fromReplicaSet(JsonNode c) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", c.path("type").asText()).put("status", c.path("status").asText())
                .put("lastUpdateTime", c.path("lastTransitionTime").asText())
                .put("lastTransitionTime", c.path("lastTransitionTime").asText())
                .put("reason", c.path("reason").asText()).put("message", c.path("message").asText());
        return out;
    }
}
