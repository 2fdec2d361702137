package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.LabelSelector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clusterrole-aggregation controller writes into a ClusterRole with an {@code aggregationRule}: for each
 * selector in order, the roles it selects sorted by name (itself excluded), their rules appended unless an equal
 * rule is already there. The controller re-runs whenever any ClusterRole changes; running to a fixed point here
 * gives the same end state, so {@code admin} includes {@code edit}'s rules once {@code edit} is filled.
 * This is for building stored state (the bootstrap policy); the authorizer never aggregates.
 */
public final class ClusterRoleAggregation {

    private ClusterRoleAggregation() {
    }

    /** Copies of {@code clusterRoles}, in the same order, with every aggregated role's {@code rules} filled. */
    public static List<ObjectNode> aggregate(List<ObjectNode> clusterRoles) {
        List<ObjectNode> roles = new ArrayList<>();
        clusterRoles.forEach(r -> roles.add(r.deepCopy()));
        // each pass can only add rules, and there are finitely many, so this ends
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < roles.size(); i++) {
                ObjectNode role = roles.get(i);
                if (!role.hasNonNull("aggregationRule")) {
                    continue;
                }
                ArrayNode rules = aggregatedRules(role, roles);
                if (!rules.equals(role.path("rules"))) {
                    roles.set(i, withRules(role, rules));
                    changed = true;
                }
            }
        }
        return roles;
    }

    private static ArrayNode aggregatedRules(ObjectNode target, List<ObjectNode> all) {
        String targetName = target.path("metadata").path("name").asText();
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        for (JsonNode selector : target.path("aggregationRule").path("clusterRoleSelectors")) {
            List<LabelSelector.Requirement> requirements = requirements(selector);
            List<ObjectNode> selected = all.stream()
                    .filter(r -> matchesAll(requirements, labelsOf(r)))
                    .sorted(Comparator.comparing(r -> r.path("metadata").path("name").asText()))
                    .toList();
            for (ObjectNode role : selected) {
                if (role.path("metadata").path("name").asText().equals(targetName)) {
                    continue;
                }
                for (JsonNode rule : role.path("rules")) {
                    if (!contains(rules, rule)) {
                        rules.add(rule.deepCopy());
                    }
                }
            }
        }
        return rules;
    }

    private static boolean contains(ArrayNode rules, JsonNode rule) {
        for (JsonNode existing : rules) {
            if (existing.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    /** The role with {@code rules} replaced, keeping the struct order: rules come before aggregationRule. */
    private static ObjectNode withRules(ObjectNode role, ArrayNode rules) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : role.properties()) {
            if (field.getKey().equals("rules")) {
                continue;
            }
            if (field.getKey().equals("aggregationRule")) {
                out.set("rules", rules);
            }
            out.set(field.getKey(), field.getValue());
        }
        return out;
    }

    private static boolean matchesAll(List<LabelSelector.Requirement> requirements, Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    /** A metav1.LabelSelector's requirements: matchLabels as equalities, then matchExpressions. */
    private static List<LabelSelector.Requirement> requirements(JsonNode selector) {
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        Map<String, String> matchLabels = new LinkedHashMap<>();
        selector.path("matchLabels").properties().forEach(e -> matchLabels.put(e.getKey(), e.getValue().asText()));
        matchLabels.forEach((k, v) -> requirements.add(
                new LabelSelector.Requirement(k, LabelSelector.Operator.EQUALS, List.of(v))));
        for (JsonNode expression : selector.path("matchExpressions")) {
            LabelSelector.Operator op = switch (expression.path("operator").asText()) {
                case "In" -> LabelSelector.Operator.IN;
                case "NotIn" -> LabelSelector.Operator.NOT_IN;
                case "Exists" -> LabelSelector.Operator.EXISTS;
                default -> LabelSelector.Operator.DOES_NOT_EXIST;
            };
            requirements.add(new LabelSelector.Requirement(expression.path("key").asText(), op,
                    PolicyRules.strings(expression, "values")));
        }
        return requirements;
    }

    private static Map<String, String> labelsOf(ObjectNode role) {
        Map<String, String> labels = new HashMap<>();
        role.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
