package io.kubelab.apiserver.authorization;

import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;

import java.util.Optional;

/** The API server's authorization step: kubeadm's chain (superusers, then RBAC) with its Forbidden words. */
public final class RbacAuthorization implements io.kubelab.apiserver.Authorizer {

    private final UnionAuthorizer chain;

    public RbacAuthorization(RbacSource policy) {
        this.chain = UnionAuthorizer.kubeadm(policy);
    }

    @Override
    public Optional<String> deny(UserInfo user, String verb, ResourceType type, String subresource, String namespace,
                                 String name) {
        Attributes request = Attributes.resource(user.name(), user.groups(), verb, type.group(), type.resource(),
                subresource, namespace, name);
        Decision decision = chain.authorize(request);
        return decision.allowed() ? Optional.empty() : Optional.of(ForbiddenMessage.why(request, decision.reason()));
    }
}
