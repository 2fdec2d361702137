package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the node lifecycle controller reads a node's health ({@code tryUpdateNodeHealth}): the last heartbeat
 * is the newer of the node's Lease {@code renewTime} and its Ready condition's {@code lastHeartbeatTime};
 * once that is older than the grace period, the kubelet's conditions are marked Unknown in Kubernetes'
 * words. Kubernetes times heartbeats by when the controller saw them (to dodge clock skew); the sandbox
 * has one clock, so the stored times say the same and survive a rebuild.
 */
final class NodeHealth {

    static final String READY = "Ready";
    /** The conditions the kubelet owns; NetworkUnavailable is left alone, as it is managed elsewhere. */
    static final List<String> KUBELET_CONDITIONS = List.of(READY, "MemoryPressure", "DiskPressure", "PIDPressure");
    static final String UNKNOWN_REASON = "NodeStatusUnknown";
    static final String UNKNOWN_MESSAGE = "Kubelet stopped posting node status.";
    static final String NEVER_REASON = "NodeStatusNeverUpdated";
    static final String NEVER_MESSAGE = "Kubelet never posted node status.";

    private NodeHealth() {
    }

    static Optional<ObjectNode> condition(JsonNode node, String type) {
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return Optional.of((ObjectNode) c);
            }
        }
        return Optional.empty();
    }

    /** The Ready condition's status: {@code True}, {@code False} or {@code Unknown} (also when it is missing). */
    static String readyStatus(JsonNode node) {
        return condition(node, READY).map(c -> c.path("status").asText("Unknown")).orElse("Unknown");
    }

    /**
     * The last sign of life: the lease's renewal or the Ready heartbeat, whichever is newer; a node that never
     * posted a status counts from its creation.
     */
    static Instant lastHeartbeat(JsonNode node, Optional<ObjectNode> lease) {
        Instant probe = condition(node, READY).map(c -> time(c.path("lastHeartbeatTime")))
                .orElse(time(node.path("metadata").path("creationTimestamp")));
        if (lease.isPresent()) {
            Instant renewed = time(lease.get().path("spec").path("renewTime"));
            if (renewed.isAfter(probe)) {
                probe = renewed;
            }
        }
        return probe;
    }

    /** A node that never posted a Ready condition gets the longer start-up grace period. */
    static Duration gracePeriod(JsonNode node, Duration monitorGrace, Duration startupGrace) {
        return condition(node, READY).isPresent() ? monitorGrace : startupGrace;
    }

    /**
     * Marks the kubelet's conditions Unknown on {@code node} (a copy the caller will write): a condition the
     * kubelet posted keeps its heartbeat and changes its transition time only if it was not Unknown yet; a
     * condition it never posted is added.
     */
    static void markUnknown(ObjectNode node, Instant now) {
        String time = ObjectMeta.time(now);
        ArrayNode conditions = node.with("status").withArray("conditions");
        for (String type : KUBELET_CONDITIONS) {
            Optional<ObjectNode> current = condition(node, type);
            if (current.isEmpty()) {
                ObjectNode c = conditions.addObject();
                c.put("type", type).put("status", "Unknown")
                        .put("lastHeartbeatTime", node.path("metadata").path("creationTimestamp").asText())
                        .put("lastTransitionTime", time).put("reason", NEVER_REASON).put("message", NEVER_MESSAGE);
            } else if (!current.get().path("status").asText().equals("Unknown")) {
                current.get().put("status", "Unknown").put("reason", UNKNOWN_REASON).put("message", UNKNOWN_MESSAGE)
                        .put("lastTransitionTime", time);
            }
        }
    }

    static Instant time(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() ? Instant.parse(value.asText()) : Instant.EPOCH;
    }
}
