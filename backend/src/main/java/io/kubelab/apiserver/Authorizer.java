package io.kubelab.apiserver;

import io.kubelab.model.ResourceType;

import java.util.Optional;

/** Decides whether a user may do a verb on a resource; a denial says why, in Kubernetes' words. */
public interface Authorizer {

    Authorizer ALLOW_ALL = (user, verb, type, subresource, namespace, name) -> Optional.empty();

    /**
     * Empty when allowed; otherwise the text after {@code is forbidden: } in the Forbidden Status, e.g.
     * {@code User "jane" cannot list resource "pods" in API group "" in the namespace "default"}.
     */
    Optional<String> deny(UserInfo user, String verb, ResourceType type, String subresource, String namespace,
                          String name);
}
