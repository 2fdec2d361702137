package io.kubelab.kubectl.explain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * kubectl 1.32's explain template {@code plaintext} ({@code pkg/explain/v2/templates/plaintext.tmpl}) over an
 * OpenAPI v3 document: the field path is followed through {@code $ref}, {@code allOf}, {@code items} and
 * {@code additionalProperties}; descriptions are joined line by line, wrapped by {@link WordWrap} (1.32's
 * {@code wrap} keeps the line breaks; later kubectl removes them first) and indented as the template's
 * {@code indent} does; map keys are visited in sorted order as Go's templates range over maps.
 */
final class PlaintextTemplate {

    private static final String REF = "$ref";

    private final JsonNode document;
    private final boolean recursive;

    PlaintextTemplate(JsonNode document, boolean recursive) {
        this.document = document;
        this.recursive = recursive;
    }

    /** The template's {@code output}: what a schema prints for the rest of the field path ("" when not found). */
    String output(JsonNode schema, Set<String> history, List<String> path) {
        StringBuilder out = new StringBuilder();
        String ref = schema.path(REF).asText("");
        Set<String> next = with(history, ref);
        JsonNode resolved = resolveOr(ref, schema);
        if (path.isEmpty()) {
            String description = description(resolved);
            out.append("DESCRIPTION:\n")
                    .append(indent(4, WordWrap.wrap(description.isEmpty() ? "<empty>" : description, 76)))
                    .append('\n');
            String fields = fieldList(resolved, 1, new HashSet<>());
            if (!fields.isEmpty()) {
                out.append("FIELDS:\n").append(fields);
            }
        } else if (!ref.isEmpty() && history.contains(ref)) {
            return "";
        } else if (resolved.path("properties").has(path.get(0))) {
            JsonNode sub = resolved.path("properties").get(path.get(0));
            if (path.size() == 1) {
                out.append("FIELD: ").append(path.get(0)).append(" <").append(typeGuess(sub)).append(">\n")
                        .append(extractEnum(sub, true, -1, 0)).append('\n').append('\n');
            }
            out.append(output(sub, new HashSet<>(), path.subList(1, path.size())));
        } else if (resolved.has("items")) {
            out.append(output(resolved.get("items"), next, path));
        } else if (resolved.path("additionalProperties").isObject()) {
            out.append(output(resolved.get("additionalProperties"), next, path));
        } else {
            for (JsonNode alternative : resolved.path("allOf")) {
                String found = output(alternative, next, path);
                if (!found.isEmpty()) {
                    out.append(found);
                    break;
                }
            }
        }
        return out.toString();
    }

    private String fieldList(JsonNode schema, int level, Set<String> history) {
        String ref = schema.path(REF).asText("");
        if (!ref.isEmpty() && history.contains(ref)) {
            return "";
        }
        Set<String> next = with(history, ref);
        JsonNode resolved = resolveOr(ref, schema);
        StringBuilder out = new StringBuilder();
        JsonNode properties = resolved.path("properties");
        for (String name : sortedKeys(properties)) {
            out.append(fieldDetail(name, resolved, level));
            if (recursive) {
                out.append(fieldList(properties.get(name), level + 1, next));
            }
        }
        for (JsonNode alternative : resolved.path("allOf")) {
            out.append(fieldList(alternative, level, next));
        }
        if (resolved.has("items")) {
            out.append(fieldList(resolved.get("items"), level, next));
        }
        if (resolved.path("additionalProperties").isObject()) {
            out.append(fieldList(resolved.get("additionalProperties"), level, next));
        }
        return out.toString();
    }

