package io.kubelab.apiserver.authorization;

import java.util.Set;

/**
 * The superuser short-circuit the API server puts before every configured authorizer
 * ({@code authorizerfactory.NewPrivilegedGroups(user.SystemPrivilegedGroup)}): members of {@code system:masters}
 * may do anything, whatever RBAC says, so deleting the cluster-admin binding cannot lock them out.
 * It allows with an empty reason and takes no part in rules reviews.
 */
public final class PrivilegedGroups implements Authorizer {

    public static final String SYSTEM_MASTERS = "system:masters";

    private final Set<String> groups;

    public PrivilegedGroups(Set<String> groups) {
        this.groups = Set.copyOf(groups);
    }

    public static PrivilegedGroups systemMasters() {
        return new PrivilegedGroups(Set.of(SYSTEM_MASTERS));
    }

    @Override
    public Decision authorize(Attributes request) {
        for (String group : request.groups()) {
            if (groups.contains(group)) {
                return Decision.allow("");
            }
        }
        return Decision.noOpinion("");
    }
}
