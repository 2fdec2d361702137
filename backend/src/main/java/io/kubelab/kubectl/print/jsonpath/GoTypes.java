package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.print.gotemplate.GoNumbers;
import io.kubelab.kubectl.print.gotemplate.GoPrint;

/** Go's names and {@code %v} for unstructured values, as client-go's error messages print them. */
final class GoTypes {

    private GoTypes() {
    }

    static String typeName(JsonNode v) {
        if (v == null || v.isNull()) {
            return "interface {}";
        }
        if (v.isObject()) {
            return "map[string]interface {}";
        }
        if (v.isArray()) {
            return "[]interface {}";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isNumber()) {
            return GoNumbers.isInt(v, false) ? "int64" : "float64";
        }
        return "interface {}";
    }

    static String valueString(JsonNode v) {
        return GoPrint.sprint(v, false);
    }
}
