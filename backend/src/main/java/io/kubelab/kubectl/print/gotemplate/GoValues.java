package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * Values as the template engine sees them, following Go's reflection: {@code null} is an invalid value
 * (a missing map key: prints {@code <no value>}); a {@link JsonNode} is a concrete value; an {@link Iface}
 * is a value still typed {@code interface {}} (read out of a map or slice), which matters for Go's error
 * texts ({@code can't evaluate field x in type interface {}}) and for JSON null (a nil interface).
 */
final class GoValues {

    private GoValues() {
    }

    /** A value read from a {@code map[string]interface{}} or {@code []interface{}}. */
    record Iface(JsonNode value) {
    }

    /** A Go {@code int} (constants, {@code len}), which Go names {@code int}, not {@code int64}. */
    static final class GoInt extends LongNode {
        GoInt(long v) {
            super(v);
        }
    }

    static Object iface(JsonNode v) {
        return v == null ? null : new Iface(v);
    }

    /** Go's {@code indirectInterface}: the concrete value, or null for an invalid value or nil interface. */
    static JsonNode concrete(Object v) {
        JsonNode n = v instanceof Iface i ? i.value() : (JsonNode) v;
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    static boolean isNilIface(Object v) {
        return v instanceof Iface i && (i.value().isNull() || i.value().isMissingNode());
    }

    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Iface) {
            return "interface {}";
        }
        return concreteTypeName((JsonNode) v);
    }

    static String concreteTypeName(JsonNode n) {
        if (n == null || n.isNull()) {
            return "<nil>";
        }
        if (n.isObject()) {
            return "map[string]interface {}";
        }
        if (n.isArray()) {
            return "[]interface {}";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n instanceof GoInt) {
            return "int";
        }
        if (n.isNumber()) {
            return GoNumbers.isInt(n, false) ? "int64" : "float64";
        }
        return "interface {}";
    }

    /** Go's {@code isTrue} (the value already indirected): empty collections, zero, false and nil are false. */
    static boolean truth(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isObject() || n.isArray()) {
            return n.size() > 0;
        }
        if (n.isTextual()) {
            return !n.textValue().isEmpty();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue() != 0;
        }
        return true;
    }

    static boolean isInt(JsonNode n) {
        return n != null && n.isNumber() && GoNumbers.isInt(n, false);
    }
}
