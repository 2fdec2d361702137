package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Go's number semantics over Jackson numbers. An object reaches JSONPath as unstructured content (a JSON
 * integer that fits int64 is an int64, anything else a float64), and reaches a go-template after one more
 * {@code json.Marshal}/{@code Unmarshal} round trip through apimachinery's decoder (so a float64 that Go
 * writes without exponent or fraction, such as {@code 3e6}, comes back as the int64 {@code 3000000}).
 * Also the digit layouts {@code %e}/{@code %f} share ({@code %v} and JSON's are {@link io.kubelab.model.GoFloats}').
 */
public final class GoNumbers {

    private static final double TWO_63 = 9.223372036854775808E18;

    private GoNumbers() {
    }

    /** Whether Go holds this number as an int64 (else a float64). */
    public static boolean isInt(JsonNode n, boolean afterJsonRoundTrip) {
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return true;
        }
        if (!afterJsonRoundTrip) {
            return false;
        }
        double d = n.doubleValue();
        double abs = Math.abs(d);
        boolean plainInJson = abs == 0 || (abs >= 1e-6 && abs < 1e21);
        return plainInJson && d == Math.rint(d) && d >= -TWO_63 && d < TWO_63;
    }

    /**
     * The value after one more Go {@code json.Marshal}/{@code Unmarshal} through apimachinery's decoder, as
     * kubectl does when it gathers several objects into a {@code List} for printing: a float64 that Go
     * writes with no fraction or exponent ({@code 3e6}) becomes an int64. Returns {@code value} itself when
     * nothing changes (objects without such numbers are not copied).
     */
    public static JsonNode reencoded(JsonNode value) {
        if (value.isNumber()) {
            return !isInt(value, false) && isInt(value, true) ? LongNode.valueOf((long) value.doubleValue()) : value;
        }
        if (value.isObject()) {
            ObjectNode copy = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = reencoded(e.getValue());
                if (v != e.getValue()) {
                    copy = copy == null ? ((ObjectNode) value).deepCopy() : copy;
                    copy.set(e.getKey(), v);
                }
            }
            return copy == null ? value : copy;
        }
        if (value.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < value.size(); i++) {
                JsonNode v = reencoded(value.get(i));
                if (v != value.get(i)) {
                    copy = copy == null ? ((ArrayNode) value).deepCopy() : copy;
                    copy.set(i, v);
                }
            }
            return copy == null ? value : copy;
        }
        return value;
    }

    /** The int64 value of a number {@link #isInt} accepts. */
    public static long longValue(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() ? n.longValue() : (long) n.doubleValue();
    }

    static String exponent(String digits, int exp) {
        StringBuilder b = new StringBuilder();
        b.append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        b.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            b.append('0');
        }
        return b.append(a).toString();
    }

    static String plain(String digits, int pointPos) {
        if (pointPos <= 0) {
            return "0." + "0".repeat(-pointPos) + digits;
        }
        if (pointPos >= digits.length()) {
            return digits + "0".repeat(pointPos - digits.length());
        }
        return digits.substring(0, pointPos) + "." + digits.substring(pointPos);
    }
}
