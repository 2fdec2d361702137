package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Merging of {@code patchStrategy:"merge"} lists (strategicpatch {@code mergeSlice} and the ordering helpers it
 * shares with {@code $setElementOrder}). Lists of maps merge by merge key and honour {@code $patch} elements;
 * lists of scalars merge as sets or, for a {@code $deleteFromPrimitiveList} parallel list, lose the listed values.
 */
final class ListMerge {

    private ListMerge() {
    }

    static ArrayNode mergeSlice(ArrayNode original, ArrayNode patch, PatchSchema elementSchema, String mergeKey,
                                boolean deleteList) {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        boolean maps = elementsAreMaps(list(original), list(patch));
        List<JsonNode> live = list(original);
        List<JsonNode> patchItems = list(patch);
        List<JsonNode> merged;
        if (!maps) {
            if (deleteList) {
                return array(live.stream().filter(v -> indexOf(patchItems, v, "") < 0).toList());
            }
            List<JsonNode> both = new ArrayList<>(live);
            both.addAll(patchItems);
            merged = deduplicate(both);
        } else {
            if (mergeKey.isEmpty()) {
                throw PatchException.unknown("cannot merge lists without merge key for type struct");
            }
            boolean replace = false;
            List<JsonNode> plain = new ArrayList<>();
            for (JsonNode item : patchItems) {
                JsonNode directive = item.get(StrategicMergePatch.DIRECTIVE);
                if (directive == null) {
                    plain.add(item);
                } else if (directive.isTextual() && directive.textValue().equals("delete")) {
                    JsonNode value = item.get(mergeKey);
                    if (value == null) {
                        throw noMergeKey(item, mergeKey);
                    }
                    live.removeIf(v -> GoFormat.scalarEqual(v.get(mergeKey), value));
                } else if (directive.isTextual() && directive.textValue().equals("replace")) {
                    replace = true;
                } else if (directive.isTextual() && directive.textValue().equals("merge")) {
                    throw PatchException.unknown("merging lists cannot yet be specified in the patch");
                } else {
                    throw StrategicMergePatch.badPatchType(directive, (ObjectNode) item);
                }
            }
            List<JsonNode> order;
            if (replace) {
                live = plain;
                order = List.of();
            } else {
                order = plain;
            }
            merged = new ArrayList<>(live);
            for (JsonNode item : order) {
                JsonNode value = item.get(mergeKey);
                if (value == null) {
                    throw noMergeKey(item, mergeKey);
                }
                int at = indexOf(merged, item, mergeKey);
                if (at >= 0) {
                    merged.set(at, StrategicMergePatch.mergeMap((ObjectNode) merged.get(at), (ObjectNode) item,
                            elementSchema));
                } else {
                    merged.add(item);
                }
            }
            return array(enforceOrder(merged, order, live, mergeKey, true));
        }
        return array(enforceOrder(merged, patchItems, live, "", false));
    }

