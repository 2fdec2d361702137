package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * text/template's {@code eq}, {@code lt} and {@code le} (Go 1.23) over decoded JSON: basic kinds compare
 * within their kind (int64 against float64 is {@code incompatible types for comparison}); {@code eq}
 * with a missing value is false rather than an error; ordering needs basic kinds.
 */
final class GoCompareValues {

    static final String BAD_TYPE = "invalid type for comparison";
    static final String INCOMPATIBLE = "incompatible types for comparison";
    static final String NO_COMPARISON = "missing argument for comparison";

    private enum Kind { INVALID, BOOL, INT, FLOAT, STRING }

    private GoCompareValues() {
    }

    private static Kind kind(JsonNode n) {
        if (n == null) {
            return Kind.INVALID;
        }
        if (n.isBoolean()) {
            return Kind.BOOL;
        }
        if (n.isTextual()) {
            return Kind.STRING;
        }
        if (n.isNumber()) {
            return GoValues.isInt(n) ? Kind.INT : Kind.FLOAT;
        }
        return Kind.INVALID;
    }

    static boolean eq(List<Object> args) {
        JsonNode a1 = GoValues.concrete(args.get(0));
        if (args.size() < 2) {
            throw new TemplateFuncs.FuncError(NO_COMPARISON);
        }
        Kind k1 = kind(a1);
        for (int i = 1; i < args.size(); i++) {
            JsonNode a2 = GoValues.concrete(args.get(i));
            Kind k2 = kind(a2);
            boolean truth;
            if (k1 != k2) {
                if (a1 != null && a2 != null) {
                    throw new TemplateFuncs.FuncError(INCOMPATIBLE);
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case BOOL -> a1.booleanValue() == a2.booleanValue();
                    case INT -> GoNumbers.longValue(a1) == GoNumbers.longValue(a2);
                    case FLOAT -> a1.doubleValue() == a2.doubleValue();
                    case STRING -> a1.textValue().equals(a2.textValue());
                    case INVALID -> invalidEqual(a1, a2);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Non-basic values: nil equals nil; maps and slices are not comparable in Go. */
    private static boolean invalidEqual(JsonNode a1, JsonNode a2) {
        if (a1 == null || a2 == null) {
            return a1 == null && a2 == null;
        }
        if (a1.getNodeType() != a2.getNodeType()) {
            throw new TemplateFuncs.FuncError("non-comparable types " + GoPrint.sprint(a1, false) + ": "
                    + GoValues.concreteTypeName(a1) + ", " + GoValues.concreteTypeName(a2) + ": " + GoPrint.sprint(a2, false));
        }
        throw new TemplateFuncs.FuncError("non-comparable type " + GoPrint.sprint(a2, false) + ": "
                + GoValues.concreteTypeName(a2));
    }

    static boolean lt(Object x, Object y) {
        JsonNode a1 = GoValues.concrete(x);
        JsonNode a2 = GoValues.concrete(y);
        Kind k1 = kind(a1);
        if (k1 == Kind.INVALID) {
            throw new TemplateFuncs.FuncError(BAD_TYPE);
        }
        Kind k2 = kind(a2);
        if (k2 == Kind.INVALID) {
            throw new TemplateFuncs.FuncError(BAD_TYPE);
        }
        if (k1 != k2) {
            throw new TemplateFuncs.FuncError(INCOMPATIBLE);
        }
        return switch (k1) {
            case BOOL, INVALID -> throw new TemplateFuncs.FuncError(BAD_TYPE);
            case INT -> GoNumbers.longValue(a1) < GoNumbers.longValue(a2);
            case FLOAT -> a1.doubleValue() < a2.doubleValue();
            case STRING -> a1.textValue().compareTo(a2.textValue()) < 0;
        };
    }

    static boolean le(Object x, Object y) {
        return lt(x, y) || eq(List.of(x, y));
    }
}
