package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 7386 JSON merge patch as evanphx/json-patch v4 {@code MergePatch} applies it for the API server:
 * null deletes, objects merge, anything else replaces; nulls inside a value that is inserted or replaces a
 * non-object are pruned. A patch that is {@code null} or a scalar is {@code Invalid JSON Patch} (400); an array
 * patch replaces the whole document.
 */
public final class MergePatch {

    /** {@code jsonpatch.ErrBadJSONPatch}, which the apiserver returns as 400 BadRequest. */
    public static final String BAD_PATCH = "Invalid JSON Patch";

    private MergePatch() {
    }

    public static JsonNode apply(JsonNode document, JsonNode patch) {
        if (patch == null || patch.isNull() || patch.isValueNode()) {
            throw PatchException.badRequest(BAD_PATCH);
        }
        if (patch.isArray()) {
            return prune(patch.deepCopy());
        }
        if (!document.isObject()) {
            return prune(patch.deepCopy());
        }
        ObjectNode result = document.deepCopy();
        mergeInto(result, (ObjectNode) patch);
        return result;
    }

    private static void mergeInto(ObjectNode doc, ObjectNode patch) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        patch.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> entry : entries) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode current = doc.get(key);
            if (value.isNull()) {
                doc.remove(key);
            } else if (current == null || current.isNull()) {
                doc.set(key, prune(value.deepCopy()));
            } else if (!current.isObject()) {
                doc.set(key, prune(value.deepCopy()));
            } else if (!value.isObject()) {
                doc.set(key, value.deepCopy());
            } else {
                mergeInto((ObjectNode) current, (ObjectNode) value);
            }
        }
    }

    /** pruneNulls: drops null members of objects at any depth; null array elements stay. */
    private static JsonNode prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    prune(e.getValue());
                }
            });
            object.remove(nulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(MergePatch::prune);
        }
        return node;
    }
}