    private String fieldDetail(String name, JsonNode parent, int level) {
        int indent = level * 2;
        JsonNode field = parent.path("properties").get(name);
        StringBuilder out = new StringBuilder();
        out.append(indent(indent, name)).append("\t<").append(typeGuess(field)).append('>');
        for (JsonNode required : parent.path("required")) {
            if (required.asText().equals(name)) {
                out.append(" -required-");
                break;
            }
        }
        out.append(extractEnum(field, false, 4, indent)).append('\n');
        if (!recursive) {
            String description = field.path("description").asText("");
            out.append(indent(indent + 2, WordWrap.wrap(description.isEmpty() ? "<no description>"
                    : description, 78 - indent))).append('\n').append('\n');
        }
        return out.toString();
    }

    /** The template's {@code description}: a schema's own and its alternatives', items' and values'. */
    private String description(JsonNode schema) {
        JsonNode resolved = resolveOr(schema.path(REF).asText(""), schema);
        StringBuilder out = new StringBuilder();
        String own = resolved.path("description").asText("");
        if (!own.isEmpty()) {
            out.append(own).append('\n');
        }
        for (JsonNode alternative : resolved.path("allOf")) {
            out.append(description(alternative));
        }
        if (resolved.has("items")) {
            out.append(description(resolved.get("items")));
        }
        if (resolved.path("additionalProperties").isObject()) {
            out.append(description(resolved.get("additionalProperties")));
        }
        return out.toString();
    }

    /** The template's {@code typeGuess}: {@code string}, {@code Object}, {@code []Container}, ... */
    String typeGuess(JsonNode schema) {
        if (schema.has("items")) {
            return "[]" + typeGuess(schema.get("items"));
        }
        if (schema.path("additionalProperties").isObject()) {
            return "map[string]" + typeGuess(schema.get("additionalProperties"));
        }
        JsonNode allOf = schema.path("allOf");
        if (allOf.size() > 0 && !schema.has("properties") && allOf.size() == 1) {
            return typeGuess(allOf.get(0));
        }
        String ref = schema.path(REF).asText("");
        if (!ref.isEmpty()) {
            JsonNode target = resolve(ref);
            String type = target == null ? "" : target.path("type").asText("");
            if (type.isEmpty() || type.equals("object")) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                name = name.substring(name.lastIndexOf('.') + 1);
                return name.isEmpty() ? "Object" : name;
            }
            return type;
        }
        String type = schema.path("type").asText("");
        return type.isEmpty() || type.equals("object") ? "Object" : type;
    }

    /** The template's {@code extractEnum}: {@code ENUM:} lines (long view) or a short {@code enum:} line. */
    private static String extractEnum(JsonNode schema, boolean longView, int limit, int indent) {
        JsonNode values = schema.path("enum");
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(longView ? "ENUM:" : "\n" + " ".repeat(indent) + "enum: ");
        for (int i = 0; i < values.size(); i++) {
            if (limit > -1 && i >= limit) {
                out.append(", ....");
                break;
            }
            if (i > 0 && !longView) {
                out.append(", ");
            } else if (longView) {
                out.append("\n    ");
            }
            JsonNode value = values.get(i);
            out.append(value.isTextual() && value.asText().isEmpty() ? "\"\"" : value.asText());
        }
        return out.toString();
    }

    /** The template's {@code resolveRef}: a {@code #/components/schemas/...} fragment within the document. */
    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode current = document;
        for (String part : ref.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            current = current.get(part);
            if (current == null || !current.isObject()) {
                return null;
            }
        }
        return current;
    }

    private JsonNode resolveOr(String ref, JsonNode schema) {
        JsonNode resolved = ref.isEmpty() ? null : resolve(ref);
        return resolved != null ? resolved : schema;
    }

    private static Set<String> with(Set<String> history, String ref) {
        Set<String> next = new HashSet<>(history);
        next.add(ref);
        return next;
    }

    static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        keys.sort(null);
        return keys;
    }

    /** The template's {@code indent}: pads the first line and every line after a break. */
    static String indent(int amount, String s) {
        String pad = " ".repeat(amount);
        return pad + s.replace("\n", "\n" + pad);
    }
}
