package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.print.gotemplate.GoNumbers;
import io.kubelab.model.GoJson;

/**
 * A filter's comparison: client-go's fork of text/template's {@code eq}, {@code lt}... over basic kinds.
 * Strings compare by bytes, numbers only with numbers of the same kind (an int64 field against a float
 * literal is {@code incompatible types for comparison}), bools only for (in)equality.
 */
final class GoCompare {

    static final String BAD_TYPE = "invalid type for comparison";
    static final String INCOMPATIBLE = "incompatible types for comparison";

    private enum Kind { BOOL, INT, FLOAT, STRING }

    private GoCompare() {
    }

    static boolean compare(String op, JsonNode left, JsonNode right) {
        return switch (op) {
            case "<" -> less(left, right);
            case ">" -> !lessOrEqual(left, right);
            case "==" -> equal(left, right);
            case "!=" -> !equal(left, right);
            case "<=" -> lessOrEqual(left, right);
            case ">=" -> !less(left, right);
            default -> throw new JsonPathException("unrecognized filter operator " + op);
        };
    }

    private static Kind kind(JsonNode v) {
        if (v != null) {
            if (v.isBoolean()) {
                return Kind.BOOL;
            }
            if (v.isTextual()) {
                return Kind.STRING;
            }
            if (v.isNumber()) {
                return GoNumbers.isInt(v, false) ? Kind.INT : Kind.FLOAT;
            }
        }
        throw new JsonPathException(BAD_TYPE);
    }

    static boolean equal(JsonNode a, JsonNode b) {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 != k2) {
            throw new JsonPathException(INCOMPATIBLE);
        }
        return switch (k1) {
            case BOOL -> a.booleanValue() == b.booleanValue();
            case INT -> a.longValue() == b.longValue();
            case FLOAT -> a.doubleValue() == b.doubleValue();
            case STRING -> a.textValue().equals(b.textValue());
        };
    }

    static boolean less(JsonNode a, JsonNode b) {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 != k2) {
            throw new JsonPathException(INCOMPATIBLE);
        }
        return switch (k1) {
            case BOOL -> throw new JsonPathException(BAD_TYPE);
            case INT -> a.longValue() < b.longValue();
            case FLOAT -> a.doubleValue() < b.doubleValue();
            case STRING -> GoJson.compareKeys(a.textValue(), b.textValue()) < 0;
        };
    }

    private static boolean lessOrEqual(JsonNode a, JsonNode b) {
        return less(a, b) || equal(a, b);
    }
}
