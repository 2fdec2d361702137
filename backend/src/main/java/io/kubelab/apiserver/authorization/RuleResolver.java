package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

import static io.kubelab.model.FieldErrors.goQuote;

/**
 * Finds the rules that apply to a user in a namespace, as {@code registry/rbac/validation DefaultRuleResolver}
 * does: every ClusterRoleBinding naming the user, then (for a namespaced request) every RoleBinding of that
 * namespace naming the user, each resolved to its Role or ClusterRole. A binding whose role is missing is an
 * error, not a failure: the rules found elsewhere still count.
 */
final class RuleResolver {

    /** Receives rules (with the binding that granted them) and resolution errors; false stops the walk. */
    interface Visitor {
        boolean rule(String source, JsonNode rule);

        boolean error(String message);
    }

    private final RbacSource policy;

    RuleResolver(RbacSource policy) {
        this.policy = policy;
    }

    void visitRulesFor(String user, List<String> groups, String namespace, Visitor visitor) {
        for (ObjectNode binding : policy.clusterRoleBindings()) {
            if (!visitBinding(binding, "", user, groups, visitor)) {
                return;
            }
        }
        if (namespace.isEmpty()) {
            return;
        }
        for (ObjectNode binding : policy.roleBindings(namespace)) {
            if (!visitBinding(binding, namespace, user, groups, visitor)) {
                return;
            }
        }
    }

    /** {@code bindingNamespace} is empty for a ClusterRoleBinding. Returns false when the visitor stopped. */
    private boolean visitBinding(ObjectNode binding, String bindingNamespace, String user, List<String> groups,
                                 Visitor visitor) {
        Optional<JsonNode> subject = firstApplyingSubject(binding.path("subjects"), bindingNamespace, user, groups);
        if (subject.isEmpty()) {
            return true;
        }
        JsonNode roleRef = binding.path("roleRef");
        String kind = roleRef.path("kind").asText("");
        String roleName = roleRef.path("name").asText("");
        Optional<ObjectNode> role;
        switch (kind) {
            case "Role" -> role = policy.role(bindingNamespace, roleName);
            case "ClusterRole" -> role = policy.clusterRole(roleName);
            default -> {
                return visitor.error("unsupported role reference kind: " + goQuote(kind));
            }
        }
        if (role.isEmpty()) {
            // the listers' NotFound, with the singular resource name they use
            String resource = kind.equals("Role") ? "role" : "clusterrole";
            return visitor.error(resource + ".rbac.authorization.k8s.io " + goQuote(roleName) + " not found");
        }
        String source = describeBinding(binding, bindingNamespace, kind, roleName, subject.get());
        for (JsonNode rule : role.get().path("rules")) {
            if (!visitor.rule(source, rule)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<JsonNode> firstApplyingSubject(JsonNode subjects, String bindingNamespace, String user,
                                                           List<String> groups) {
        for (JsonNode subject : subjects) {
            if (appliesTo(subject, bindingNamespace, user, groups)) {
                return Optional.of(subject);
            }
        }
        return Optional.empty();
    }

    static boolean appliesTo(JsonNode subject, String bindingNamespace, String user, List<String> groups) {
        String name = subject.path("name").asText("");
        return switch (subject.path("kind").asText("")) {
            case "User" -> user.equals(name);
            case "Group" -> groups.contains(name);
            case "ServiceAccount" -> {
                // a RoleBinding may leave out the namespace of a service account in its own namespace;
                // a ClusterRoleBinding has no namespace to lend, so such a subject matches nobody
                String saNamespace = subject.path("namespace").asText("");
                if (saNamespace.isEmpty()) {
                    saNamespace = bindingNamespace;
                }
                yield !saNamespace.isEmpty() && user.equals("system:serviceaccount:" + saNamespace + ":" + name);
            }
            default -> false;
        };
    }

    private static String describeBinding(ObjectNode binding, String bindingNamespace, String roleKind,
                                          String roleName, JsonNode subject) {
        String name = binding.path("metadata").path("name").asText("");
        String what = bindingNamespace.isEmpty()
                ? "ClusterRoleBinding " + goQuote(name)
                : "RoleBinding " + goQuote(name + "/" + bindingNamespace);
        return what + " of " + roleKind + " " + goQuote(roleName) + " to " + describeSubject(subject, bindingNamespace);
    }

    private static String describeSubject(JsonNode subject, String bindingNamespace) {
        String kind = subject.path("kind").asText("");
        String name = subject.path("name").asText("");
        if (kind.equals("ServiceAccount")) {
            String ns = subject.path("namespace").asText("");
            return kind + " " + goQuote(name + "/" + (ns.isEmpty() ? bindingNamespace : ns));
        }
        return kind + " " + goQuote(name);
    }
}
