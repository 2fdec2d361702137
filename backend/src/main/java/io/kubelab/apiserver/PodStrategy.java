package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Pods: created Pending with their QoS class, deleted gracefully once they are on a node. */
final class PodStrategy implements Strategy {

    @Override
    public void prepareForCreate(ObjectNode pod, Context context) {
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", qosClass(pod.path("spec")));
    }

    @Override
    public boolean returnsDeletedObject() {
        return true;
    }

    /**
     * Kubernetes' rule: a pod that never reached a node, or has finished, goes at once; otherwise it
     * gets the requested grace or its own {@code terminationGracePeriodSeconds}.
     */
    @Override
    public long gracePeriod(ObjectNode pod, OptionalLong requested) {
        String phase = pod.path("status").path("phase").asText("");
        if (pod.path("spec").path("nodeName").asText("").isEmpty() || phase.equals("Succeeded")
                || phase.equals("Failed")) {
            return 0;
        }
        if (requested.isPresent()) {
            return requested.getAsLong();
        }
        return pod.path("spec").path("terminationGracePeriodSeconds").asLong(30);
    }

    @Override
    public Set<String> extraFields() {
        return Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName");
    }

    @Override
    public String field(ObjectNode pod, String name) {
        if (name.equals("spec.hostNetwork")) {
            return Boolean.toString(pod.path("spec").path("hostNetwork").asBoolean(false));
        }
        return Strategy.text(pod, name);
    }

    private static boolean sameQuantity(String a, String b) {
        try {
            return io.kubelab.model.Quantity.parse(a).compareTo(io.kubelab.model.Quantity.parse(b)) == 0;
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }

    /** {@code Guaranteed}, {@code Burstable} or {@code BestEffort}, as the kubelet's qos package decides. */
    static String qosClass(JsonNode spec) {
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        spec.path("containers").forEach(containers::add);
        boolean any = false;
        boolean guaranteed = true;
        for (JsonNode container : containers) {
            JsonNode requests = container.path("resources").path("requests");
            JsonNode limits = container.path("resources").path("limits");
            for (String resource : List.of("cpu", "memory")) {
                String request = requests.path(resource).asText("");
                String limit = limits.path(resource).asText("");
                any |= !request.isEmpty() || !limit.isEmpty();
                if (limit.isEmpty() || !request.isEmpty() && !sameQuantity(limit, request)) {
                    guaranteed = false;
                }
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
