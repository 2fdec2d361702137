package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.NodeSelectors;
import io.kubelab.model.Tolerations;

/**
 * NodeShouldRunDaemonPod: whether a DaemonSet wants a pod on a node (node name, nodeSelector, required
 * node affinity, taints against the pod's tolerations including the ones the controller adds), and whether
 * a pod already there may keep running (only untolerated NoExecute taints evict it).
 */
final class NodeEligibility {

    /** shouldRun: create a pod here; shouldContinueRunning: keep one that is already here. */
    record Result(boolean shouldRun, boolean shouldContinueRunning) {
    }

    private NodeEligibility() {
    }

    static Result of(JsonNode node, JsonNode daemonSet) {
        String nodeName = ObjectMeta.name(node);
        String templateNode = daemonSet.path("spec").path("template").path("spec").path("nodeName").asText("");
        if (!templateNode.isEmpty() && !templateNode.equals(nodeName)) {
            return new Result(false, false);
        }
        ObjectNode pod = DaemonPods.newPod(daemonSet, nodeName);
        if (!NodeSelectors.matchesRequired(pod.path("spec"), node)) {
            return new Result(false, false);
        }
        JsonNode tolerations = pod.path("spec").path("tolerations");
        JsonNode taints = node.path("spec").path("taints");
        if (Tolerations.firstUntolerated(taints, tolerations, Tolerations.NO_SCHEDULE_OR_EXECUTE).isPresent()) {
            return new Result(false,
                    Tolerations.firstUntolerated(taints, tolerations, Tolerations.NO_EXECUTE).isEmpty());
        }
        return new Result(true, true);
    }
}
