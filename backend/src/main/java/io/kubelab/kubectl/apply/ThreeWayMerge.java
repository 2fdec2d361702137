package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.patch.PatchSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * apimachinery's {@code strategicpatch.CreateThreeWayMergePatch}, what {@code kubectl apply} sends: the
 * changes and additions from the live object ({@code current}) to the file ({@code modified}), plus the
 * deletions from the last applied configuration ({@code original}) to the file, as one strategic merge
 * patch with the directives kubectl writes ({@code null} deletions, {@code $patch: delete} list items,
 * {@code $deleteFromPrimitiveList/}, {@code $setElementOrder/}, {@code $retainKeys}).
 */
public final class ThreeWayMerge {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String SET_ELEMENT_ORDER = "$setElementOrder/";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String PATCH = "$patch";

    /** {@code DiffOptions}: which changes one pass of the diff records. */
    private record Options(boolean ignoreDeletions, boolean ignoreChangesAndAdditions, boolean buildRetainKeys) {
        Options retainKeys(boolean value) {
            return new Options(ignoreDeletions, ignoreChangesAndAdditions, value);
        }
    }

    private ThreeWayMerge() {
    }

    /** The patch; empty ({@code {}}) when applying the file would change nothing. */
    public static ObjectNode create(JsonNode original, JsonNode modified, JsonNode current, PatchSchema schema) {
        ObjectNode originalMap = original != null && original.isObject() ? (ObjectNode) original : JSON.objectNode();
        ObjectNode delta = diffMaps((ObjectNode) current, (ObjectNode) modified, schema, new Options(true, false, false));
        ObjectNode deletions = diffMaps(originalMap, (ObjectNode) modified, schema, new Options(false, true, false));
        return PatchMerge.merge(deletions, delta, schema);
    }

