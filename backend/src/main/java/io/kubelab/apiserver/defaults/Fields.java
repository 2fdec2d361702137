package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Go's zero-value tests and pointer defaults, spoken over JSON trees: an absent or null field is Go's nil, an empty
 * string and a zero number are Go's zero values for non-pointer fields.
 */
final class Fields {

    private Fields() {
    }

    /** The object at {@code field}, or null when it is absent or not an object. */
    static ObjectNode object(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n instanceof ObjectNode o ? o : null;
    }

    /** The object at {@code field}, created (as Go allocates a struct behind a nil pointer) when absent. */
    static ObjectNode ensureObject(ObjectNode parent, String field) {
        ObjectNode o = object(parent, field);
        return o != null ? o : parent.putObject(field);
    }

    /** Each object element of the array at {@code field}. */
    static void each(JsonNode parent, String field, Consumer<ObjectNode> action) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (item instanceof ObjectNode o) {
                    action.accept(o);
                }
            }
        }
    }

    /** Go's nil pointer: absent or JSON null. */
    static boolean isNil(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull();
    }

    /** Go's zero string: nil or "". */
    static boolean isEmptyString(JsonNode parent, String field) {
        return isNil(parent, field) || (parent.get(field).isTextual() && parent.get(field).asText().isEmpty());
    }

    /** Go's zero number for a non-pointer int. */
    static boolean isZeroNumber(JsonNode parent, String field) {
        return isNil(parent, field) || (parent.get(field).isNumber() && parent.get(field).asLong() == 0);
    }

    /** Go's empty map or slice (nil or no entries). */
    static boolean isEmpty(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() || (n.isContainerNode() && n.isEmpty());
    }

    static void defaultString(ObjectNode o, String field, String value) {
        if (isEmptyString(o, field)) {
            o.put(field, value);
        }
    }

    static void defaultPointer(ObjectNode o, String field, String value) {
        if (isNil(o, field)) {
            o.put(field, value);
        }
    }

    static void defaultPointer(ObjectNode o, String field, long value) {
        if (isNil(o, field)) {
            o.put(field, value);
        }
    }

    static void defaultPointer(ObjectNode o, String field, boolean value) {
        if (isNil(o, field)) {
            o.put(field, value);
        }
    }

    static void defaultNumber(ObjectNode o, String field, long value) {
        if (isZeroNumber(o, field)) {
            o.put(field, value);
        }
    }

    /** A {@code resource.Quantity} field, re-printed the way Kubernetes serialises it after decoding. */
    static void quantity(ObjectNode o, String field) {
        if (o == null || isNil(o, field)) {
            return;
        }
        Quantity q = parse(o.get(field));
        if (q != null) {
            o.put(field, q.toString());
        }
    }

    /** {@code SetDefaults_ResourceList}: every value rounded up to the milli-unit, then re-printed. */
    static void resourceList(ObjectNode parent, String field) {
        ObjectNode list = object(parent, field);
        if (list == null) {
            return;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        list.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            Quantity q = parse(e.getValue());
            if (q != null) {
                list.put(e.getKey(), q.roundUp(-3).toString());
            }
        }
    }

    /** As {@code Quantity.UnmarshalJSON}: a string or bare number, blanks trimmed; null if not a quantity (decoding
     *  rejects those before defaulting runs, so they are left for that layer to report). */
    private static Quantity parse(JsonNode n) {
        String text;
        if (n.isTextual()) {
            text = n.asText().strip();
        } else if (n.isIntegralNumber()) {
            text = n.bigIntegerValue().toString();
        } else if (n.isNumber()) {
            text = n.decimalValue().toString();
        } else {
            return null;
        }
        try {
            return Quantity.parse(text);
        } catch (Quantity.FormatException e) {
            return null;
        }
    }
}
