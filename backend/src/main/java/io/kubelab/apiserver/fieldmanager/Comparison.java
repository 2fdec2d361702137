package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * structured-merge-diff's {@code TypedValue.Compare}: the fields a write added, modified and removed. A leaf
 * (scalar, atomic value, or a map or list empty on both sides) is compared by value; a map or list node is
 * added or removed only when absent on one side, so a struct Go always writes is never "added". The
 * object's own {@code metadata.managedFields} are not part of it.
 */
final class Comparison {

    final FieldSet added = new FieldSet();
    final FieldSet modified = new FieldSet();
    final FieldSet removed = new FieldSet();

    private Comparison() {
    }

    static Comparison of(JsonNode before, JsonNode after, FieldType type) {
        Comparison c = new Comparison();
        c.walk(new ArrayList<>(), before, after, type);
        return c;
    }

    /** The comparison without the paths under {@code ignored} (the kind's reset fields). */
    Comparison without(FieldSet ignored) {
        Comparison c = new Comparison();
        c.added.addAll(added.recursiveDifference(ignored));
        c.modified.addAll(modified.recursiveDifference(ignored));
        c.removed.addAll(removed.recursiveDifference(ignored));
        return c;
    }

    FieldSet changed() {
        return modified.union(added);
    }

    private void walk(List<PathElement> path, JsonNode lhs, JsonNode rhs, FieldType type) {
        JsonNode probe = rhs != null && !rhs.isNull() ? rhs : lhs;
        FieldType.Shape shape = type.shapeOf(probe);
        if (lhs != null && rhs != null && !lhs.isNull() && !rhs.isNull() && lhs.getNodeType() != rhs.getNodeType()) {
            shape = FieldType.Shape.ATOMIC;
        }
        boolean walked = switch (shape) {
            case MAP -> walkMap(path, lhs, rhs, type);
            case SET, ASSOCIATIVE -> walkList(path, lhs, rhs, type);
            default -> false;
        };
        if (!walked) {
            leaf(path, lhs, rhs);
        } else if (lhs == null) {
            added.insert(path);
        } else if (rhs == null) {
            removed.insert(path);
        }
    }

    private void leaf(List<PathElement> path, JsonNode lhs, JsonNode rhs) {
        if (lhs == null) {
            added.insert(path);
        } else if (rhs == null) {
            removed.insert(path);
        } else if (!ValueOrder.equal(lhs, rhs)) {
            modified.insert(path);
        }
    }

    private static boolean empty(JsonNode v) {
        return v == null || v.isNull() || v.isEmpty();
    }

    private boolean walkMap(List<PathElement> path, JsonNode lhs, JsonNode rhs, FieldType type) {
        if (empty(lhs) && empty(rhs)) {
            return false;
        }
        Set<String> keys = new LinkedHashSet<>();
        boolean metadata = path.size() == 1 && path.get(0).isField() && path.get(0).name().equals("metadata");
        for (JsonNode side : new JsonNode[]{lhs, rhs}) {
            if (side != null && side.isObject()) {
                for (Iterator<String> it = side.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
            }
        }
        for (String key : keys) {
            if (metadata && key.equals(ManagedFields.FIELD)) {
                continue;
            }
            path.add(PathElement.field(key));
            walk(path, lhs == null ? null : lhs.get(key), rhs == null ? null : rhs.get(key), type.field(key));
            path.remove(path.size() - 1);
        }
        return true;
    }

    private boolean walkList(List<PathElement> path, JsonNode lhs, JsonNode rhs, FieldType type) {
        if (empty(lhs) && empty(rhs)) {
            return false;
        }
        Map<PathElement, JsonNode> left = items(lhs, type);
        Map<PathElement, JsonNode> right = items(rhs, type);
        Set<PathElement> all = new LinkedHashSet<>(left.keySet());
        all.addAll(right.keySet());
        FieldType item = type.item();
        for (PathElement pe : all) {
            path.add(pe);
            walk(path, left.get(pe), right.get(pe), item);
            path.remove(path.size() - 1);
        }
        return true;
    }

    /** A list's items by path element; of duplicates the first counts. */
    static Map<PathElement, JsonNode> items(JsonNode list, FieldType type) {
        Map<PathElement, JsonNode> out = new LinkedHashMap<>();
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                out.putIfAbsent(type.itemElement(list.get(i), i), list.get(i));
            }
        }
        return out;
    }
}
