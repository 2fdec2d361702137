package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * structured-merge-diff's {@code TypedValue.ToFieldSet}: the fields an applied configuration sets. Scalars,
 * atomic values and list items are members; a struct field is a member only when its value is null or
 * empty, so an applier owns what it wrote and not the structs on the way there.
 */
final class ToFieldSet {

    private ToFieldSet() {
    }

    static FieldSet of(JsonNode value, FieldType type) {
        FieldSet out = new FieldSet();
        walk(out, new ArrayList<>(), value, type);
        return out;
    }

    private static void walk(FieldSet out, List<PathElement> path, JsonNode value, FieldType type) {
        switch (type.shapeOf(value)) {
            case MAP -> {
                if (!value.isObject()) {
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    path.add(PathElement.field(e.getKey()));
                    walk(out, path, e.getValue(), type.field(e.getKey()));
                    JsonNode v = e.getValue();
                    if (v.isNull() || (v.isObject() && v.isEmpty())) {
                        out.insert(path);
                    }
                    path.remove(path.size() - 1);
                }
            }
            case SET, ASSOCIATIVE -> {
                if (!value.isArray()) {
                    return;
                }
                FieldType item = type.item();
                for (int i = 0; i < value.size(); i++) {
                    path.add(type.itemElement(value.get(i), i));
                    walk(out, path, value.get(i), item);
                    out.insert(path);
                    path.remove(path.size() - 1);
                }
            }
            default -> out.insert(path);
        }
    }
}
