package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** jq 1.6's view of JSON values: its ordering, arithmetic, truth, type names and output text. */
final class JqValues {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A jq runtime error; the message is what follows "jq: error (at ...): ". */
    static final class JqError extends RuntimeException {
        final JsonNode value;

        JqError(String message) {
            super(message, null, false, false);
            this.value = null;
        }

        JqError(JsonNode value) {
            super(value.isTextual() ? value.asText() : text(value, false) + " (not a string)", null, false, false);
            this.value = value;
        }
    }

    private JqValues() {
    }

    static String type(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isTextual()) {
            return "string";
        }
        return v.isArray() ? "array" : "object";
    }

    static boolean truthy(JsonNode v) {
        return !(v == null || v.isNull() || v.isMissingNode() || (v.isBoolean() && !v.booleanValue()));
    }

    private static int rank(JsonNode v) {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 2 : 1;
        }
        return v.isNumber() ? 3 : v.isTextual() ? 4 : v.isArray() ? 5 : 6;
    }

    static int compare(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case 3:
                return Double.compare(a.doubleValue(), b.doubleValue());
            case 4:
                return a.asText().compareTo(b.asText());
            case 5: {
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    int c = compare(a.get(i), b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(a.size(), b.size());
            }
            case 6: {
                ArrayNode ka = sortedKeys(a);
                ArrayNode kb = sortedKeys(b);
                int c = compare(ka, kb);
                if (c != 0) {
                    return c;
                }
                for (JsonNode k : ka) {
                    c = compare(a.get(k.asText()), b.get(k.asText()));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            default:
                return 0;
        }
    }

    static ArrayNode sortedKeys(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ArrayNode out = JSON.arrayNode();
        names.forEach(out::add);
        return out;
    }

    static JsonNode number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e17 ? JSON.numberNode((long) d) : JSON.numberNode(d);
    }

    static JsonNode arith(char op, JsonNode a, JsonNode b) {
        if (op == '+') {
            if (a.isNull()) {
                return b;
            }
            if (b.isNull()) {
                return a;
            }
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            switch (op) {
                case '+':
                    return number(x + y);
                case '-':
                    return number(x - y);
                case '*':
                    return number(x * y);
                case '/':
                    if (y == 0) {
                        throw new JqError(describe(a) + " and " + describe(b) + " cannot be divided because the divisor is zero");
                    }
                    return number(x / y);
                default:
                    if ((long) y == 0) {
                        throw new JqError(describe(a) + " and " + describe(b) + " cannot be divided because the divisor is zero");
                    }
                    return number((long) x % (long) y);
            }
        }
        if (op == '+' && a.isTextual() && b.isTextual()) {
            return JSON.textNode(a.asText() + b.asText());
        }
        if (op == '+' && a.isArray() && b.isArray()) {
            ArrayNode out = ((ArrayNode) a).deepCopy();
            out.addAll((ArrayNode) b);
            return out;
        }
        if (op == '-' && a.isArray() && b.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode x : a) {
                boolean found = false;
                for (JsonNode y : b) {
                    found |= compare(x, y) == 0;
                }
                if (!found) {
                    out.add(x);
                }
            }
            return out;
        }
        if (op == '+' && a.isObject() && b.isObject()) {
            ObjectNode out = ((ObjectNode) a).deepCopy();
            out.setAll((ObjectNode) b.deepCopy());
            return out;
        }
        if (op == '*' && a.isObject() && b.isObject()) {
            return deepMerge((ObjectNode) a.deepCopy(), (ObjectNode) b);
        }
        if (op == '/' && a.isTextual() && b.isTextual()) {
            ArrayNode out = JSON.arrayNode();
            for (String s : a.asText().split(java.util.regex.Pattern.quote(b.asText()), -1)) {
                out.add(s);
            }
            return a.asText().isEmpty() ? JSON.arrayNode() : out;
        }
        String verb = switch (op) {
            case '+' -> "added";
            case '-' -> "subtracted";
            case '*' -> "multiplied";
            default -> "divided";
        };
        throw new JqError(describe(a) + " and " + describe(b) + " cannot be " + verb);
    }

    private static ObjectNode deepMerge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                deepMerge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return into;
    }

    /** How jq names a value in an error: {@code string ("abc")}, with long values cut. */
    static String describe(JsonNode v) {
        String text = text(v, false);
        if (text.length() > 11) {
            text = text.substring(0, 10) + "...";
        }
        return type(v) + " (" + text + ")";
    }

    /** jq 1.6's output text of a value: compact, or pretty with two-space indentation. */
    static String text(JsonNode v, boolean pretty) {
        StringBuilder out = new StringBuilder();
        write(v, pretty, 0, false, out);
        return out.toString();
    }

    static void write(JsonNode v, boolean pretty, int indent, boolean sortKeys, StringBuilder out) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            out.append("null");
        } else if (v.isBoolean()) {
            out.append(v.booleanValue());
        } else if (v.isNumber()) {
            out.append(formatNumber(v));
        } else if (v.isTextual()) {
            quote(v.asText(), out);
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (JsonNode item : v) {
                out.append(first ? "" : ",");
                first = false;
                newline(pretty, indent + 1, out);
                write(item, pretty, indent + 1, sortKeys, out);
            }
            newline(pretty, indent, out);
            out.append(']');
        } else {
            if (v.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            Iterable<String> names = sortKeys ? () -> sortedKeys(v).elements().hasNext()
                    ? java.util.stream.StreamSupport.stream(sortedKeys(v).spliterator(), false)
                    .map(JsonNode::asText).iterator() : java.util.Collections.emptyIterator() : v::fieldNames;
            for (String name : names) {
                out.append(first ? "" : ",");
                first = false;
                newline(pretty, indent + 1, out);
                quote(name, out);
                out.append(pretty ? ": " : ":");
                write(v.get(name), pretty, indent + 1, sortKeys, out);
            }
            newline(pretty, indent, out);
            out.append('}');
        }
    }

    private static void newline(boolean pretty, int indent, StringBuilder out) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < indent; i++) {
                out.append("  ");
            }
        }
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** jq 1.6 prints the shortest digits, in exponent form when the point is over 15 places past them or below 1e-4 (its g_fmt). */
    static String formatNumber(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong() && Math.abs(v.longValue()) < (1L << 53)) {
            long l = v.longValue();
            if (l == 0 || Math.abs(l) < 100_000) {
                return Long.toString(l);
            }
        }
        double d = v.doubleValue();
        if (Double.isNaN(d)) {
            return "null";
        }
        if (Double.isInfinite(d)) {
            d = d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int decpt = digits.length() - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (decpt <= -4 || decpt > digits.length() + 15) {
            int exp = decpt - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (decpt <= 0) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return sign + digits + "0".repeat(decpt - digits.length());
        }
        return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
}
