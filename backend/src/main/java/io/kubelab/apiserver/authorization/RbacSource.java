package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Where RBAC reads its policy, as the authorizer's listers do: Kubernetes JSON objects as stored
 * ({@code rules}, {@code subjects}, {@code roleRef}). Implementations return what is there now; the
 * authorizer keeps no copy, so a binding created a moment ago counts at once.
 */
public interface RbacSource {

    List<ObjectNode> clusterRoles();

    List<ObjectNode> clusterRoleBindings();

    /** The RoleBindings of one namespace. */
    List<ObjectNode> roleBindings(String namespace);

    Optional<ObjectNode> role(String namespace, String name);

    Optional<ObjectNode> clusterRole(String name);
}
