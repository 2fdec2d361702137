package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.store.Keys;
import io.kubelab.store.SelectionPredicate;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RBAC's listers: the roles and bindings kept current by watching the store, as the authorizer's informers
 * do in kube-apiserver, so that authorizing a request reads memory rather than listing etcd. Objects are
 * shared with the authorizer, which only reads them.
 */
public final class StoreRbacSource implements RbacSource {

    private final Map<String, ObjectNode> clusterRoles = new TreeMap<>();
    private final Map<String, ObjectNode> clusterRoleBindings = new TreeMap<>();
    private final Map<String, ObjectNode> roles = new TreeMap<>();
    private final Map<String, ObjectNode> roleBindings = new TreeMap<>();

    public StoreRbacSource(Store store) {
        watch(store, "clusterroles", clusterRoles);
        watch(store, "clusterrolebindings", clusterRoleBindings);
        watch(store, "roles", roles);
        watch(store, "rolebindings", roleBindings);
    }

    private static void watch(Store store, String resource, Map<String, ObjectNode> cache) {
        store.watch(Keys.prefix(resource), 0, SelectionPredicate.everything(), false, event -> {
            if (event.type() == WatchEvent.Type.BOOKMARK) {
                return;
            }
            String key = key(event.object());
            synchronized (cache) {
                if (event.type() == WatchEvent.Type.DELETED) {
                    cache.remove(key);
                } else {
                    cache.put(key, event.object());
                }
            }
        });
    }

    private static String key(ObjectNode object) {
        return key(object.path("metadata").path("namespace").asText(""), object.path("metadata").path("name").asText());
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @Override
    public List<ObjectNode> clusterRoles() {
        return values(clusterRoles);
    }

    @Override
    public List<ObjectNode> clusterRoleBindings() {
        return values(clusterRoleBindings);
    }

    @Override
    public List<ObjectNode> roleBindings(String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        synchronized (roleBindings) {
            String prefix = namespace + "/";
            for (Map.Entry<String, ObjectNode> entry : roleBindings.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    out.add(entry.getValue());
                }
            }
        }
        return out;
    }

    @Override
    public Optional<ObjectNode> role(String namespace, String name) {
        synchronized (roles) {
            return Optional.ofNullable(roles.get(key(namespace, name)));
        }
    }

    @Override
    public Optional<ObjectNode> clusterRole(String name) {
        synchronized (clusterRoles) {
            return Optional.ofNullable(clusterRoles.get(key("", name)));
        }
    }

    private static List<ObjectNode> values(Map<String, ObjectNode> cache) {
        synchronized (cache) {
            return new ArrayList<>(cache.values());
        }
    }
}
