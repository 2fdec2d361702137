package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.PodConditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * update.go's rollingUpdate: which old pods to delete (without surge, up to maxUnavailable at a time) or
 * on which nodes to start a new pod beside the old one (with maxSurge). The manage loop does the rest.
 * Nodes are visited by name, so a run is repeatable (Kubernetes walks a Go map).
 */
final class RollingUpdate {

    record Plan(List<String> podsToDelete, List<String> nodesToCreate) {
    }

    private RollingUpdate() {
    }

    /** GetScaledValueFromIntOrPercent with rounding up, as UnavailableCount and SurgeCount use it. */
    static int scaled(JsonNode value, int total) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asInt();
        }
        String text = value.asText();
        if (text.endsWith("%")) {
            int percent = Integer.parseInt(text.substring(0, text.length() - 1));
            return (int) Math.ceil(percent * (double) total / 100.0);
        }
        return Integer.parseInt(text);
    }

    static Plan plan(ObjectNode daemonSet, Map<String, JsonNode> nodes, SortedMap<String, List<ObjectNode>> nodeToPods,
                     String hash, Instant now) {
        int desired = 0;
        for (JsonNode node : nodes.values()) {
            if (NodeEligibility.of(node, daemonSet).shouldRun()) {
                desired++;
                nodeToPods.putIfAbsent(ObjectMeta.name(node), List.of());
            }
        }
        JsonNode rolling = daemonSet.path("spec").path("updateStrategy").path("rollingUpdate");
        int maxUnavailable = scaled(rolling.get("maxUnavailable"), desired);
        int maxSurge = scaled(rolling.get("maxSurge"), desired);
        if (desired > 0 && maxUnavailable == 0 && maxSurge == 0) {
            maxUnavailable = 1;
        }
        int minReady = daemonSet.path("spec").path("minReadySeconds").asInt(0);
        Optional<Long> generation = DaemonPods.templateGeneration(daemonSet);
        return maxSurge == 0
                ? withoutSurge(nodeToPods, hash, generation, maxUnavailable, minReady, now)
                : withSurge(daemonSet, nodes, nodeToPods, hash, generation, maxSurge, desired, minReady, now);
    }

    private static Plan withoutSurge(SortedMap<String, List<ObjectNode>> nodeToPods, String hash,
                                     Optional<Long> generation, int maxUnavailable, int minReady, Instant now) {
        int unavailable = 0;
        List<String> replacements = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (List<ObjectNode> pods : nodeToPods.values()) {
            OnNode on = OnNode.of(pods, hash, generation);
            if (!on.ok) {
                unavailable++;
                continue;
            }
            if ((on.oldPod == null) == (on.newPod == null)) {
                unavailable++;
            } else if (on.newPod != null) {
                if (!PodConditions.available(on.newPod, minReady, now)) {
                    unavailable++;
                }
            } else if (!PodConditions.available(on.oldPod, minReady, now)) {
                replacements.add(ObjectMeta.name(on.oldPod));
                unavailable++;
            } else if (unavailable < maxUnavailable) {
                candidates.add(ObjectMeta.name(on.oldPod));
            }
        }
        int remaining = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.size());
        List<String> delete = new ArrayList<>(replacements);
        delete.addAll(candidates.subList(0, remaining));
        return new Plan(delete, List.of());
    }

    private static Plan withSurge(ObjectNode daemonSet, Map<String, JsonNode> nodes,
                                  SortedMap<String, List<ObjectNode>> nodeToPods, String hash, Optional<Long> generation,
                                  int maxSurge, int desired, int minReady, Instant now) {
        List<String> delete = new ArrayList<>();
        List<String> shouldNotRun = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        int surge = 0;
        int available = 0;
        for (Map.Entry<String, List<ObjectNode>> entry : nodeToPods.entrySet()) {
            OnNode on = OnNode.of(entry.getValue(), hash, generation);
            if (!on.ok) {
                surge++;
                continue;
            }
            ObjectNode counted = on.oldPod != null ? on.oldPod : on.newPod;
            if (counted != null && PodConditions.available(counted, minReady, now)) {
                available++;
            }
            if (on.oldPod == null) {
                continue;
            }
            JsonNode node = nodes.get(entry.getKey());
            boolean shouldRun = node != null && NodeEligibility.of(node, daemonSet).shouldRun();
            if (on.newPod == null) {
                if (!PodConditions.available(on.oldPod, minReady, now)) {
                    if (!shouldRun) {
                        delete.add(ObjectMeta.name(on.oldPod));
                    } else {
                        allowed.add(entry.getKey());
                    }
                } else if (!shouldRun) {
                    shouldNotRun.add(ObjectMeta.name(on.oldPod));
                } else if (surge < maxSurge) {
                    candidates.add(entry.getKey());
                }
            } else if (!PodConditions.available(on.newPod, minReady, now)) {
                surge++;
            } else {
                delete.add(ObjectMeta.name(on.oldPod));
            }
        }
        int deletable = Math.min(available - desired, shouldNotRun.size());
        if (deletable > 0) {
            delete.addAll(shouldNotRun.subList(0, deletable));
        }
        int remaining = Math.min(Math.max(maxSurge - surge, 0), candidates.size());
        List<String> create = new ArrayList<>(allowed);
        create.addAll(candidates.subList(0, remaining));
        return new Plan(delete, create);
    }

    /** findUpdatedPodsOnNode: at most one new and one old live pod, or not ok. */
    private record OnNode(ObjectNode newPod, ObjectNode oldPod, boolean ok) {
        static OnNode of(List<ObjectNode> pods, String hash, Optional<Long> generation) {
            ObjectNode newPod = null;
            ObjectNode oldPod = null;
            for (ObjectNode pod : pods) {
                if (ObjectMeta.deleting(pod)) {
                    continue;
                }
                if (DaemonPods.updated(pod, hash, generation)) {
                    if (newPod != null) {
                        return new OnNode(null, null, false);
                    }
                    newPod = pod;
                } else {
                    if (oldPod != null) {
                        return new OnNode(null, null, false);
                    }
                    oldPod = pod;
                }
            }
            return new OnNode(newPod, oldPod, true);
        }
    }
}
