package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OmitEmpty;
import io.kubelab.controller.PodConditions;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;

import java.time.Instant;
import java.util.List;

/** {@code calculateStatus} of replica_set_utils.go, with the fields in Go's order and its omitempty rules. */
final class ReplicaSetStatus {

    static final String REPLICA_FAILURE = "ReplicaFailure";

    private ReplicaSetStatus() {
    }

    /**
     * The status {@code rs} should have with {@code pods} (its active pods); {@code error} is the create or
     * delete failure of this sync, if any, which sets the ReplicaFailure condition.
     */
    static ObjectNode calculate(JsonNode rs, List<JsonNode> pods, String error, Instant now) {
        JsonNode spec = rs.path("spec");
        long minReadySeconds = spec.path("minReadySeconds").asLong(0);
        LabelSelector templateLabels = LabelSelector.ofEquals(Labels.of(spec.path("template")));
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (JsonNode pod : pods) {
            if (templateLabels.matches(Labels.of(pod))) {
                fullyLabeled++;
            }
            if (PodConditions.ready(pod)) {
                ready++;
                if (PodConditions.available(pod, minReadySeconds, now)) {
                    available++;
                }
            }
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("replicas", pods.size());
        OmitEmpty.putNonZero(status, "fullyLabeledReplicas", fullyLabeled);
        OmitEmpty.putNonZero(status, "readyReplicas", ready);
        OmitEmpty.putNonZero(status, "availableReplicas", available);
        OmitEmpty.putNonZero(status, "observedGeneration", rs.path("metadata").path("generation").asLong());
        ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
        JsonNode failure = null;
        for (JsonNode condition : rs.path("status").path("conditions")) {
            if (condition.path("type").asText().equals(REPLICA_FAILURE)) {
                failure = condition;
            } else {
                conditions.add(condition.deepCopy());
            }
        }
        if (error != null && failure == null) {
            int diff = pods.size() - spec.path("replicas").asInt(1);
            ObjectNode condition = conditions.addObject();
            condition.put("type", REPLICA_FAILURE).put("status", "True")
                    .put("lastTransitionTime", ObjectMeta.time(now))
                    .put("reason", diff < 0 ? PodControl.FAILED_CREATE : diff > 0 ? PodControl.FAILED_DELETE : "")
                    .put("message", error);
        } else if (error != null) {
            conditions.add(failure.deepCopy());
        }
        if (!conditions.isEmpty()) {
            status.set("conditions", conditions);
        }
        return status;
    }
}
