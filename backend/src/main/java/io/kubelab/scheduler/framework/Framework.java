package io.kubelab.scheduler.framework;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A profile's plugins, in order, and the extension points run over them: PreFilter and Filter (a node's first failing plugin is its status), then PreScore, Score
 * and NormalizeScore, each plugin's normalised score times its weight.
 */
public final class Framework {

    private final List<Plugin> plugins;

    public Framework(List<Plugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    /** What filtering found: the nodes that fit, in node order, and why the others did not. */
    public record Filtered(List<NodeInfo> feasible, Diagnosis diagnosis) {
    }

    /** {@code findNodesThatFitPod}: PreFilter once, then every node through the filters. */
    public Filtered findNodesThatFit(CycleState state) {
        Diagnosis diagnosis = Diagnosis.empty();
        Set<String> skipped = new HashSet<>();
        for (Plugin plugin : plugins) {
            Status status = plugin.preFilter(state).withPlugin(plugin.name());
            if (status.code() == Code.SKIP) {
                skipped.add(plugin.name());
            } else if (status.isRejected()) {
                return new Filtered(List.of(), new Diagnosis(new LinkedHashMap<>(), status, status.message()));
            }
        }
        List<NodeInfo> feasible = new ArrayList<>();
        for (NodeInfo node : state.snapshot().nodes()) {
            Status status = runFilters(state, node, skipped);
            if (status.isSuccess()) {
                feasible.add(node);
            } else {
                diagnosis.nodeToStatus().put(node.name(), status);
            }
        }
        return new Filtered(feasible, diagnosis);
    }

    /** The node's status after the filters: the first rejection, or success. */
    public Status runFilters(CycleState state, NodeInfo node, Set<String> skipped) {
        for (Plugin plugin : plugins) {
            if (skipped.contains(plugin.name())) {
                continue;
            }
            Status status = plugin.filter(state, node);
            if (!status.isSuccess()) {
                return status.withPlugin(plugin.name());
            }
        }
        return Status.SUCCESS;
    }

    /** PreFilter and the filters for one node of a (changed) snapshot, as preemption checks a node. */
    public Status fits(CycleState state, NodeInfo node) {
        Set<String> skipped = new HashSet<>();
        for (Plugin plugin : plugins) {
            Status status = plugin.preFilter(state).withPlugin(plugin.name());
            if (status.code() == Code.SKIP) {
                skipped.add(plugin.name());
            } else if (status.isRejected()) {
                return status;
            }
        }
        return runFilters(state, node, skipped);
    }

    /** Each node's weighted score per plugin, plugins in profile order; nodes in the order given. */
    public Map<String, Map<String, Long>> score(CycleState state, List<NodeInfo> feasible) {
        Map<String, Map<String, Long>> byNode = new LinkedHashMap<>();
        feasible.forEach(n -> byNode.put(n.name(), new LinkedHashMap<>()));
        for (Plugin plugin : plugins) {
            if (plugin.weight() == 0 || plugin.preScore(state, feasible).code() == Code.SKIP) {
                continue;
            }
            Map<String, Long> scores = new LinkedHashMap<>();
            for (NodeInfo node : feasible) {
                scores.put(node.name(), plugin.score(state, node));
            }
            plugin.normalize(state, scores);
            scores.forEach((node, score) -> byNode.get(node).put(plugin.name(), score * plugin.weight()));
        }
        return byNode;
    }
}
