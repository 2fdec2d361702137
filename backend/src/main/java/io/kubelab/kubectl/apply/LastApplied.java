package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code kubectl.kubernetes.io/last-applied-configuration} annotation: the object as the user last
 * applied it (or created it with {@code --save-config}), which the next {@code apply} diffs against.
 * kubectl's {@code GetModifiedConfiguration}: the object with this annotation removed, marshalled to JSON,
 * plus a newline.
 */
public final class LastApplied {

    public static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    /** Typed ObjectMeta's fields in Go's order, so an added annotation lands where Go would write it. */
    private static final List<String> META_ORDER = List.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

    private LastApplied() {
    }

    /**
     * Writes the annotation into {@code object}. A typed object ({@code typed}: built by a generator) omits
     * an empty annotation map and keeps field order; an unstructured one (from a file) keeps the emptied
     * map as {@code {}} and sorts keys, as Go marshals a map.
     */
    public static void set(ObjectNode object, boolean typed) {
        ObjectNode metadata = object.with("metadata");
        ObjectNode annotations = metadata.path("annotations").isObject()
                ? (ObjectNode) metadata.get("annotations") : null;
        if (annotations != null) {
            annotations.remove(ANNOTATION);
        }
        if (annotations == null && !typed) {
            annotations = metadata.putObject("annotations");
        }
        if (typed && annotations != null && annotations.isEmpty()) {
            metadata.remove("annotations");
        }
        String json = CompactJson.write(object, !typed) + "\n";
        if (typed) {
            if (!metadata.has("annotations")) {
                ObjectNode created = metadata.objectNode();
                metadata.set("annotations", created);
                reorder(metadata);
            }
        }
        metadata.with("annotations").put(ANNOTATION, json);
    }

    /** The annotation's value, if the object has it. */
    public static java.util.Optional<String> of(JsonNode object) {
        JsonNode value = object.path("metadata").path("annotations").path(ANNOTATION);
        return value.isTextual() ? java.util.Optional.of(value.textValue()) : java.util.Optional.empty();
    }

    private static void reorder(ObjectNode metadata) {
        List<String> present = new ArrayList<>();
        for (Iterator<String> it = metadata.fieldNames(); it.hasNext(); ) {
            present.add(it.next());
        }
        ObjectNode copy = metadata.deepCopy();
        metadata.removeAll();
        for (String key : META_ORDER) {
            if (copy.has(key)) {
                metadata.set(key, copy.get(key));
            }
        }
        for (String key : present) {
            if (!metadata.has(key)) {
                metadata.set(key, copy.get(key));
            }
        }
    }
}
