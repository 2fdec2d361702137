package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node lifecycle controller's zones ({@code ComputeZoneState}, {@code handleDisruption}): nodes are
 * grouped by their region and zone labels; a zone with no Ready node is in FullDisruption, one with more
 * than two not-Ready nodes making at least {@value #UNHEALTHY_ZONE_THRESHOLD} of it in PartialDisruption.
 * When every zone is fully disrupted Kubernetes assumes the control plane, not the nodes, is cut off: it
 * stops NoExecute tainting and removes the taints it set.
 */
final class ZoneStates {

    enum State { NORMAL, PARTIAL_DISRUPTION, FULL_DISRUPTION }

    /** {@code --unhealthy-zone-threshold}'s default. */
    static final double UNHEALTHY_ZONE_THRESHOLD = 0.55;
    /** {@code --large-cluster-size-threshold}'s default: smaller zones stop evicting in partial disruption. */
    static final int LARGE_CLUSTER_THRESHOLD = 50;
    static final String EXCLUDE_DISRUPTION = "node.kubernetes.io/exclude-disruption";

    private ZoneStates() {
    }

    /** {@code GetZoneKey}: region and zone joined by {@code ":\x00:"}, empty for a node with neither label. */
    static String zoneKey(JsonNode node) {
        JsonNode labels = node.path("metadata").path("labels");
        String region = labels.path("topology.kubernetes.io/region").asText(labels.path("failure-domain.beta.kubernetes.io/region").asText(""));
        String zone = labels.path("topology.kubernetes.io/zone").asText(labels.path("failure-domain.beta.kubernetes.io/zone").asText(""));
        return region.isEmpty() && zone.isEmpty() ? "" : region + ":\u0000:" + zone;
    }

    /** Each zone's state from its nodes' current Ready status; excluded nodes do not count. */
    static Map<String, State> compute(Collection<? extends JsonNode> nodes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (JsonNode node : nodes) {
            if (node.path("metadata").path("labels").has(EXCLUDE_DISRUPTION)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(zoneKey(node), k -> new int[2]);
            c[NodeHealth.readyStatus(node).equals("True") ? 0 : 1]++;
        }
        Map<String, State> out = new TreeMap<>();
        counts.forEach((zone, c) -> out.put(zone, state(c[0], c[1])));
        return out;
    }

    static State state(int ready, int notReady) {
        if (ready == 0 && notReady > 0) {
            return State.FULL_DISRUPTION;
        }
        if (notReady > 2 && (double) notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) {
            return State.PARTIAL_DISRUPTION;
        }
        return State.NORMAL;
    }

    /** Whether every zone has lost all its nodes: then nothing is tainted NoExecute anywhere. */
    static boolean allFullyDisrupted(Map<String, State> states) {
        return !states.isEmpty() && states.values().stream().allMatch(s -> s == State.FULL_DISRUPTION);
    }

    /** Whether new NoExecute taints may be set in {@code zone}: not while a small zone is partly disrupted. */
    static boolean taintsAllowed(Map<String, State> states, String zone, int zoneSize) {
        if (allFullyDisrupted(states)) {
            return false;
        }
        return states.getOrDefault(zone, State.NORMAL) != State.PARTIAL_DISRUPTION || zoneSize > LARGE_CLUSTER_THRESHOLD;
    }
}
