package io.kubelab.scheduler;

import io.kubelab.scheduler.framework.Diagnosis;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plain sentences of the scheduler's component events (DESIGN §3.5): what filtering found per node,
 * the scores per node and plugin, the binding. The per-node detail is in the sentence, since the event has
 * no other field for it.
 */
final class Narration {

    private Narration() {
    }

    /** "Filtered 3 nodes for default/web-1: controlplane fails TaintToleration (...); node01 and node02 fit." */
    static String filtered(String pod, List<NodeInfo> all, List<NodeInfo> feasible, Diagnosis diagnosis) {
        List<String> parts = new ArrayList<>();
        if (!diagnosis.preFilterMsg().isEmpty()) {
            parts.add("every node fails " + diagnosis.absentNodesStatus().plugin() + " (" + diagnosis.preFilterMsg() + ")");
        } else {
            for (NodeInfo node : all) {
                Status status = diagnosis.nodeToStatus().get(node.name());
                if (status != null) {
                    parts.add(node.name() + " fails " + status.plugin() + " (" + status.message() + ")");
                }
            }
            List<String> fit = feasible.stream().map(NodeInfo::name).toList();
            if (!fit.isEmpty()) {
                parts.add(and(fit) + (fit.size() == 1 ? " fits" : " fit"));
            }
        }
        return String.format("Filtered %d %s for %s: %s.", all.size(), all.size() == 1 ? "node" : "nodes", pod,
                String.join("; ", parts));
    }

    /** "Scored node01 181 (TaintToleration 300, ...), node02 176 (...); node01 wins." */
    static String scored(Map<String, Map<String, Long>> scores, String winner, int ties) {
        String perNode = scores.entrySet().stream().map(e -> e.getKey() + " " + total(e.getValue()) + " ("
                + e.getValue().entrySet().stream().map(p -> p.getKey() + " " + p.getValue()).collect(Collectors.joining(", "))
                + ")").collect(Collectors.joining(", "));
        String verdict = ties > 1 ? String.format("%d nodes tie for the top score, and %s was picked at random.", ties, winner)
                : winner + " wins.";
        return "Scored " + perNode + "; " + verdict;
    }

    static String onlyOne(String node) {
        return "Only " + node + " fits, so there is nothing to score; " + node + " wins.";
    }

    static String bound(String pod, String node) {
        return "Bound pod " + pod + " to " + node + " through the binding subresource.";
    }

    static String unschedulable(String pod, String message) {
        return "No node fits pod " + pod + ", so it stays Pending: " + message;
    }

    static String preempting(String victim, String pod, String node) {
        return "Deleting lower-priority pod " + victim + " on " + node + " so that " + pod + " fits there.";
    }

    static long total(Map<String, Long> byPlugin) {
        return byPlugin.values().stream().mapToLong(Long::longValue).sum();
    }

    static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
