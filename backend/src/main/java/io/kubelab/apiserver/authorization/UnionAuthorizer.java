package io.kubelab.apiserver.authorization;

import java.util.ArrayList;
import java.util.List;

/**
 * Authorizers asked in order, the first allow winning ({@code authorizer/union}). When none allows, their
 * non-empty reasons are joined with newlines: that is the reason the Forbidden message carries.
 */
public final class UnionAuthorizer implements Authorizer {

    private final List<Authorizer> chain;

    public UnionAuthorizer(List<Authorizer> chain) {
        this.chain = List.copyOf(chain);
    }

    /** The chain of a kubeadm API server as far as Kubelab models it: superusers, then RBAC. */
    public static UnionAuthorizer kubeadm(RbacSource policy) {
        return new UnionAuthorizer(List.of(PrivilegedGroups.systemMasters(), new RbacAuthorizer(policy)));
    }

    @Override
    public Decision authorize(Attributes request) {
        List<String> reasons = new ArrayList<>();
        for (Authorizer authorizer : chain) {
            Decision decision = authorizer.authorize(request);
            if (decision.allowed()) {
                return decision;
            }
            if (!decision.reason().isEmpty()) {
                reasons.add(decision.reason());
            }
        }
        return Decision.noOpinion(String.join("\n", reasons));
    }
}
