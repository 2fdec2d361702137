package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints decoded JSON the way Go's {@code fmt} prints {@code map[string]interface{}} trees, because
 * strategicpatch error messages embed values with {@code %v}: maps as {@code map[k:v ...]} with sorted keys,
 * slices as {@code [a b]}, null as {@code <nil>}, strings bare.
 */
final class GoFormat {

    private GoFormat() {
    }

    static String value(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("<nil>");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            out.append("map[");
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : " ").append(keys.get(i)).append(':');
                append(out, node.get(keys.get(i)));
            }
            out.append(']');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : " ");
                append(out, node.get(i));
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append(node.textValue());
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            out.append(goFloat(node.doubleValue()));
        } else {
            out.append(node.asText());
        }
    }

    /** {@code %v} of a float64: shortest digits, exponent form below 1e-4 or from 1e21. */
    static String goFloat(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return exact.toPlainString();
    }

    /** Go's reflect type name of a decoded JSON value, as {@code mergepatch.ErrBadArgType} prints it. */
    static String typeName(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "%!s(<nil>)";
        }
        if (node.isObject()) {
            return "map[string]interface {}";
        }
        if (node.isArray()) {
            return "[]interface {}";
        }
        return kind(node);
    }

    /** Go's reflect kind of a decoded JSON value (ints stay int64 in the apiserver's decoder). */
    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "invalid";
        }
        if (node.isObject()) {
            return "map";
        }
        if (node.isArray()) {
            return "slice";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isIntegralNumber() ? "int64" : "float64";
    }

    /** Go's {@code ==} on two decoded scalars: same dynamic type and value. */
    static boolean scalarEqual(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() != b.isIntegralNumber()) {
                return false;
            }
            return a.isIntegralNumber() ? a.bigIntegerValue().equals(b.bigIntegerValue())
                    : a.doubleValue() == b.doubleValue();
        }
        return a.equals(b);
    }
}
