package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which pods a ResourceQuota's scopes select: Terminating (an active deadline), NotTerminating,
 * BestEffort, NotBestEffort, and PriorityClass through {@code scopeSelector}. A quota with scopes tracks
 * pods only.
 */
public final class PodScopes {

    private PodScopes() {
    }

    /** Whether the quota covers {@code pod}; {@code pod} null means the object is not a pod. */
    public static boolean applies(ObjectNode quota, ObjectNode pod) {
        JsonNode scopes = quota.path("spec").path("scopes");
        JsonNode expressions = quota.path("spec").path("scopeSelector").path("matchExpressions");
        if (scopes.isEmpty() && expressions.isEmpty()) {
            return true;
        }
        if (pod == null) {
            return false;
        }
        for (JsonNode scope : scopes) {
            if (!matches(scope.asText(), "Exists", null, pod)) {
                return false;
            }
        }
        for (JsonNode expression : expressions) {
            if (!matches(expression.path("scopeName").asText(), expression.path("operator").asText(),
                    expression.path("values"), pod)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String scope, String operator, JsonNode values, ObjectNode pod) {
        JsonNode spec = pod.path("spec");
        return switch (scope) {
            case "Terminating" -> spec.hasNonNull("activeDeadlineSeconds") == operator.equals("Exists");
            case "NotTerminating" -> !spec.hasNonNull("activeDeadlineSeconds") == operator.equals("Exists");
            case "BestEffort" -> bestEffort(spec) == operator.equals("Exists");
            case "NotBestEffort" -> !bestEffort(spec) == operator.equals("Exists");
            case "PriorityClass" -> priorityClass(spec.path("priorityClassName").asText(""), operator, values);
            default -> false;
        };
    }

    private static boolean priorityClass(String name, String operator, JsonNode values) {
        boolean listed = false;
        for (JsonNode value : values) {
            listed |= value.asText().equals(name);
        }
        return switch (operator) {
            case "In" -> listed;
            case "NotIn" -> !listed;
            case "Exists" -> !name.isEmpty();
            case "DoesNotExist" -> name.isEmpty();
            default -> false;
        };
    }

    private static boolean bestEffort(JsonNode spec) {
        for (String list : new String[]{"initContainers", "containers"}) {
            for (JsonNode container : spec.path(list)) {
                JsonNode resources = container.path("resources");
                if (!resources.path("requests").isEmpty() || !resources.path("limits").isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}
