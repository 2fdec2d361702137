package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.Strategy;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;

import java.util.Optional;

/**
 * What admission sees of a write: the operation, who makes it, on what, the object as it will be stored
 * (plugins may change it in {@code admit}), the stored object it replaces, and read access to the rest.
 */
public record AdmissionRequest(Operation operation, UserInfo user, ResourceType type, String namespace, String name,
                               String subresource, ObjectNode object, Optional<ObjectNode> old, boolean dryRun,
                               Strategy.Context objects) {

    public enum Operation { CREATE, UPDATE, DELETE, CONNECT }

    public boolean is(String group, String resource) {
        return type.group().equals(group) && type.resource().equals(resource);
    }
}
