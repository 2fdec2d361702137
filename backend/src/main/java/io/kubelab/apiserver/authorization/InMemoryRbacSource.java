package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** Fixed lists of RBAC objects: the bootstrap policy before a store exists, and tests. */
public record InMemoryRbacSource(List<ObjectNode> clusterRoles, List<ObjectNode> clusterRoleBindings,
                                 List<ObjectNode> roles, List<ObjectNode> roleBindings) implements RbacSource {

    public InMemoryRbacSource {
        clusterRoles = List.copyOf(clusterRoles);
        clusterRoleBindings = List.copyOf(clusterRoleBindings);
        roles = List.copyOf(roles);
        roleBindings = List.copyOf(roleBindings);
    }

    @Override
    public List<ObjectNode> roleBindings(String namespace) {
        return roleBindings.stream().filter(b -> namespace.equals(namespaceOf(b))).toList();
    }

    @Override
    public Optional<ObjectNode> role(String namespace, String name) {
        return roles.stream().filter(r -> namespace.equals(namespaceOf(r)) && name.equals(nameOf(r))).findFirst();
    }

    @Override
    public Optional<ObjectNode> clusterRole(String name) {
        return clusterRoles.stream().filter(r -> name.equals(nameOf(r))).findFirst();
    }

    private static String namespaceOf(ObjectNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    private static String nameOf(ObjectNode object) {
        return object.path("metadata").path("name").asText("");
    }
}
