package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.GoFloats;
import io.kubelab.model.GoJson;

/**
 * {@code fmt.Sprint} of a value of an unstructured object, as custom columns print a JSONPath result: strings as
 * they are, float64 in %g ({@code 1e+06}), null as {@code <nil>}, maps as {@code map[k:v k2:v2]} with sorted keys,
 * slices as {@code [a b]}.
 */
final class GoSprint {

    private GoSprint() {
    }

    static String of(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("<nil>");
        } else if (value.isTextual()) {
            out.append(value.textValue());
        } else if (value.isNumber()) {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                out.append(value.longValue());
            } else {
                out.append(GoFloats.shortestG(value.doubleValue()));
            }
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode item : value) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else if (value.isObject()) {
            String[] keys = GoJson.sortedKeys(value);
            out.append("map[");
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(keys[i]).append(':');
                append(out, value.get(keys[i]));
            }
            out.append(']');
        } else {
            out.append(value.asText());
        }
    }
}
