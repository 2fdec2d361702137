package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoText;
import io.kubelab.model.GoFloats;
import io.kubelab.model.GoJson;

import java.util.Arrays;
import java.util.List;

/**
 * How Go prints a decoded JSON value ({@code map[string]interface{}}, {@code []interface{}}, string, int64,
 * float64, bool, nil): {@code fmt}'s {@code %v} ({@code map[a:b]}, {@code [a b]}), {@code %#v}
 * ({@code map[string]interface {}{"a":"b"}}), {@code encoding/json}'s compact form, and {@code strconv.Quote}.
 * Go sorts map keys whenever it prints a map; so do we.
 */
public final class GoPrint {

    private GoPrint() {
    }

    /** {@code fmt.Sprint(v)}; a JSON null inside a map or list is Go's {@code <nil>}. */
    public static String sprint(JsonNode v, boolean afterJsonRoundTrip) {
        StringBuilder b = new StringBuilder();
        sprint(b, v, afterJsonRoundTrip);
        return b.toString();
    }

    static void sprint(StringBuilder b, JsonNode v, boolean rt) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            b.append("<nil>");
        } else if (v.isObject()) {
            b.append("map[");
            boolean first = true;
            for (String key : sortedKeys(v)) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                b.append(key).append(':');
                sprint(b, v.get(key), rt);
            }
            b.append(']');
        } else if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                sprint(b, v.get(i), rt);
            }
            b.append(']');
        } else {
            b.append(scalar(v, rt));
        }
    }

    /** A scalar as {@code %v} prints it: strings raw, int64 decimal, float64 {@code 'g'}, bool. */
    public static String scalar(JsonNode v, boolean rt) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return GoNumbers.isInt(v, rt) ? Long.toString(GoNumbers.longValue(v)) : GoFloats.shortestG(v.doubleValue());
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isNull()) {
            return "<nil>";
        }
        return v.asText();
    }

    /** {@code fmt.Sprintf("%#v", v)} of unstructured content. */
    public static String goSyntax(JsonNode v, boolean rt) {
        StringBuilder b = new StringBuilder();
        goSyntax(b, v, rt);
        return b.toString();
    }

    private static void goSyntax(StringBuilder b, JsonNode v, boolean rt) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            b.append("interface {}(nil)");
        } else if (v.isObject()) {
            b.append("map[string]interface {}{");
            boolean first = true;
            for (String key : sortedKeys(v)) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(GoText.quote(key)).append(':');
                goSyntax(b, v.get(key), rt);
            }
            b.append('}');
        } else if (v.isArray()) {
            b.append("[]interface {}{");
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                goSyntax(b, v.get(i), rt);
            }
            b.append('}');
        } else if (v.isTextual()) {
            b.append(GoText.quote(v.textValue()));
        } else {
            b.append(scalar(v, rt));
        }
    }

    /** {@code json.Marshal(v)}: compact, keys sorted, {@code <>&} escaped as Go does. */
    public static String json(JsonNode v, boolean rt) {
        return GoJson.marshal(v, n -> GoNumbers.isInt(n, rt) ? Long.toString(GoNumbers.longValue(n)) : GoFloats.json(n.doubleValue()));
    }

    /** A map's keys in the order Go's fmt and text/template visit them: by bytes. */
    static List<String> sortedKeys(JsonNode obj) {
        return Arrays.asList(GoJson.sortedKeys(obj));
    }
}
