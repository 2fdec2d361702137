package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two value operations of an apply, as structured-merge-diff does them: {@link #merge} lays the applied
 * configuration over the live object (maps and non-atomic lists merged item by item, everything else
 * replaced), and {@link #remove} takes fields out of it. Neither changes its arguments.
 */
final class ApplyMerge {

    private ApplyMerge() {
    }

    static JsonNode merge(JsonNode lhs, JsonNode rhs, FieldType type) {
        if (rhs == null) {
            return lhs == null ? null : lhs.deepCopy();
        }
        if (lhs == null || lhs.isNull() || rhs.isNull() || lhs.getNodeType() != rhs.getNodeType()) {
            return rhs.deepCopy();
        }
        return switch (type.shapeOf(rhs)) {
            case MAP -> mergeMap((ObjectNode) lhs, (ObjectNode) rhs, type);
            case SET, ASSOCIATIVE -> mergeList(lhs, rhs, type);
            default -> rhs.deepCopy();
        };
    }

    private static ObjectNode mergeMap(ObjectNode lhs, ObjectNode rhs, FieldType type) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = lhs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), merge(e.getValue(), rhs.get(e.getKey()), type.field(e.getKey())));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rhs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!lhs.has(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    /**
     * structured-merge-diff's list order: the live items in their order, each item the configuration also
     * has moved to where the configuration puts it relative to the other shared items, and the
     * configuration's new items after the shared item they follow.
     */
    private static ArrayNode mergeList(JsonNode lhs, JsonNode rhs, FieldType type) {
        List<PathElement> lpe = elements(lhs, type);
        List<PathElement> rpe = elements(rhs, type);
        Map<PathElement, JsonNode> left = Comparison.items(lhs, type);
        Map<PathElement, JsonNode> right = Comparison.items(rhs, type);
        List<PathElement> shared = new ArrayList<>();
        for (PathElement pe : rpe) {
            if (left.containsKey(pe)) {
                shared.add(pe);
            }
        }
        int nextShared = 0;
        Set<PathElement> mergedRight = new HashSet<>();
        FieldType item = type.item();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        int l = 0;
        int r = 0;
        while (l < lpe.size() || r < rpe.size()) {
            if (l < lpe.size() && r < rpe.size()) {
                PathElement pe = lpe.get(l);
                if (pe.equals(rpe.get(r))) {
                    mergedRight.add(pe);
                    out.add(merge(left.get(pe), right.get(pe), item));
                    l++;
                    r++;
                    nextShared++;
                    continue;
                }
                if (right.containsKey(pe) && nextShared < shared.size() && !shared.get(nextShared).equals(pe)) {
                    l++;
                    continue;
                }
            }
            if (l < lpe.size()) {
                PathElement pe = lpe.get(l);
                if (!right.containsKey(pe)) {
                    out.add(lhs.get(l).deepCopy());
                    l++;
                    continue;
                }
                if (mergedRight.contains(pe)) {
                    l++;
                    continue;
                }
            }
            if (r < rpe.size()) {
                PathElement pe = rpe.get(r);
                mergedRight.add(pe);
                out.add(merge(left.get(pe), right.get(pe), item));
                r++;
                if (nextShared < shared.size() && shared.get(nextShared).equals(pe)) {
                    nextShared++;
                }
            } else {
                l++;
            }
        }
        return out;
    }

    private static List<PathElement> elements(JsonNode list, FieldType type) {
        List<PathElement> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(type.itemElement(list.get(i), i));
        }
        return out;
    }

    /** The value without the members of {@code toRemove}; null when nothing is left of a map or list. */
    static JsonNode remove(JsonNode value, FieldSet toRemove, FieldType type) {
        if (toRemove.isEmpty()) {
            return value;
        }
        switch (type.shapeOf(value)) {
            case MAP -> {
                if (!value.isObject() || value.isEmpty()) {
                    return value;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    PathElement pe = PathElement.field(e.getKey());
                    if (toRemove.hasMember(pe)) {
                        continue;
                    }
                    JsonNode kept = remove(e.getValue(), toRemove.child(pe), type.field(e.getKey()));
                    if (kept != null) {
                        out.set(e.getKey(), kept);
                    }
                }
                return out.isEmpty() ? null : out;
            }
            case SET, ASSOCIATIVE -> {
                if (!value.isArray() || value.isEmpty()) {
                    return value;
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                FieldType item = type.item();
                for (int i = 0; i < value.size(); i++) {
                    PathElement pe = type.itemElement(value.get(i), i);
                    if (toRemove.hasMember(pe)) {
                        continue;
                    }
                    JsonNode kept = remove(value.get(i), toRemove.child(pe), item);
                    out.add(kept == null ? JsonNodeFactory.instance.objectNode() : kept);
                }
                return out.isEmpty() ? null : out;
            }
            default -> {
                return value;
            }
        }
    }
}
