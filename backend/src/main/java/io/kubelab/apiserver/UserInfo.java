package io.kubelab.apiserver;

import java.util.ArrayList;
import java.util.List;

/** Who is asking, as authentication establishes it: a user name and the groups it belongs to. */
public record UserInfo(String name, List<String> groups) {

    public static final String AUTHENTICATED = "system:authenticated";
    public static final String MASTERS = "system:masters";

    /** The student: kubeadm's {@code admin.conf} user, cluster-admin through the kubeadm:cluster-admins binding. */
    public static final UserInfo ADMIN = new UserInfo("kubernetes-admin", List.of("kubeadm:cluster-admins", AUTHENTICATED));

    /**
     * The groups of every component user, one instance: {@link #isComponent()} recognises the simulation's
     * own components by it, so no user a request names (even {@code --as-group system:masters}) passes for one.
     */
    private static final List<String> COMPONENT_GROUPS = List.of(MASTERS, AUTHENTICATED);

    /** The simulation's own components; trusted like the API server's loopback client. */
    public static UserInfo component(String name) {
        return new UserInfo(name, COMPONENT_GROUPS);
    }

    public static UserInfo serviceAccount(String namespace, String name) {
        return new UserInfo("system:serviceaccount:" + namespace + ":" + name,
                List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, AUTHENTICATED));
    }

    /**
     * A user as {@code --as}/{@code --as-group} name it, as the impersonation filter builds it: a service
     * account's own groups only when no group is given, and {@code system:authenticated} unless the
     * request is anonymous or says it is unauthenticated.
     */
    public static UserInfo impersonated(String name, List<String> groups) {
        List<String> all = new ArrayList<>(groups);
        if (groups.isEmpty() && name.startsWith("system:serviceaccount:")) {
            String[] parts = name.split(":", 4);
            if (parts.length == 4) {
                all.addAll(List.of("system:serviceaccounts", "system:serviceaccounts:" + parts[2]));
            }
        }
        if (!name.equals("system:anonymous") && !all.contains("system:unauthenticated") && !all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new UserInfo(name, List.copyOf(all));
    }

    /**
     * One of the simulation's own components (built by {@link #component}), whose objects are well-formed by
     * construction, as Kubernetes' own components' are: the API server spares them checks that can only pass.
     */
    public boolean isComponent() {
        return groups == COMPONENT_GROUPS;
    }

    public boolean isSuperuser() {
        return groups.contains(MASTERS);
    }
}
