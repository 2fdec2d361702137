package io.kubelab.scheduler.framework;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why nodes were rejected ({@code framework.Diagnosis}): each filtered-out node's status, the status every
 * node not in the map shares (a PreFilter rejection applies to all), and the PreFilter's message.
 */
public record Diagnosis(Map<String, Status> nodeToStatus, Status absentNodesStatus, String preFilterMsg) {

    public static Diagnosis empty() {
        return new Diagnosis(new LinkedHashMap<>(), Status.unresolvable(), "");
    }

    /** The status of {@code node}: its own, or the shared one. */
    public Status get(String node) {
        return nodeToStatus.getOrDefault(node, absentNodesStatus);
    }
}
