package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.function.Predicate;

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
        if (!matchesNodeSelectorAndAffinity(pod.path("spec"), node)) {
            return new Result(false, false);
        }
        JsonNode tolerations = pod.path("spec").path("tolerations");
        JsonNode taints = node.path("spec").path("taints");
        boolean fitsTaints = !hasUntoleratedTaint(taints, tolerations,
                effect -> effect.equals("NoExecute") || effect.equals("NoSchedule"));
        if (!fitsTaints) {
            return new Result(false, !hasUntoleratedTaint(taints, tolerations, effect -> effect.equals("NoExecute")));
        }
        return new Result(true, true);
    }

    /** v1helper.FindMatchingUntoleratedTaint, among the taints whose effect passes {@code effects}. */
    static boolean hasUntoleratedTaint(JsonNode taints, JsonNode tolerations, Predicate<String> effects) {
        for (JsonNode taint : taints) {
            if (!effects.test(taint.path("effect").asText())) {
                continue;
            }
            boolean tolerated = false;
            for (JsonNode toleration : tolerations) {
                if (tolerates(toleration, taint)) {
                    tolerated = true;
                    break;
                }
            }
            if (!tolerated) {
                return true;
            }
        }
        return false;
    }

    /** Toleration.ToleratesTaint. */
    static boolean tolerates(JsonNode toleration, JsonNode taint) {
        String effect = toleration.path("effect").asText("");
        if (!effect.isEmpty() && !effect.equals(taint.path("effect").asText())) {
            return false;
        }
        String key = toleration.path("key").asText("");
        if (!key.isEmpty() && !key.equals(taint.path("key").asText())) {
            return false;
        }
        return switch (toleration.path("operator").asText("")) {
            case "", "Equal" -> toleration.path("value").asText("").equals(taint.path("value").asText(""));
            case "Exists" -> true;
            default -> false;
        };
    }

    /** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): the nodeSelector and the required terms. */
    static boolean matchesNodeSelectorAndAffinity(JsonNode podSpec, JsonNode node) {
        JsonNode labels = node.path("metadata").path("labels");
        var selector = podSpec.path("nodeSelector").properties().iterator();
        while (selector.hasNext()) {
            var entry = selector.next();
            if (!labels.has(entry.getKey()) || !labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        JsonNode required = podSpec.path("affinity").path("nodeAffinity").path("requiredDuringSchedulingIgnoredDuringExecution");
        if (required.isMissingNode() || required.isNull()) {
            return true;
        }
        for (JsonNode term : required.path("nodeSelectorTerms")) {
            if (termMatches(term, node)) {
                return true;
            }
        }
        return false;
    }

    /** A term matches when all its requirements do; a term with none matches nothing. */
    private static boolean termMatches(JsonNode term, JsonNode node) {
        JsonNode expressions = term.path("matchExpressions");
        JsonNode fields = term.path("matchFields");
        if (expressions.size() == 0 && fields.size() == 0) {
            return false;
        }
        JsonNode labels = node.path("metadata").path("labels");
        for (JsonNode requirement : expressions) {
            String key = requirement.path("key").asText();
            if (!requirementMatches(requirement, labels.has(key) ? labels.path(key).asText() : null)) {
                return false;
            }
        }
        for (JsonNode requirement : fields) {
            // Only metadata.name is a supported node field.
            String value = requirement.path("key").asText().equals("metadata.name") ? ObjectMeta.name(node) : null;
            if (value == null || !requirementMatches(requirement, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean requirementMatches(JsonNode requirement, String value) {
        JsonNode values = requirement.path("values");
        return switch (requirement.path("operator").asText()) {
            case "In" -> value != null && contains(values, value);
            case "NotIn" -> value == null || !contains(values, value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt", "Lt" -> value != null && values.size() == 1 && compare(value, values.get(0).asText(),
                    requirement.path("operator").asText().equals("Gt"));
            default -> false;
        };
    }

    private static boolean compare(String value, String bound, boolean greater) {
        try {
            long v = Long.parseLong(value);
            long b = Long.parseLong(bound);
            return greater ? v > b : v < b;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
