package io.kubelab.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A watcher's copy of the objects it watches, keyed {@code namespace/name} (just {@code name} when
 * cluster-scoped), kept current by applying each watch event: the cache behind an informer or a lister.
 * Objects are shared with readers, who must not change them.
 */
public final class ObjectCache {

    private final Map<String, ObjectNode> objects = new TreeMap<>();

    public static String key(ObjectNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        String name = object.path("metadata").path("name").asText("");
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** Applies one watch event; returns the key it changed, or empty for a bookmark. */
    public synchronized Optional<String> apply(WatchEvent event) {
        if (event.type() == WatchEvent.Type.BOOKMARK) {
            return Optional.empty();
        }
        String key = key(event.object());
        if (event.type() == WatchEvent.Type.DELETED) {
            objects.remove(key);
        } else {
            objects.put(key, event.object());
        }
        return Optional.of(key);
    }

    public synchronized Optional<ObjectNode> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public synchronized List<ObjectNode> list() {
        return new ArrayList<>(objects.values());
    }

    /** The objects of one namespace. */
    public synchronized List<ObjectNode> list(String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        String prefix = namespace + "/";
        objects.forEach((key, object) -> {
            if (key.startsWith(prefix)) {
                out.add(object);
            }
        });
        return out;
    }

    public synchronized List<String> keys() {
        return new ArrayList<>(objects.keySet());
    }
}
