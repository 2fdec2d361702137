package io.kubelab.controller.garbagecollector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.ResourceType;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The garbage collector's graph (graph_builder.go's {@code uidToNode}): every watched object by uid, and
 * for every owner uid the objects that name it. Derived from the informers only, so it is rebuilt from
 * the store whenever the controller starts.
 */
final class OwnerGraph {

    /** Where an object lives, and the owner uids it names. */
    record Node(ResourceType type, String namespace, String name, String uid, List<String> owners) {
        String key() {
            return namespace.isEmpty() ? name : namespace + "/" + name;
        }
    }

    private final Map<String, Node> byUid = new HashMap<>();
    private final Map<String, Set<String>> dependents = new HashMap<>();

    void put(ResourceType type, ObjectNode object) {
        String uid = ObjectMeta.uid(object);
        remove(uid);
        List<String> owners = new java.util.ArrayList<>();
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            owners.add(ref.path("uid").asText());
            dependents.computeIfAbsent(ref.path("uid").asText(), k -> new LinkedHashSet<>()).add(uid);
        }
        byUid.put(uid, new Node(type, ObjectMeta.namespace(object), ObjectMeta.name(object), uid, List.copyOf(owners)));
    }

    void remove(String uid) {
        Node old = byUid.remove(uid);
        if (old == null) {
            return;
        }
        for (String owner : old.owners()) {
            Set<String> set = dependents.get(owner);
            if (set != null) {
                set.remove(uid);
                if (set.isEmpty()) {
                    dependents.remove(owner);
                }
            }
        }
    }

    Optional<Node> get(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /** The uids of the objects that name {@code ownerUid} among their owners. */
    Set<String> dependents(String ownerUid) {
        return Set.copyOf(dependents.getOrDefault(ownerUid, Set.of()));
    }
}
