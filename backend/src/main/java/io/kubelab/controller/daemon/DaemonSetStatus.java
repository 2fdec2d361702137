package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.controller.PodConditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** updateDaemonSetStatus: the counts, with the oldest daemon pod on each node standing for that node. */
final class DaemonSetStatus {

    private DaemonSetStatus() {
    }

    static ObjectNode compute(ObjectNode daemonSet, Map<String, JsonNode> nodes, Map<String, List<com.fasterxml.jackson.databind.node.ObjectNode>> nodeToPods,
                              String hash, boolean observe, Instant now) {
        int desired = 0;
        int current = 0;
        int misscheduled = 0;
        int ready = 0;
        int updated = 0;
        int available = 0;
        int minReady = daemonSet.path("spec").path("minReadySeconds").asInt(0);
        for (Map.Entry<String, JsonNode> entry : nodes.entrySet()) {
            boolean shouldRun = NodeEligibility.of(entry.getValue(), daemonSet).shouldRun();
            List<ObjectNode> pods = nodeToPods.getOrDefault(entry.getKey(), List.of());
            boolean scheduled = !pods.isEmpty();
            if (!shouldRun) {
                if (scheduled) {
                    misscheduled++;
                }
                continue;
            }
            desired++;
            if (!scheduled) {
                continue;
            }
            current++;
            List<ObjectNode> sorted = new ArrayList<>(pods);
            sorted.sort(DaemonPods.OLDEST_FIRST);
            ObjectNode pod = sorted.get(0);
            if (PodConditions.ready(pod)) {
                ready++;
                if (PodConditions.available(pod, minReady, now)) {
                    available++;
                }
            }
            if (DaemonPods.updated(pod, hash, DaemonPods.templateGeneration(daemonSet))) {
                updated++;
            }
        }
        JsonNode old = daemonSet.path("status");
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("currentNumberScheduled", current);
        status.put("numberMisscheduled", misscheduled);
        status.put("desiredNumberScheduled", desired);
        status.put("numberReady", ready);
        long generation = observe ? daemonSet.path("metadata").path("generation").asLong(0)
                : old.path("observedGeneration").asLong(0);
        putIfNotZero(status, "observedGeneration", generation);
        putIfNotZero(status, "updatedNumberScheduled", updated);
        putIfNotZero(status, "numberAvailable", available);
        putIfNotZero(status, "numberUnavailable", desired - available);
        if (old.has("collisionCount")) {
            status.set("collisionCount", old.get("collisionCount"));
        }
        if (old.has("conditions")) {
            status.set("conditions", old.get("conditions"));
        }
        return status;
    }

    /** Go's omitempty: zero counts are left out. */
    private static void putIfNotZero(ObjectNode status, String field, long value) {
        if (value != 0 && value == (int) value) {
            // An int node, as JSON read back from the API gives: a long node of the same value is not equal to it.
            status.put(field, (int) value);
        } else if (value != 0) {
            status.put(field, value);
        }
    }
}
