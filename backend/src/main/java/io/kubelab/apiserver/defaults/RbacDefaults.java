package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.each;

/** rbac.authorization.k8s.io/v1: RoleBinding and ClusterRoleBinding (roles have no defaults). */
final class RbacDefaults {

    static final String GROUP = "rbac.authorization.k8s.io";

    private RbacDefaults() {
    }

    static void binding(ObjectNode binding) {
        Fields.defaultString(Fields.ensureObject(binding, "roleRef"), "apiGroup", GROUP);
        each(binding, "subjects", subject -> {
            // ServiceAccount subjects default to the core group "", which omitempty leaves unprinted.
            String kind = subject.path("kind").asText("");
            if ((kind.equals("User") || kind.equals("Group")) && Fields.isEmptyString(subject, "apiGroup")) {
                subject.put("apiGroup", GROUP);
            }
        });
    }
}
