package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.patch.PatchSchema.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code $setElementOrder/<field>} (strategicpatch {@code mergePatchIntoOriginal}): kubectl apply sends the
 * full order of a merge list beside the changed items. The list is merged here, ahead of the other keys, and
 * ordered: items named in the directive in its order, live-only items slotted in by their live position.
 */
final class SetElementOrder {

    private SetElementOrder() {
    }

    static void apply(ObjectNode original, ObjectNode patch, PatchSchema schema) {
        List<String> keys = new ArrayList<>();
        patch.fieldNames().forEachRemaining(k -> {
            if (k.startsWith(StrategicMergePatch.SET_ELEMENT_ORDER)) {
                keys.add(k);
            }
        });
        for (String key : keys) {
            JsonNode order = patch.remove(key);
            if (!order.isArray()) {
                throw ListMerge.badArgType("[]interface {}", order);
            }
            String field = StrategicMergePatch.extractKey(key, StrategicMergePatch.SET_ELEMENT_ORDER,
                    StrategicMergePatch.BAD_SET_ELEMENT_ORDER);
            JsonNode live = original.get(field);
            JsonNode patchList = patch.get(field);
            if (live != null && !live.isArray()) {
                throw ListMerge.badArgType("[]interface {}", live);
            }
            if (patchList != null && !patchList.isArray()) {
                throw ListMerge.badArgType("[]interface {}", patchList);
            }
            Field meta = schema.field(field).orElse(null);
            String mergeKey = meta == null ? "" : meta.mergeKey();
            List<JsonNode> orderList = ListMerge.list((ArrayNode) order);
            List<JsonNode> liveList = live == null ? List.of() : ListMerge.list((ArrayNode) live);
            List<JsonNode> patchItems = patchList == null ? List.of() : ListMerge.list((ArrayNode) patchList);
            validate(patchItems, orderList, mergeKey, order);

            ArrayNode merged;
            if (live != null && patchList == null) {
                merged = (ArrayNode) live;
            } else if (live == null && patchList != null) {
                merged = (ArrayNode) patchList;
            } else if (live != null) {
                merged = meta != null && meta.merge()
                        ? ListMerge.mergeSlice((ArrayNode) live, (ArrayNode) patchList, schema.child(field), mergeKey,
                        false)
                        : (ArrayNode) patchList;
            } else {
                continue;
            }
            boolean maps = ListMerge.elementsAreMaps(liveList, patchItems);
            boolean keyed = !mergeKey.isEmpty();
            original.set(field, ListMerge.array(ListMerge.enforceOrder(ListMerge.list(merged), orderList, liveList,
                    mergeKey, keyed && maps)));
            patch.remove(field);
        }
    }

    /** validatePatchWithSetOrderList: the patch items must appear in the directive, in its relative order. */
    private static void validate(List<JsonNode> patchItems, List<JsonNode> order, String mergeKey, JsonNode orderNode) {
        if (order.isEmpty() || patchItems.isEmpty()) {
            return;
        }
        List<JsonNode> plain = new ArrayList<>();
        for (JsonNode item : patchItems) {
            if (!mergeKey.isEmpty()) {
                if (!item.isObject()) {
                    throw ListMerge.badArgType("map[string]interface {}", item);
                }
                JsonNode d = item.get(StrategicMergePatch.DIRECTIVE);
                if (d != null && d.isTextual() && d.textValue().equals("delete")) {
                    continue;
                }
            }
            plain.add(item);
        }
        int p = 0;
        int o = 0;
        while (p < plain.size() && o < order.size()) {
            JsonNode item = plain.get(p);
            if (item.isObject() && item.has(StrategicMergePatch.DIRECTIVE)) {
                p++;
                continue;
            }
            if (keyEqual(item, order.get(o), mergeKey)) {
                p++;
            }
            o++;
        }
        if (p < plain.size() && o >= order.size()) {
            throw PatchException.unknown("The order in patch list:\n" + GoFormat.value(ListMerge.array(patchItems))
                    + "\n doesn't match " + StrategicMergePatch.SET_ELEMENT_ORDER + " list:\n"
                    + GoFormat.value(orderNode) + "\n");
        }
    }

    /** mergeKeyValueEqual. */
    private static boolean keyEqual(JsonNode left, JsonNode right, String mergeKey) {
        if (mergeKey.isEmpty()) {
            return left.isContainerNode() ? left.equals(right) : GoFormat.scalarEqual(left, right);
        }
        for (JsonNode side : List.of(left, right)) {
            if (!side.isObject()) {
                throw ListMerge.badArgType("map[string]interface {}", side);
            }
            if (side.get(mergeKey) == null) {
                throw ListMerge.noMergeKey(side, mergeKey);
            }
        }
        return GoFormat.scalarEqual(left.get(mergeKey), right.get(mergeKey));
    }
}
