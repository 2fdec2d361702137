package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.FieldErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * The RBAC authorizer ({@code plugin/pkg/auth/authorizer/rbac}): allows as soon as one rule from a binding
 * naming the user covers the request; otherwise has no opinion, with the reason {@code RBAC: <errors>} when some
 * binding could not be resolved (a missing role), which the API server then shows after its Forbidden message.
 * Aggregated ClusterRoles count with the {@code rules} the aggregation controller wrote, nothing more.
 */
public final class RbacAuthorizer implements Authorizer {

    private final RuleResolver resolver;

    public RbacAuthorizer(RbacSource policy) {
        this.resolver = new RuleResolver(policy);
    }

    @Override
    public Decision authorize(Attributes request) {
        List<String> errors = new ArrayList<>();
        String[] allowedBy = {null};
        resolver.visitRulesFor(request.user(), request.groups(), request.namespace(), new RuleResolver.Visitor() {
            @Override
            public boolean rule(String source, JsonNode rule) {
                if (PolicyRules.allows(rule, request)) {
                    allowedBy[0] = source;
                    return false;
                }
                return true;
            }

            @Override
            public boolean error(String message) {
                errors.add(message);
                return true;
            }
        });
        if (allowedBy[0] != null) {
            return Decision.allow("RBAC: allowed by " + allowedBy[0]);
        }
        return Decision.noOpinion(errors.isEmpty() ? "" : "RBAC: " + FieldErrors.aggregate(errors));
    }
}
