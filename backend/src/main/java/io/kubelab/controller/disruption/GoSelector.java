package io.kubelab.controller.disruption;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A label selector as Go's {@code %v} prints a {@code *metav1.LabelSelector} (its generated {@code String()}),
 * which the {@code UnmanagedPods} event quotes:
 * {@code &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}}.
 */
final class GoSelector {

    private GoSelector() {
    }

    static String format(JsonNode selector) {
        if (selector.isMissingNode() || selector.isNull()) {
            return "nil";
        }
        StringBuilder labels = new StringBuilder("map[string]string{");
        JsonNode matchLabels = selector.path("matchLabels");
        TreeSet<String> keys = new TreeSet<>();
        matchLabels.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            labels.append(key).append(": ").append(matchLabels.path(key).asText()).append(',');
        }
        labels.append('}');
        StringBuilder expressions = new StringBuilder("[]LabelSelectorRequirement{");
        for (JsonNode e : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            expressions.append("LabelSelectorRequirement{Key:").append(e.path("key").asText()).append(",Operator:")
                    .append(e.path("operator").asText()).append(",Values:[").append(String.join(" ", values))
                    .append("],},");
        }
        expressions.append('}');
        return "&LabelSelector{MatchLabels:" + labels + ",MatchExpressions:" + expressions + ",}";
    }
}
