package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Objects as kubectl's generators build them from Go structs: fields in the struct's order (which the
 * saved configuration keeps), {@code creationTimestamp: null} in every ObjectMeta, and the empty structs
 * Go always writes ({@code resources: {}}, {@code status: {}}).
 */
public final class Typed {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Typed() {
    }

    /** {@code kind}, {@code apiVersion}, then {@code metadata} with the name and, if given, the namespace. */
    public static ObjectNode object(String apiVersion, String kind, String name, String namespace) {
        ObjectNode object = JSON.objectNode();
        object.put("kind", kind);
        object.put("apiVersion", apiVersion);
        object.set("metadata", meta(name, namespace));
        return object;
    }

    /** ObjectMeta with a name (omitted when empty), namespace (omitted when null or empty) and {@code creationTimestamp: null}. */
    public static ObjectNode meta(String name, String namespace) {
        ObjectNode meta = JSON.objectNode();
        if (name != null && !name.isEmpty()) {
            meta.put("name", name);
        }
        if (namespace != null && !namespace.isEmpty()) {
            meta.put("namespace", namespace);
        }
        meta.putNull("creationTimestamp");
        return meta;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A container with a name and image, then {@code command} or {@code args} if any, then {@code resources: {}}. */
    public static ObjectNode container(String name, String image) {
        ObjectNode container = JSON.objectNode();
        container.put("name", name);
        container.put("image", image);
        return container;
    }

    public static ObjectNode node() {
        return JSON.objectNode();
    }
}
