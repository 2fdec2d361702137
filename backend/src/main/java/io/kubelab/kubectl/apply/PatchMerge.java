package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.patch.PatchSchema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * apimachinery's {@code mergeMap} of one patch into another (not into an object): how the three-way patch
 * joins its deletions and its changes. Directives are carried over, lists with a merge strategy are merged
 * by their merge key and ordered as the strategic patch orders them.
 */
final class PatchMerge {

    private PatchMerge() {
    }

    static ObjectNode merge(ObjectNode original, ObjectNode patch, PatchSchema schema) {
        ObjectNode out = original.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode patchValue = e.getValue();
            if (key.startsWith(ThreeWayMerge.SET_ELEMENT_ORDER) || key.startsWith(ThreeWayMerge.DELETE_FROM_PRIMITIVE_LIST)
                    || key.equals(ThreeWayMerge.RETAIN_KEYS)) {
                if (!out.has(key)) {
                    out.set(key, patchValue);
                }
                continue;
            }
            JsonNode originalValue = out.get(key);
            if (patchValue.isNull() || originalValue == null || originalValue.getNodeType() != patchValue.getNodeType()) {
                out.set(key, patchValue);
                continue;
            }
            if (patchValue.isObject()) {
                out.set(key, merge((ObjectNode) originalValue, (ObjectNode) patchValue, schema.child(key)));
            } else if (patchValue.isArray()) {
                PatchSchema.Field field = schema.field(key).orElse(null);
                if (field != null && field.merge()) {
                    out.set(key, mergeLists((ArrayNode) originalValue, (ArrayNode) patchValue, schema.child(key),
                            field.mergeKey()));
                } else {
                    out.set(key, patchValue);
                }
            } else {
                out.set(key, patchValue);
            }
        }
        return out;
    }

    private static ArrayNode mergeLists(ArrayNode original, ArrayNode patch, PatchSchema schema, String mergeKey) {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        JsonNode sample = original.isEmpty() ? patch.get(0) : original.get(0);
        boolean maps = sample.isObject();
        String key = maps ? mergeKey : "";
        List<JsonNode> merged = new ArrayList<>();
        if (!maps) {
            for (JsonNode n : original) {
                addScalar(merged, n);
            }
            for (JsonNode n : patch) {
                addScalar(merged, n);
            }
        } else {
            merged.addAll(ThreeWayMerge.list(original));
            for (JsonNode item : patch) {
                int at = ListOrder.index(merged, item, key);
                if (at >= 0 && merged.get(at).isObject()) {
                    merged.set(at, merge((ObjectNode) merged.get(at), (ObjectNode) item, schema));
                } else {
                    merged.add(item);
                }
            }
        }
        List<JsonNode> patchOrder = ThreeWayMerge.list(patch);
        List<JsonNode> serverOrder = ThreeWayMerge.list(original);
        List<JsonNode> inPatch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            (ListOrder.index(patchOrder, item, key) >= 0 ? inPatch : serverOnly).add(item);
        }
        List<JsonNode> all = ListOrder.mergeSorted(ListOrder.normalize(serverOnly, serverOrder, key),
                ListOrder.normalize(inPatch, patchOrder, key), serverOrder, key);
        return ThreeWayMerge.array(all);
    }

    private static void addScalar(List<JsonNode> list, JsonNode value) {
        String text = ThreeWayMerge.text(value);
        for (JsonNode n : list) {
            if (ThreeWayMerge.text(n).equals(text)) {
                return;
            }
        }
        list.add(value);
    }
}
