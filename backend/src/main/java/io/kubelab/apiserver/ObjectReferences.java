package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * core/v1 {@code ObjectReference}s as client-go's {@code tools/reference.GetReference} builds them, in the
 * field order Go marshals them (kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath; all
 * omitempty).
 */
public final class ObjectReferences {

    /** The fields of an ObjectReference, in Go's declaration order. */
    static final List<String> FIELDS = List.of("kind", "namespace", "name", "uid", "apiVersion", "resourceVersion",
            "fieldPath");

    private ObjectReferences() {
    }

    /**
     * The reference to {@code object}: a full object (it has {@code metadata}) is turned into one; anything
     * else is taken to be a reference already, as GetReference returns an {@code *ObjectReference} as is.
     * Empty when the object carries no kind or apiVersion (GetReference fails, and the event is not reported).
     */
    public static Optional<ObjectNode> of(ObjectNode object) {
        if (!object.has("metadata")) {
            return Optional.of(normalise(object));
        }
        String kind = object.path("kind").asText("");
        String apiVersion = object.path("apiVersion").asText("");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            return Optional.empty();
        }
        JsonNode meta = object.path("metadata");
        return Optional.of(build(kind, meta.path("namespace").asText(""), meta.path("name").asText(""),
                meta.path("uid").asText(""), apiVersion, meta.path("resourceVersion").asText(""), ""));
    }

    /**
     * {@code GetPartialReference}: the object's reference pointing into it, as the kubelet's container
     * events do ({@code spec.containers{nginx}}).
     */
    public static Optional<ObjectNode> withFieldPath(ObjectNode object, String fieldPath) {
        return of(object).map(ref -> {
            ObjectNode copy = ref.deepCopy();
            copy.remove("fieldPath");
            return build(text(copy, "kind"), text(copy, "namespace"), text(copy, "name"), text(copy, "uid"),
                    text(copy, "apiVersion"), text(copy, "resourceVersion"), fieldPath);
        });
    }

    /**
     * The reference the kubelet and kube-proxy make to their node: no apiVersion, and the node's name as its
     * uid ({@code types.UID(nodeName)}), not the Node object's real uid.
     */
    public static ObjectNode node(String nodeName) {
        return build("Node", "", nodeName, nodeName, "", "", "");
    }

    public static ObjectNode build(String kind, String namespace, String name, String uid, String apiVersion,
                                   String resourceVersion, String fieldPath) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String[] values = {kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                out.put(FIELDS.get(i), values[i]);
            }
        }
        return out;
    }

    /** A reference re-laid in Go's field order, empty fields dropped, unknown fields ignored. */
    public static ObjectNode normalise(JsonNode ref) {
        return build(text(ref, "kind"), text(ref, "namespace"), text(ref, "name"), text(ref, "uid"),
                text(ref, "apiVersion"), text(ref, "resourceVersion"), text(ref, "fieldPath"));
    }

    static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }
}
