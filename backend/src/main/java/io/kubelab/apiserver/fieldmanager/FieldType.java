package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kubelab.apiserver.patch.PatchSchema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What structured-merge-diff's schema says of one position of an object: an atomic value, a granular map
 * or struct, or a list that is atomic, a set or associative by key fields. Built from the patch tags of
 * {@link PatchSchema} (a {@code patchMergeKey} list is associative on that key, a merged scalar list is a
 * set, other lists are atomic), with the {@code +listMapKey}, {@code +structType=atomic} and
 * {@code +mapType=atomic} markers of k8s.io/api 1.32 that patch tags do not carry. Kinds without a schema
 * are deduced as structured-merge-diff deduces them: maps granular, lists atomic.
 */
final class FieldType {

    enum Shape { ATOMIC, MAP, ATOMIC_LIST, SET, ASSOCIATIVE }

    /** {@code +listType=map} lists whose {@code +listMapKey}s are more than the patch merge key. */
    private static final Map<String, List<String>> LIST_MAP_KEYS = Map.of(
            "Container.ports", List.of("containerPort", "protocol"),
            "EphemeralContainer.ports", List.of("containerPort", "protocol"),
            "ServiceSpec.ports", List.of("port", "protocol"),
            "PodSpec.topologySpreadConstraints", List.of("topologyKey", "whenUnsatisfiable"));

    /** Key fields with an OpenAPI default, which stands in for an item that omits them. */
    private static final Map<String, JsonNode> KEY_DEFAULTS = Map.of("protocol", TextNode.valueOf("TCP"));

    /** {@code +structType=atomic} structs. */
    private static final Set<String> ATOMIC_STRUCTS = Set.of("LabelSelector", "ObjectReference", "LocalObjectReference",
            "NodeSelector", "TopologySelectorTerm");

    /** Fields whose (undeclared) struct or map is atomic: {@code +mapType=atomic} maps and atomic selectors. */
    private static final Set<String> ATOMIC_FIELDS = Set.of("ServiceSpec.selector", "ReplicationControllerSpec.selector",
            "EnvVarSource.configMapKeyRef", "EnvVarSource.secretKeyRef", "EnvVarSource.fieldRef",
            "EnvVarSource.resourceFieldRef", "EnvFromSource.configMapRef", "EnvFromSource.secretRef");

    static final FieldType DEDUCED = new FieldType(Shape.MAP, PatchSchema.UNSTRUCTURED, List.of(), true);
    private static final FieldType ATOMIC = new FieldType(Shape.ATOMIC, PatchSchema.UNSTRUCTURED, List.of(), false);

    final Shape shape;
    /** The struct of a map, or of the items of a list. */
    final PatchSchema struct;
    final List<String> keys;
    /** No schema: lists found inside are atomic, maps granular. */
    final boolean deduced;

    private FieldType(Shape shape, PatchSchema struct, List<String> keys, boolean deduced) {
        this.shape = shape;
        this.struct = struct;
        this.keys = keys;
        this.deduced = deduced;
    }

    static FieldType forKind(String apiVersion, String kind) {
        return PatchSchema.forKind(apiVersion, kind).map(s -> new FieldType(Shape.MAP, s, List.of(), false))
                .orElse(DEDUCED);
    }

    boolean isList() {
        return shape == Shape.ATOMIC_LIST || shape == Shape.SET || shape == Shape.ASSOCIATIVE;
    }

    /** The type of a field of this map or struct, given the value found there (for deduced positions). */
    FieldType field(String name) {
        if (deduced || struct.typeName().isEmpty()) {
            return DEDUCED;
        }
        String qualified = struct.typeName() + "." + name;
        if (ATOMIC_FIELDS.contains(qualified)) {
            return ATOMIC;
        }
        Optional<PatchSchema.Field> declared = struct.field(name);
        if (declared.isEmpty()) {
            return new FieldType(Shape.MAP, PatchSchema.UNSTRUCTURED, List.of(), false);
        }
        PatchSchema.Field f = declared.get();
        PatchSchema child = struct.child(name);
        if (!f.isList()) {
            return ATOMIC_STRUCTS.contains(f.type()) ? ATOMIC : new FieldType(Shape.MAP, child, List.of(), false);
        }
        if (f.shape() == PatchSchema.Shape.LIST_OF_SCALARS) {
            return new FieldType(f.merge() ? Shape.SET : Shape.ATOMIC_LIST, child, List.of(), false);
        }
        if (f.merge() && !f.mergeKey().isEmpty()) {
            return new FieldType(Shape.ASSOCIATIVE, child, LIST_MAP_KEYS.getOrDefault(qualified, List.of(f.mergeKey())),
                    false);
        }
        return new FieldType(Shape.ATOMIC_LIST, child, List.of(), false);
    }

    /** The type of the items of this list. */
    FieldType item() {
        return shape == Shape.SET ? ATOMIC : new FieldType(Shape.MAP, struct, List.of(), deduced);
    }

    /** How a value at this position is walked: atomic types, scalars and deduced lists are leaves. */
    Shape shapeOf(JsonNode value) {
        if (shape == Shape.ATOMIC || shape == Shape.ATOMIC_LIST) {
            return shape;
        }
        if (value == null || value.isNull()) {
            return shape;
        }
        if (value.isArray()) {
            return isList() ? shape : Shape.ATOMIC_LIST;
        }
        if (value.isObject()) {
            return shape == Shape.MAP ? Shape.MAP : Shape.ATOMIC;
        }
        return Shape.ATOMIC;
    }

    /** The path element of a list item: its key fields, its value, or its index. */
    PathElement itemElement(JsonNode item, int index) {
        if (shape == Shape.SET) {
            return PathElement.value(item);
        }
        if (shape != Shape.ASSOCIATIVE) {
            return PathElement.index(index);
        }
        if (!item.isObject()) {
            throw new FieldPathException("associative list with keys may not have non-map elements");
        }
        List<PathElement.KeyField> fields = new java.util.ArrayList<>(keys.size());
        for (String key : keys) {
            JsonNode v = item.get(key);
            if (v == null || v.isNull()) {
                v = KEY_DEFAULTS.get(key);
            }
            if (v == null) {
                throw new FieldPathException("associative list with keys has an element that omits key field \""
                        + key + "\" (and doesn't have default value)");
            }
            fields.add(new PathElement.KeyField(key, v));
        }
        return PathElement.key(fields);
    }
}
