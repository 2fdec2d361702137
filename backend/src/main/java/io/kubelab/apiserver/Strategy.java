package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What differs between kinds in the registry, as Kubernetes' REST strategies define it: what a create
 * resets, which fields a field selector can name, whether spec changes bump {@code generation}, how a
 * delete is graceful.
 */
public interface Strategy {

    /** Set up a new object after defaulting: status reset, kind-specific fields. */
    default void prepareForCreate(ObjectNode object, Context context) {
    }

    /** Called on an update of the main resource, after status has been carried over. */
    default void prepareForUpdate(ObjectNode object, ObjectNode old, Context context) {
    }

    /** Whether a delete must wait for more than metadata finalizers (a namespace's spec finalizers). */
    default boolean holdsDelete(ObjectNode object) {
        return false;
    }

    /** Marks an object whose deletion has begun but cannot finish yet. */
    default void markDeleting(ObjectNode object) {
    }

    /** What a strategy or admission plugin may consult: stored objects, the sandbox's randomness and time. */
    interface Context {
        /** Every stored object of a type, in all namespaces. */
        java.util.List<ObjectNode> all(io.kubelab.model.ResourceType type);

        java.util.List<ObjectNode> inNamespace(io.kubelab.model.ResourceType type, String namespace);

        java.util.Optional<ObjectNode> get(io.kubelab.model.ResourceType type, String namespace, String name);

        java.util.random.RandomGenerator random();

        java.time.Instant now();
    }

    /** Whether a create starts with an empty status (true for kinds with a status subresource). */
    default boolean resetsStatusOnCreate() {
        return true;
    }

    /** Whether {@code metadata.generation} starts at 1 and grows with every change of the spec. */
    default boolean tracksGeneration() {
        return false;
    }

    /** Whether an update is a new generation: Kubernetes counts changes to everything but metadata and status. */
    default boolean generationChanged(ObjectNode updated, ObjectNode old) {
        ObjectNode a = updated.deepCopy();
        ObjectNode b = old.deepCopy();
        for (ObjectNode o : java.util.List.of(a, b)) {
            o.remove(java.util.List.of("metadata", "status"));
        }
        return !a.equals(b);
    }

    /** Whether a completed delete answers with the object rather than a success Status. */
    default boolean returnsDeletedObject() {
        return false;
    }

    /** The grace period of a delete, 0 for immediate; only pods are graceful. */
    default long gracePeriod(ObjectNode object, OptionalLong requested) {
        return 0;
    }

    /** Field-selectable fields beyond {@code metadata.name} and {@code metadata.namespace}. */
    default Set<String> extraFields() {
        return Set.of();
    }

    default String field(ObjectNode object, String name) {
        return text(object, name);
    }

    /** The selectable field values of {@code object}. */
    default Map<String, String> fields(ObjectNode object, boolean namespaced) {
        Map<String, String> out = new HashMap<>();
        JsonNode metadata = object.path("metadata");
        out.put("metadata.name", metadata.path("name").asText(""));
        if (namespaced) {
            out.put("metadata.namespace", metadata.path("namespace").asText(""));
        }
        for (String name : extraFields()) {
            out.put(name, field(object, name));
        }
        return out;
    }

    /** The value at a dotted path, "" when absent; numbers and booleans as their text. */
    static String text(JsonNode object, String dottedPath) {
        JsonNode node = object;
        for (String part : Paths.SPLIT.computeIfAbsent(dottedPath, p -> p.split("\\."))) {
            node = node.path(part);
        }
        return node.isValueNode() ? node.asText() : "";
    }

    /** Field paths split once: field selectors read the same few paths of every listed object. */
    final class Paths {
        static final java.util.Map<String, String[]> SPLIT = new java.util.concurrent.ConcurrentHashMap<>();

        private Paths() {
        }
    }
}
