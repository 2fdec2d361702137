package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.FieldErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * RBAC's answer to a rules review ({@code RBACAuthorizer.RulesFor} and the SelfSubjectRulesReview storage): every
 * rule from every binding naming the user, split into resource rules (those with {@code resources}) and
 * non-resource rules (those with {@code nonResourceURLs}); a rule with both lands in both lists. RBAC always
 * reports itself complete. The superuser short-circuit takes no part, so a {@code system:masters} member sees
 * what its bindings give it (cluster-admin's {@code *} rules on a kubeadm cluster).
 */
public final class RulesResolver {

    private final RuleResolver resolver;

    public RulesResolver(RbacSource policy) {
        this.resolver = new RuleResolver(policy);
    }

    public RulesReview rulesFor(String user, List<String> groups, String namespace) {
        List<ObjectNode> resourceRules = new ArrayList<>();
        List<ObjectNode> nonResourceRules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        resolver.visitRulesFor(user, groups, namespace, new RuleResolver.Visitor() {
            @Override
            public boolean rule(String source, JsonNode rule) {
                if (!rule.path("resources").isEmpty()) {
                    resourceRules.add(resourceRule(rule));
                }
                if (!rule.path("nonResourceURLs").isEmpty()) {
                    nonResourceRules.add(nonResourceRule(rule));
                }
                return true;
            }

            @Override
            public boolean error(String message) {
                errors.add(message);
                return true;
            }
        });
        return new RulesReview(resourceRules, nonResourceRules, false,
                errors.isEmpty() ? "" : FieldErrors.aggregate(errors));
    }

    // authorization/v1 ResourceRule: verbs always, the other lists only when set
    private static ObjectNode resourceRule(JsonNode rule) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        copyList(rule, out, "verbs", true);
        copyList(rule, out, "apiGroups", false);
        copyList(rule, out, "resources", false);
        copyList(rule, out, "resourceNames", false);
        return out;
    }

    private static ObjectNode nonResourceRule(JsonNode rule) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        copyList(rule, out, "verbs", true);
        copyList(rule, out, "nonResourceURLs", false);
        return out;
    }

    private static void copyList(JsonNode from, ObjectNode to, String field, boolean always) {
        List<String> values = PolicyRules.strings(from, field);
        if (always || !values.isEmpty()) {
            values.forEach(to.putArray(field)::add);
        }
    }
}
