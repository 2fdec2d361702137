package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.patch.PatchSchema.Field;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes strategic merge patch as apimachinery {@code strategicpatch.StrategicMergeMapPatch} applies it on
 * the server (parallel lists merged, unmatched nulls ignored), then the check the typed conversion makes
 * afterwards. Keys are visited in the patch's order where Go's map order is random. Quirks kept on purpose:
 * items a patch adds to a merge list come before the live ones unless {@code $setElementOrder} says otherwise,
 * and {@code $deleteFromPrimitiveList/f} on an object without {@code f} sets {@code f} to the deletion list.
 */
public final class StrategicMergePatch {

    static final String DIRECTIVE = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    static final String BAD_PRIMITIVE_LIST = "invalid patch format of primitive list";
    static final String BAD_RETAIN_KEYS = "invalid patch format of retainKeys";
    static final String BAD_SET_ELEMENT_ORDER = "invalid patch format of setElementOrder list";

    private StrategicMergePatch() {
    }

    /** Applies {@code patch} to a copy of {@code original}; neither argument is changed. */
    public static ObjectNode apply(ObjectNode original, ObjectNode patch, PatchSchema schema) {
        ObjectNode work = patch.deepCopy();
        ObjectNode merged = mergeMap(original.deepCopy(), work, schema);
        SchemaCheck.conversionError(merged, schema).ifPresent(error -> {
            throw PatchException.invalidPatch(GoFormat.value(work), error);
        });
        return merged;
    }

    /** As {@link #apply}, for a request body not yet known to be an object (the apiserver decodes into a map). */
    public static ObjectNode apply(ObjectNode original, JsonNode patch, PatchSchema schema) {
        if (patch == null || patch.isNull()) {
            return apply(original, JsonNodeFactory.instance.objectNode(), schema);
        }
        if (!patch.isObject()) {
            String what = patch.isArray() ? "array" : patch.isTextual() ? "string" : patch.isBoolean() ? "bool" : "number";
            throw PatchException.badRequest("json: cannot unmarshal " + what
                    + " into Go value of type map[string]interface {}");
        }
        return apply(original, (ObjectNode) patch, schema);
    }

    /** mergeMap: both arguments are private copies and are changed in place, as Go changes its maps. */
    static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, PatchSchema schema) {
        JsonNode directive = patch.get(DIRECTIVE);
        if (directive != null) {
            if (directive.isTextual() && directive.textValue().equals("replace")) {
                patch.remove(DIRECTIVE);
                return patch;
            }
            if (directive.isTextual() && directive.textValue().equals("delete")) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw badPatchType(directive, patch);
        }
        applyRetainKeys(original, patch);
        SetElementOrder.apply(original, patch, schema);

        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        patch.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> entry : entries) {
            String key = entry.getKey();
            JsonNode patchValue = entry.getValue();
            boolean deleteList = false;
            if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                key = extractKey(key, DELETE_FROM_PRIMITIVE_LIST, BAD_PRIMITIVE_LIST);
                deleteList = true;
            }
            if (patchValue.isNull()) {
                original.remove(key);
                continue;
            }
            JsonNode current = original.get(key);
            if (current == null || !GoFormat.typeName(current).equals(GoFormat.typeName(patchValue))) {
                original.set(key, patchValue);
                continue;
            }
            Field field = schema.field(key).orElse(null);
            if (current.isObject()) {
                original.set(key, mergeMap((ObjectNode) current, (ObjectNode) patchValue, schema.child(key)));
            } else if (current.isArray()) {
                boolean merge = field != null && field.merge();
                original.set(key, merge ? ListMerge.mergeSlice((ArrayNode) current, (ArrayNode) patchValue,
                        schema.child(key), field.mergeKey(), deleteList) : patchValue);
            } else {
                original.set(key, patchValue);
            }
        }
        return original;
    }

    /** {@code $retainKeys}: clear the live keys it does not list; every set patch key must be listed. */
    private static void applyRetainKeys(ObjectNode original, ObjectNode patch) {
        JsonNode retain = patch.remove(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw PatchException.badRequest(BAD_RETAIN_KEYS);
        }
        Set<String> keep = new HashSet<>();
        retain.forEach(k -> {
            if (k.isTextual()) {
                keep.add(k.textValue());
            }
        });
        patch.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (!e.getValue().isNull() && !k.startsWith(DELETE_FROM_PRIMITIVE_LIST)
                    && !k.startsWith(SET_ELEMENT_ORDER) && !keep.contains(k)) {
                throw PatchException.badRequest(BAD_RETAIN_KEYS);
            }
        });
        List<String> drop = new ArrayList<>();
        original.fieldNames().forEachRemaining(k -> {
            if (!keep.contains(k)) {
                drop.add(k);
            }
        });
        original.remove(drop);
    }

    /** extractKey: {@code prefix/field} to {@code field}, or the directive's format error (400). */
    static String extractKey(String key, String prefix, String formatError) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw PatchException.badRequest(formatError);
        }
        return key.substring(slash + 1);
    }

    /** mergepatch.ErrBadPatchType: {@code unknown patch type: %s in map: %v}. */
    static PatchException badPatchType(JsonNode directive, ObjectNode map) {
        String shown = directive.isTextual() ? directive.textValue() : directive.isNull() ? "%!s(<nil>)"
                : "%!s(" + GoFormat.typeName(directive) + "=" + GoFormat.value(directive) + ")";
        return PatchException.unknown("unknown patch type: " + shown + " in map: " + GoFormat.value(map));
    }
}
