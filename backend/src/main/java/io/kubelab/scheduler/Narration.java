package io.kubelab.scheduler;

import io.kubelab.scheduler.framework.Diagnosis;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        // One builder rather than streams: a cycle over a hundred nodes writes this sentence for every pod.
        StringBuilder out = new StringBuilder("Scored ");
        boolean firstNode = true;
        for (Map.Entry<String, Map<String, Long>> node : scores.entrySet()) {
            if (!firstNode) {
                out.append(", ");
            }
            firstNode = false;
            out.append(node.getKey()).append(' ').append(total(node.getValue())).append(" (");
            boolean firstPlugin = true;
            for (Map.Entry<String, Long> plugin : node.getValue().entrySet()) {
                if (!firstPlugin) {
                    out.append(", ");
                }
                firstPlugin = false;
                out.append(plugin.getKey()).append(' ').append(plugin.getValue());
            }
            out.append(')');
        }
        out.append("; ");
        if (ties > 1) {
            out.append(String.format("%d nodes tie for the top score, and %s was picked at random.", ties, winner));
        } else {
            out.append(winner).append(" wins.");
        }
        return out.toString();
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
        long sum = 0;
        for (long value : byPlugin.values()) {
            sum += value;
        }
        return sum;
    }

    static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
