package io.kubelab.scheduler.plugins;

import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Resources;
import io.kubelab.scheduler.framework.Scores;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code noderesources.Fit}: the pod's requests must fit in what the node's allocatable leaves after the
 * requests of the pods already there, and the node must have a pod slot left. Scores with the default
 * LeastAllocated strategy over CPU and memory, weight 1 each.
 */
public final class NodeResourcesFit implements Plugin {

    public static final String NAME = "NodeResourcesFit";
    public static final String TOO_MANY_PODS = "Too many pods";
    /** The resources the default strategies score, in order. */
    static final List<String> SCORED = List.of("cpu", "memory");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        List<String> reasons = new ArrayList<>();
        if (node.pods().size() + 1 > node.allocatable("pods")) {
            reasons.add(TOO_MANY_PODS);
        }
        Map<String, Long> requests = Resources.requests(state.pod());
        for (String resource : ordered(requests)) {
            long wanted = requests.get(resource);
            if (wanted > 0 && wanted > node.allocatable(resource) - node.requested(resource)) {
                reasons.add("Insufficient " + resource);
            }
        }
        return reasons.isEmpty() ? Status.SUCCESS : Status.unschedulable(reasons.toArray(String[]::new));
    }

    /** {@code fitsRequest}'s order: cpu, memory, ephemeral-storage, then the other (scalar) resources. */
    private static List<String> ordered(Map<String, Long> requests) {
        List<String> order = new ArrayList<>();
        for (String first : List.of("cpu", "memory", "ephemeral-storage")) {
            if (requests.containsKey(first)) {
                order.add(first);
            }
        }
        requests.keySet().stream().filter(r -> !order.contains(r) && !r.equals("pods")).sorted().forEach(order::add);
        return order;
    }

    @Override
    public int weight() {
        return 1;
    }

    /** LeastAllocated: the weighted mean of each resource's free share after placing the pod. */
    @Override
    public long score(CycleState state, NodeInfo node) {
        Map<String, Long> requests = Resources.nonZeroRequests(state.pod());
        long sum = 0;
        long weights = 0;
        for (String resource : SCORED) {
            long capacity = node.allocatable(resource);
            if (capacity == 0) {
                continue;
            }
            long requested = node.nonZeroRequested(resource) + requests.getOrDefault(resource, 0L);
            sum += requested > capacity ? 0 : (capacity - requested) * Scores.MAX_NODE_SCORE / capacity;
            weights++;
        }
        return weights == 0 ? 0 : sum / weights;
    }
}
