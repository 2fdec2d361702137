package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.patch.PatchSchema.Field;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The part of runtime.DefaultUnstructuredConverter.FromUnstructured a patched object can fail: a declared
 * struct field that is not an object, or a declared list that is not a list. The words are the converter's
 * ({@code cannot restore slice from map}, {@code cannot restore struct from: string}).
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static Optional<String> conversionError(JsonNode object, PatchSchema schema) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            Optional<Field> field = schema.field(entry.getKey());
            if (field.isEmpty() || value.isNull()) {
                continue;
            }
            PatchSchema child = schema.child(entry.getKey());
            Optional<String> error = switch (field.get().shape()) {
                case STRUCT -> value.isObject() ? conversionError(value, child)
                        : Optional.of("cannot restore struct from: " + GoFormat.kind(value));
                case LIST_OF_STRUCTS -> value.isArray() ? elements(value, child)
                        : Optional.of("cannot restore slice from " + GoFormat.kind(value));
                case LIST_OF_SCALARS -> value.isArray() ? Optional.empty()
                        : Optional.of("cannot restore slice from " + GoFormat.kind(value));
            };
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> elements(JsonNode list, PatchSchema schema) {
        for (JsonNode element : list) {
            if (element.isNull()) {
                continue;
            }
            if (!element.isObject()) {
                return Optional.of("cannot restore struct from: " + GoFormat.kind(element));
            }
            Optional<String> error = conversionError(element, schema);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }
}