    /** Split into items named by {@code patchOrder} and server-only items, each sorted, then interleaved. */
    static List<JsonNode> enforceOrder(List<JsonNode> merged, List<JsonNode> patchOrder, List<JsonNode> serverOrder,
                                       String mergeKey, boolean maps) {
        List<JsonNode> inPatch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            if (maps && (!item.isObject() || item.get(mergeKey) == null)) {
                throw item.isObject() ? noMergeKey(item, mergeKey) : badArgType("map[string]interface {}", item);
            }
            (indexOf(patchOrder, item, maps ? mergeKey : "") >= 0 ? inPatch : serverOnly).add(item);
        }
        List<JsonNode> sortedPatch = sortBy(inPatch, patchOrder, mergeKey, maps);
        List<JsonNode> sortedServer = sortBy(serverOnly, serverOrder, mergeKey, maps);
        return interleave(sortedServer, sortedPatch, serverOrder, maps ? mergeKey : "");
    }

    /** normalizeSliceOrder: stable insertion sort with Go's "not both found means less" comparator. */
    private static List<JsonNode> sortBy(List<JsonNode> items, List<JsonNode> order, String mergeKey, boolean maps) {
        String key = maps ? mergeKey : "";
        if (maps) {
            for (JsonNode o : order) {
                if (!o.isObject()) {
                    throw badArgType("map[string]interface {}", o);
                }
                if (o.get(mergeKey) == null) {
                    throw noMergeKey(o, mergeKey);
                }
            }
        }
        List<JsonNode> keep = new ArrayList<>();
        List<JsonNode> toDelete = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode d = maps ? item.get(StrategicMergePatch.DIRECTIVE) : null;
            (d != null && d.isTextual() && d.textValue().equals("delete") ? toDelete : keep).add(item);
        }
        for (int i = 1; i < keep.size(); i++) {
            for (int j = i; j > 0 && less(keep.get(j), keep.get(j - 1), order, key); j--) {
                JsonNode t = keep.get(j);
                keep.set(j, keep.get(j - 1));
                keep.set(j - 1, t);
            }
        }
        keep.addAll(toDelete);
        return keep;
    }

    private static boolean less(JsonNode a, JsonNode b, List<JsonNode> order, String key) {
        int ia = indexOf(order, a, key);
        int ib = indexOf(order, b, key);
        return ia < 0 || ib < 0 || ia < ib;
    }

    /** mergeSortedSlice: server-only items slot in before the first patch item they precede in the live list. */
    private static List<JsonNode> interleave(List<JsonNode> left, List<JsonNode> right, List<JsonNode> serverOrder,
                                             String key) {
        List<JsonNode> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                out.add(right.get(j++));
            } else if (j >= right.size()) {
                out.add(left.get(i++));
            } else {
                int li = indexOf(serverOrder, left.get(i), key);
                int ri = indexOf(serverOrder, right.get(j), key);
                if (li >= 0 && ri >= 0 && li < ri) {
                    out.add(left.get(i++));
                } else {
                    out.add(right.get(j++));
                }
            }
        }
        return out;
    }

    /** index(): position of the item with the same merge-key value (or the same scalar), else -1. */
    static int indexOf(List<JsonNode> list, JsonNode item, String mergeKey) {
        JsonNode wanted = mergeKey.isEmpty() ? item : item.get(mergeKey);
        for (int i = 0; i < list.size(); i++) {
            JsonNode candidate = mergeKey.isEmpty() ? list.get(i) : list.get(i).get(mergeKey);
            if (wanted == null ? candidate == null : candidate != null && (wanted.isContainerNode()
                    ? wanted.equals(candidate) : GoFormat.scalarEqual(wanted, candidate))) {
                return i;
            }
        }
        return -1;
    }

    /** deduplicateScalars, including its habit of moving the last element into a duplicate's place. */
    static List<JsonNode> deduplicate(List<JsonNode> values) {
        List<JsonNode> s = new ArrayList<>(values);
        int length = s.size() - 1;
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j <= length; j++) {
                if (GoFormat.scalarEqual(s.get(i), s.get(j))) {
                    s.set(j, s.get(length));
                    s.remove(length);
                    length--;
                    j--;
                }
            }
        }
        return s;
    }

    /** sliceElementType: all elements one Go type, never lists; true when they are maps. */
    static boolean elementsAreMaps(List<JsonNode> a, List<JsonNode> b) {
        String type = null;
        for (List<JsonNode> slice : List.of(a, b)) {
            for (JsonNode v : slice) {
                String t = GoFormat.typeName(v);
                if (type == null) {
                    if (v.isArray()) {
                        throw PatchException.unprocessable("lists of lists are not supported");
                    }
                    type = t;
                } else if (!type.equals(t)) {
                    throw PatchException.unknown("list element types are not identical: ["
                            + GoFormat.value(array(a)) + " " + GoFormat.value(array(b)) + "]");
                }
            }
        }
        if (type == null) {
            throw PatchException.unknown("no elements in any of the given slices");
        }
        return type.startsWith("map");
    }

    static PatchException noMergeKey(JsonNode map, String key) {
        return PatchException.unknown("map: " + GoFormat.value(map) + " does not contain declared merge key: " + key);
    }

    static PatchException badArgType(String expected, JsonNode actual) {
        return PatchException.unknown("expected a " + expected + ", but received a " + GoFormat.typeName(actual));
    }

    static List<JsonNode> list(ArrayNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        items.forEach(out::add);
        return out;
    }
}
