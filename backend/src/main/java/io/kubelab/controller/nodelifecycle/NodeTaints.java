package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The taints the node lifecycle controller owns, as {@code key:effect} strings, and the edits it makes to a
 * node's {@code spec.taints} ({@code SwapNodeControllerTaint}: new taints are appended with {@code timeAdded},
 * removed ones dropped, everything else left where it was).
 */
final class NodeTaints {

    static final String NOT_READY = "node.kubernetes.io/not-ready";
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    static final String NO_SCHEDULE = "NoSchedule";
    static final String NO_EXECUTE = "NoExecute";

    /** {@code nodeConditionToTaintKeyStatusMap}: which condition in which status means which taint. */
    static final Map<String, Map<String, String>> CONDITION_TAINTS = Map.of(
            "Ready", Map.of("False", NOT_READY, "Unknown", UNREACHABLE),
            "MemoryPressure", Map.of("True", "node.kubernetes.io/memory-pressure"),
            "DiskPressure", Map.of("True", "node.kubernetes.io/disk-pressure"),
            "NetworkUnavailable", Map.of("True", "node.kubernetes.io/network-unavailable"),
            "PIDPressure", Map.of("True", "node.kubernetes.io/pid-pressure"));

    /** Every key of {@link #CONDITION_TAINTS} and the unschedulable taint: the NoSchedule taints we manage. */
    static final Set<String> MANAGED_NO_SCHEDULE = Set.of(NOT_READY, UNREACHABLE, UNSCHEDULABLE,
            "node.kubernetes.io/memory-pressure", "node.kubernetes.io/disk-pressure",
            "node.kubernetes.io/network-unavailable", "node.kubernetes.io/pid-pressure");

    private NodeTaints() {
    }

    /** The NoSchedule taints the node's conditions and {@code spec.unschedulable} call for, in condition order. */
    static Set<String> wantedNoSchedule(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            String key = CONDITION_TAINTS.getOrDefault(c.path("type").asText(), Map.of()).get(c.path("status").asText());
            if (key != null) {
                out.add(key + ":" + NO_SCHEDULE);
            }
        }
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            out.add(UNSCHEDULABLE + ":" + NO_SCHEDULE);
        }
        return out;
    }

    /** The node's managed NoSchedule taints as they are now. */
    static Set<String> currentNoSchedule(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode t : node.path("spec").path("taints")) {
            if (t.path("effect").asText().equals(NO_SCHEDULE) && MANAGED_NO_SCHEDULE.contains(t.path("key").asText())) {
                out.add(t.path("key").asText() + ":" + NO_SCHEDULE);
            }
        }
        return out;
    }

    static boolean has(JsonNode node, String keyEffect) {
        for (JsonNode t : node.path("spec").path("taints")) {
            if ((t.path("key").asText() + ":" + t.path("effect").asText()).equals(keyEffect)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the swap to {@code node} (a copy): drops {@code remove}, appends each of {@code add} that is
     * not there yet with {@code timeAdded}. Returns whether anything changed.
     */
    static boolean swap(ObjectNode node, Set<String> add, Set<String> remove, Instant now) {
        ArrayNode taints = node.with("spec").withArray("taints");
        List<JsonNode> kept = new ArrayList<>();
        boolean changed = false;
        for (JsonNode t : taints) {
            if (remove.contains(t.path("key").asText() + ":" + t.path("effect").asText())) {
                changed = true;
            } else {
                kept.add(t);
            }
        }
        for (String keyEffect : add) {
            if (kept.stream().anyMatch(t -> (t.path("key").asText() + ":" + t.path("effect").asText()).equals(keyEffect))) {
                continue;
            }
            int colon = keyEffect.lastIndexOf(':');
            ObjectNode taint = node.objectNode();
            taint.put("key", keyEffect.substring(0, colon)).put("effect", keyEffect.substring(colon + 1))
                    .put("timeAdded", ObjectMeta.time(now));
            kept.add(taint);
            changed = true;
        }
        if (kept.isEmpty()) {
            // Go's omitempty: a node without taints has no taints field at all.
            ((ObjectNode) node.path("spec")).remove("taints");
        } else {
            taints.removeAll();
            kept.forEach(taints::add);
        }
        return changed;
    }

    static String keyOf(String keyEffect) {
        return keyEffect.substring(0, keyEffect.lastIndexOf(':'));
    }
}
