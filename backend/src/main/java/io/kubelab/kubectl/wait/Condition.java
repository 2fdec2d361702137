package io.kubelab.kubectl.wait;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.KubectlException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --for} waits for (kubectl's conditionFuncFor): the object gone ({@code delete}), there
 * ({@code create}), a status condition with a status ({@code condition=Ready}, {@code condition=Available=false},
 * case-insensitive and not before the controller observed the object's generation), or a JSONPath with an
 * optional value ({@code jsonpath={.status.phase}=Running}).
 */
record Condition(Kind kind, String name, String value, List<Object> path) {

    enum Kind { DELETE, CREATE, CONDITION, JSONPATH }

    static Condition parse(String spec) throws KubectlException {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("delete")) {
            return new Condition(Kind.DELETE, "", "", List.of());
        }
        if (lower.equals("create")) {
            return new Condition(Kind.CREATE, "", "", List.of());
        }
        if (spec.startsWith("condition=")) {
            String name = spec.substring("condition=".length());
            String value = "true";
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            return new Condition(Kind.CONDITION, name, value, List.of());
        }
        if (spec.startsWith("jsonpath=")) {
            String input = spec.substring("jsonpath=".length()).trim();
            if (input.isEmpty()) {
                throw KubectlException.error("jsonpath expression cannot be empty");
            }
            String expression = input;
            String value = "";
            int close = input.lastIndexOf('}');
            int eq = input.indexOf('=', close < 0 ? 0 : close);
            if (eq >= 0) {
                expression = input.substring(0, eq);
                value = input.substring(eq + 1);
                if (value.isEmpty()) {
                    throw KubectlException.error("jsonpath wait has to have a value after equal sign");
                }
            }
            return new Condition(Kind.JSONPATH, expression, value, path(expression));
        }
        throw KubectlException.error("unrecognized condition: \"" + spec + "\"");
    }

    /** {@code {.status.conditions[0].type}} or {@code .status.phase}: fields and indexes. */
    private static List<Object> path(String expression) throws KubectlException {
        String e = expression.trim();
        if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1);
        }
        if (e.startsWith("$")) {
            e = e.substring(1);
        }
        List<Object> out = new ArrayList<>();
        for (String part : e.split("\\.")) {
            int open = part.indexOf('[');
            String field = open < 0 ? part : part.substring(0, open);
            if (!field.isEmpty()) {
                out.add(field);
            }
            while (open >= 0) {
                int close = part.indexOf(']', open);
                try {
                    out.add(Integer.parseInt(part.substring(open + 1, close < 0 ? part.length() : close)));
                } catch (NumberFormatException ex) {
                    throw KubectlException.error("unrecognized jsonpath " + expression
                            + ": only fields and numeric indexes are supported here");
                }
                open = close < 0 ? -1 : part.indexOf('[', close);
            }
        }
        return out;
    }

    /** Whether the object (present) meets a condition or JSONPath wait. */
    boolean metBy(JsonNode object) throws KubectlException {
        if (kind == Kind.CONDITION) {
            for (JsonNode c : object.path("status").path("conditions")) {
                if (!c.path("type").asText().equalsIgnoreCase(name) || !c.has("status")) {
                    continue;
                }
                long generation = object.path("metadata").path("generation").asLong(0);
                JsonNode observed = c.has("observedGeneration") ? c.get("observedGeneration")
                        : object.path("status").get("observedGeneration");
                if (generation > 0 && observed != null && observed.asLong() < generation) {
                    return false;
                }
                return c.path("status").asText().equalsIgnoreCase(value);
            }
            return false;
        }
        JsonNode node = object;
        for (Object step : path) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        if (node.isMissingNode()) {
            return false;
        }
        if (node.isContainerNode()) {
            throw KubectlException.error("jsonpath leads to a nested object or list which is not supported");
        }
        return value.isEmpty() || node.asText().equals(value);
    }
}
