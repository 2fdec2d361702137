package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.store.Keys;
import io.kubelab.store.ObjectCache;
import io.kubelab.store.SelectionPredicate;
import io.kubelab.store.Store;

import java.util.List;
import java.util.Optional;

/**
 * RBAC's listers: the roles and bindings kept current by watching the store, as the authorizer's informers
 * do in kube-apiserver, so that authorizing a request reads memory rather than listing etcd. Objects are
 * shared with the authorizer, which only reads them.
 */
public final class StoreRbacSource implements RbacSource {

    private final ObjectCache clusterRoles = new ObjectCache();
    private final ObjectCache clusterRoleBindings = new ObjectCache();
    private final ObjectCache roles = new ObjectCache();
    private final ObjectCache roleBindings = new ObjectCache();

    public StoreRbacSource(Store store) {
        watch(store, "clusterroles", clusterRoles);
        watch(store, "clusterrolebindings", clusterRoleBindings);
        watch(store, "roles", roles);
        watch(store, "rolebindings", roleBindings);
    }

    private static void watch(Store store, String resource, ObjectCache cache) {
        store.watch(Keys.prefix(resource), 0, SelectionPredicate.everything(), false, true, cache::apply);
    }

    @Override
    public List<ObjectNode> clusterRoles() {
        return clusterRoles.list();
    }

    @Override
    public List<ObjectNode> clusterRoleBindings() {
        return clusterRoleBindings.list();
    }

    @Override
    public List<ObjectNode> roleBindings(String namespace) {
        return roleBindings.list(namespace);
    }

    @Override
    public Optional<ObjectNode> role(String namespace, String name) {
        return roles.get(namespace + "/" + name);
    }

    @Override
    public Optional<ObjectNode> clusterRole(String name) {
        return clusterRoles.get(name);
    }
}
