package io.kubelab.apiserver.patch;

import java.util.Map;
import java.util.Optional;

/**
 * The strategic-merge metadata of one Go struct type of k8s.io/api 1.32: for each list or struct field, its
 * {@code patchStrategy} ({@code merge}, {@code retainKeys} or both) and {@code patchMergeKey}, and the struct
 * type of its value or elements. Fields not declared here behave as apimachinery treats a field without tags:
 * maps merge, lists are replaced. {@link #UNSTRUCTURED} is that behaviour for a whole object (kinds we hold
 * no types for).
 */
public final class PatchSchema {

    /** What a declared field holds. */
    public enum Shape { STRUCT, LIST_OF_STRUCTS, LIST_OF_SCALARS }

    /**
     * One field's tags. {@code type} is the struct name of the value or list element ("" for scalars);
     * {@code merge} is {@code patchStrategy:"merge"}; {@code mergeKey} its {@code patchMergeKey}.
     */
    public record Field(String name, Shape shape, String type, boolean merge, String mergeKey, boolean retainKeys) {

        public boolean isList() {
            return shape != Shape.STRUCT;
        }
    }

    /** No type information: a JSON merge patch for maps, lists replaced. */
    public static final PatchSchema UNSTRUCTURED = new PatchSchema("", Map.of());

    private final String typeName;
    private final Map<String, Field> fields;

    PatchSchema(String typeName, Map<String, Field> fields) {
        this.typeName = typeName;
        this.fields = fields;
    }

    /** The Go struct name ({@code PodSpec}), or "" when unstructured. */
    public String typeName() {
        return typeName;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The schema of a field's value, or of its elements for a list; unstructured when not declared. */
    public PatchSchema child(String fieldName) {
        Field field = fields.get(fieldName);
        if (field == null || field.type().isEmpty()) {
            return UNSTRUCTURED;
        }
        return KubeTypes.struct(field.type()).orElse(UNSTRUCTURED);
    }

    /** The schema of a built-in kind, e.g. {@code forKind("apps/v1", "Deployment")}; empty for CRDs. */
    public static Optional<PatchSchema> forKind(String apiVersion, String kind) {
        return KubeTypes.kind(apiVersion, kind).flatMap(KubeTypes::struct);
    }

    /** A named struct type ({@code Container}, {@code ObjectMeta}, ...). */
    public static Optional<PatchSchema> struct(String typeName) {
        return KubeTypes.struct(typeName);
    }

    @Override
    public String toString() {
        return "PatchSchema[" + (typeName.isEmpty() ? "unstructured" : typeName) + "]";
    }
}
