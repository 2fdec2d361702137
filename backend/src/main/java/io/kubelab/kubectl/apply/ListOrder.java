package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The list orderings of apimachinery's strategic patch: {@code normalizeSliceOrder}, {@code isOrderSame}, {@code mergeSortedSlice}. */
final class ListOrder {

    private ListOrder() {
    }

    /** Where {@code item} is in {@code order}: by merge key for maps, by value for scalars; -1 if absent. */
    static int index(List<JsonNode> order, JsonNode item, String mergeKey) {
        String wanted = mergeKey.isEmpty() ? ThreeWayMerge.text(item) : ThreeWayMerge.text(item.get(mergeKey));
        for (int i = 0; i < order.size(); i++) {
            JsonNode candidate = order.get(i);
            String value = mergeKey.isEmpty() ? ThreeWayMerge.text(candidate)
                    : candidate.isObject() ? ThreeWayMerge.text(candidate.get(mergeKey)) : null;
            if (wanted.equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code toSort} in the order its items have in {@code order} (a stable sort with Go's quirky less: an
     * item missing from {@code order} compares as "less"); delete directives kept at the end.
     */
    static List<JsonNode> normalize(List<JsonNode> toSort, List<JsonNode> order, String mergeKey) {
        List<JsonNode> items = new ArrayList<>();
        List<JsonNode> deletes = new ArrayList<>();
        for (JsonNode item : toSort) {
            if (!mergeKey.isEmpty() && item.path(ThreeWayMerge.PATCH).asText("").equals("delete")) {
                deletes.add(item);
            } else {
                items.add(item);
            }
        }
        // Insertion sort is stable and tolerates the non-transitive comparison Go's sort.SliceStable uses.
        for (int i = 1; i < items.size(); i++) {
            JsonNode current = items.get(i);
            int j = i - 1;
            while (j >= 0 && less(current, items.get(j), order, mergeKey)) {
                items.set(j + 1, items.get(j));
                j--;
            }
            items.set(j + 1, current);
        }
        items.addAll(deletes);
        return items;
    }

    private static boolean less(JsonNode a, JsonNode b, List<JsonNode> order, String mergeKey) {
        int ia = index(order, a, mergeKey);
        if (ia >= 0) {
            int ib = index(order, b, mergeKey);
            if (ib >= 0) {
                return ia < ib;
            }
        }
        return true;
    }

    /** Whether the merge keys appear in the same order in both lists. */
    static boolean sameOrder(Iterable<JsonNode> original, Iterable<JsonNode> modified, String mergeKey) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        original.forEach(n -> a.add(ThreeWayMerge.text(n.get(mergeKey))));
        modified.forEach(n -> b.add(ThreeWayMerge.text(n.get(mergeKey))));
        return a.equals(b);
    }

    /** Merges two sorted, disjoint lists, taking the server's order where it knows both items. */
    static List<JsonNode> mergeSorted(List<JsonNode> left, List<JsonNode> right, List<JsonNode> serverOrder,
                                      String mergeKey) {
        List<JsonNode> out = new ArrayList<>(left.size() + right.size());
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                out.add(right.get(j++));
            } else if (j >= right.size()) {
                out.add(left.get(i++));
            } else {
                int li = index(serverOrder, left.get(i), mergeKey);
                int ri = index(serverOrder, right.get(j), mergeKey);
                if (li >= 0 && ri >= 0 && li < ri) {
                    out.add(left.get(i++));
                } else {
                    out.add(right.get(j++));
                }
            }
        }
        return out;
    }
}
