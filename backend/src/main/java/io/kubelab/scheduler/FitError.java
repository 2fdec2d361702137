package io.kubelab.scheduler;

import io.kubelab.scheduler.framework.Diagnosis;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code framework.FitError.Error()}: "0/N nodes are available:" then the PreFilter's message, or each
 * reason with the number of nodes that gave it ("2 Insufficient cpu"), sorted as strings; then the
 * PostFilter's (preemption's) message. Each part ends with a full stop, so a PostFilter message that ends
 * with one gives two, as Kubernetes prints it.
 */
public final class FitError {

    static final String NO_NODE_AVAILABLE = "0/%d nodes are available";

    private FitError() {
    }

    public static String message(int numAllNodes, Diagnosis diagnosis, String postFilterMsg) {
        StringBuilder message = new StringBuilder(String.format(NO_NODE_AVAILABLE, numAllNodes)).append(':');
        if (!diagnosis.preFilterMsg().isEmpty()) {
            message.append(' ').append(diagnosis.preFilterMsg()).append('.');
        } else {
            List<String> histogram = histogram(numAllNodes, diagnosis);
            if (!histogram.isEmpty()) {
                message.append(' ').append(String.join(", ", histogram)).append('.');
            }
        }
        if (!postFilterMsg.isEmpty()) {
            message.append(' ').append(postFilterMsg).append('.');
        }
        return message.toString();
    }

    /** "count reason" for every reason, absent nodes counted under the shared status, sorted as Go sorts strings. */
    static List<String> histogram(int numAllNodes, Diagnosis diagnosis) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (Status status : diagnosis.nodeToStatus().values()) {
            status.reasons().forEach(r -> reasons.merge(r, 1, Integer::sum));
        }
        int absent = numAllNodes - diagnosis.nodeToStatus().size();
        if (absent > 0) {
            diagnosis.absentNodesStatus().reasons().forEach(r -> reasons.merge(r, absent, Integer::sum));
        }
        List<String> out = new ArrayList<>();
        reasons.forEach((reason, count) -> out.add(count + " " + reason));
        out.sort(null);
        return out;
    }
}
