package io.kubelab.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's node constraints against a node ({@code component-helpers/scheduling/corev1/nodeaffinity}):
 * {@code nodeSelector} is an exact match of labels; {@code v1.NodeSelector} terms are ORed, a term's
 * expressions ANDed, and a term with no expressions and no fields matches nothing. Operators In, NotIn,
 * Exists, DoesNotExist, Gt, Lt; {@code matchFields} knows only {@code metadata.name}.
 */
public final class NodeSelectors {

    private NodeSelectors() {
    }

    /** {@code GetRequiredNodeAffinity(pod).Match(node)}: the nodeSelector and the required terms. */
    public static boolean matchesRequired(JsonNode podSpec, JsonNode node) {
        if (!matchesNodeSelector(podSpec, node)) {
            return false;
        }
        JsonNode required = podSpec.path("affinity").path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution");
        return required.isMissingNode() || required.isNull()
                || matchesAnyTerm(required.path("nodeSelectorTerms"), node);
    }

    /** Whether every {@code nodeSelector} label of the pod spec is on the node with that value. */
    public static boolean matchesNodeSelector(JsonNode podSpec, JsonNode node) {
        Map<String, String> labels = Labels.of(node);
        for (var entry : podSpec.path("nodeSelector").properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code nodeSelectorTerms} match the node. */
    public static boolean matchesAnyTerm(JsonNode terms, JsonNode node) {
        for (JsonNode term : terms) {
            if (matchesTerm(term, node)) {
                return true;
            }
        }
        return false;
    }

    public static boolean matchesTerm(JsonNode term, JsonNode node) {
        JsonNode expressions = term.path("matchExpressions");
        JsonNode fields = term.path("matchFields");
        if (expressions.isEmpty() && fields.isEmpty()) {
            return false;
        }
        Map<String, String> labels = Labels.of(node);
        for (JsonNode expression : expressions) {
            if (!matches(expression, labels.get(expression.path("key").asText()))) {
                return false;
            }
        }
        for (JsonNode field : fields) {
            String value = field.path("key").asText().equals("metadata.name")
                    ? node.path("metadata").path("name").asText() : null;
            if (!matches(field, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(JsonNode expression, String value) {
        List<String> values = new ArrayList<>();
        expression.path("values").forEach(v -> values.add(v.asText()));
        return switch (expression.path("operator").asText()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt", "Lt" -> compare(expression.path("operator").asText(), value, values);
            default -> false;
        };
    }

    private static boolean compare(String operator, String value, List<String> values) {
        if (value == null || values.size() != 1) {
            return false;
        }
        try {
            long have = Long.parseLong(value);
            long want = Long.parseLong(values.get(0));
            return operator.equals("Gt") ? have > want : have < want;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