    static ObjectNode diffMaps(ObjectNode original, ObjectNode modified, PatchSchema schema, Options options) {
        ObjectNode patch = JSON.objectNode();
        List<String> retainKeys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = modified.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode modifiedValue = e.getValue();
            if (options.buildRetainKeys() && !modifiedValue.isNull()) {
                retainKeys.add(key);
            }
            JsonNode originalValue = original.get(key);
            if (originalValue == null) {
                if (!options.ignoreChangesAndAdditions()) {
                    patch.set(key, modifiedValue);
                }
                continue;
            }
            if (originalValue.getNodeType() != modifiedValue.getNodeType()) {
                if (!options.ignoreChangesAndAdditions()) {
                    patch.set(key, modifiedValue);
                }
                continue;
            }
            if (originalValue.isObject()) {
                PatchSchema.Field field = schema.field(key).orElse(null);
                Options sub = options.retainKeys(field != null && field.retainKeys());
                ObjectNode value = diffMaps((ObjectNode) originalValue, (ObjectNode) modifiedValue, schema.child(key), sub);
                if (!value.isEmpty()) {
                    patch.set(key, value);
                }
            } else if (originalValue.isArray()) {
                diffSlice(key, (ArrayNode) originalValue, (ArrayNode) modifiedValue, patch, schema, options);
            } else if (!options.ignoreChangesAndAdditions() && !equal(originalValue, modifiedValue)) {
                patch.set(key, modifiedValue);
            }
        }
        if (!options.ignoreDeletions()) {
            for (Iterator<String> it = original.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!modified.has(key)) {
                    patch.putNull(key);
                }
            }
        }
        if (!retainKeys.isEmpty() && (!patch.isEmpty() || hasAdditionalNewField(original, modified))) {
            retainKeys.sort(null);
            patch.set(RETAIN_KEYS, strings(retainKeys));
        }
        return patch;
    }

    private static boolean hasAdditionalNewField(ObjectNode original, ObjectNode modified) {
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull() && !modified.has(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static void diffSlice(String key, ArrayNode original, ArrayNode modified, ObjectNode patch,
                                  PatchSchema schema, Options options) {
        PatchSchema.Field field = schema.field(key).orElse(null);
        if (field == null || !field.merge()) {
            if (!options.ignoreChangesAndAdditions() && !equal(original, modified)) {
                patch.set(key, modified);
            }
            return;
        }
        Options sub = options.retainKeys(field.retainKeys());
        if (original.isEmpty()) {
            if (!modified.isEmpty() && !options.ignoreChangesAndAdditions()) {
                patch.set(key, modified);
            }
            return;
        }
        boolean maps = (original.isEmpty() ? modified : original).get(0).isObject();
        if (maps) {
            String mergeKey = field.mergeKey();
            ArrayNode changes = JSON.arrayNode();
            ArrayNode deletions = JSON.arrayNode();
            diffListsOfMaps(original, modified, schema.child(key), mergeKey, sub, changes, deletions);
            List<JsonNode> patchList = ListOrder.normalize(list(changes), list(modified), mergeKey);
            boolean orderSame = ListOrder.sameOrder(original, modified, mergeKey);
            patchList.addAll(list(deletions));
            if (!patchList.isEmpty()) {
                patch.set(key, array(patchList));
            }
            if ((!options.ignoreChangesAndAdditions() && (!patchList.isEmpty() || !orderSame))
                    || (!options.ignoreDeletions() && !patchList.isEmpty())) {
                ArrayNode order = JSON.arrayNode();
                for (JsonNode item : modified) {
                    order.addObject().set(mergeKey, item.get(mergeKey));
                }
                patch.set(SET_ELEMENT_ORDER + key, order);
            }
            return;
        }
        List<JsonNode> additions = new ArrayList<>();
        List<JsonNode> deletions = new ArrayList<>();
        diffListsOfScalars(original, modified, options, additions, deletions);
        List<JsonNode> addList = ListOrder.normalize(additions, list(modified), "");
        if (!addList.isEmpty()) {
            patch.set(key, array(addList));
        }
        if (!deletions.isEmpty()) {
            patch.set(DELETE_FROM_PRIMITIVE_LIST + key, array(deletions));
        }
        if ((!options.ignoreDeletions() && !deletions.isEmpty())
                || (!options.ignoreChangesAndAdditions() && !equal(original, modified))) {
            patch.set(SET_ELEMENT_ORDER + key, modified);
        }
    }

    private static void diffListsOfMaps(ArrayNode original, ArrayNode modified, PatchSchema schema, String mergeKey,
                                        Options options, ArrayNode changes, ArrayNode deletions) {
        List<JsonNode> originalSorted = sortedByKey(original, mergeKey);
        List<JsonNode> modifiedSorted = sortedByKey(modified, mergeKey);
        int i = 0;
        int j = 0;
        while (i < originalSorted.size() || j < modifiedSorted.size()) {
            boolean originalIn = i < originalSorted.size();
            boolean modifiedIn = j < modifiedSorted.size();
            String o = originalIn ? text(originalSorted.get(i).get(mergeKey)) : null;
            String m = modifiedIn ? text(modifiedSorted.get(j).get(mergeKey)) : null;
            if (originalIn && modifiedIn && o.equals(m)) {
                ObjectNode value = diffMaps((ObjectNode) originalSorted.get(i), (ObjectNode) modifiedSorted.get(j),
                        schema, options);
                if (!value.isEmpty()) {
                    value.set(mergeKey, modifiedSorted.get(j).get(mergeKey));
                    changes.add(value);
                }
                i++;
                j++;
            } else if (!originalIn || (modifiedIn && o.compareTo(m) > 0)) {
                if (!options.ignoreChangesAndAdditions()) {
                    changes.add(modifiedSorted.get(j));
                }
                j++;
            } else {
                if (!options.ignoreDeletions()) {
                    ObjectNode directive = deletions.addObject();
                    directive.put(PATCH, "delete");
                    directive.set(mergeKey, originalSorted.get(i).get(mergeKey));
                }
                i++;
            }
        }
    }

    private static void diffListsOfScalars(ArrayNode original, ArrayNode modified, Options options,
                                           List<JsonNode> additions, List<JsonNode> deletions) {
        List<JsonNode> o = sortedScalars(original);
        List<JsonNode> m = sortedScalars(modified);
        int i = 0;
        int j = 0;
        while (i < o.size() || j < m.size()) {
            boolean originalIn = i < o.size();
            boolean modifiedIn = j < m.size();
            String os = originalIn ? text(o.get(i)) : null;
            String ms = modifiedIn ? text(m.get(j)) : null;
            if (originalIn && modifiedIn && os.equals(ms)) {
                i++;
                j++;
            } else if (!originalIn || (modifiedIn && os.compareTo(ms) > 0)) {
                if (!options.ignoreChangesAndAdditions()) {
                    additions.add(m.get(j));
                }
                j++;
            } else {
                if (!options.ignoreDeletions() && deletions.stream().noneMatch(d -> text(d).equals(os))) {
                    deletions.add(o.get(i));
                }
                i++;
            }
        }
    }

    private static List<JsonNode> sortedByKey(ArrayNode list, String mergeKey) {
        List<JsonNode> out = list(list);
        out.sort(Comparator.comparing(n -> text(n.get(mergeKey))));
        return out;
    }

    private static List<JsonNode> sortedScalars(ArrayNode list) {
        List<JsonNode> out = list(list);
        out.sort(Comparator.comparing(ThreeWayMerge::text));
        return out;
    }

    /** Go's {@code fmt.Sprintf("%v", v)} of a JSON scalar, by which apimachinery sorts and matches. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "<nil>";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** Go's {@code reflect.DeepEqual} of decoded JSON, where every number is a float64. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static List<JsonNode> list(ArrayNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode out = JSON.arrayNode();
        items.forEach(out::add);
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = JSON.arrayNode();
        new LinkedHashSet<>(values).forEach(out::add);
        return out;
    }
}
