package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.FieldErrors;

/**
 * RFC 6902 JSON patch as gopkg.in/evanphx/json-patch.v4 applies it for the Kubernetes 1.32 API server,
 * quirks included: {@code replace} and {@code copy} on a missing object key do not fail (v4 treats the key as
 * null), a negative array index counts from the end, the root path {@code ""} is never found, and
 * {@code test} compares objects one way (every key of the document's value must match the patch's).
 * The messages are the library's; the API server hides them behind a generic 422 (see {@link PatchException}).
 */
public final class JsonPatch {

    /** {@code maxJSONPatchOperations} in the apiserver's patch handler. */
    public static final int MAX_OPERATIONS = 10000;

    private static final String MISSING = ": missing value";
    private static final String BAD_INDEX = ": invalid index referenced";

    private JsonPatch() {
    }

    /** Applies {@code patch} (a JSON array of operations) to a copy of {@code document}. */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return document.deepCopy();
        }
        if (!patch.isArray()) {
            throw PatchException.badRequest("json: cannot unmarshal " + jsonKind(patch)
                    + " into Go value of type jsonpatch.Patch");
        }
        for (JsonNode op : patch) {
            if (!op.isObject() && !op.isNull()) {
                throw PatchException.badRequest("json: cannot unmarshal " + jsonKind(op)
                        + " into Go value of type jsonpatch.Operation");
            }
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw PatchException.tooManyOperations(patch.size());
        }
        JsonNode doc = document.deepCopy();
        for (JsonNode op : patch) {
            String kind = kind(op);
            switch (kind) {
                case "add" -> add(doc, op);
                case "remove" -> remove(doc, op);
                case "replace" -> replace(doc, op);
                case "move" -> move(doc, op);
                case "test" -> test(doc, op);
                case "copy" -> copy(doc, op);
                default -> throw fail("Unexpected kind: " + kind);
            }
        }
        return doc;
    }

    private static void add(JsonNode doc, JsonNode op) {
        String path = stringField(op, "path");
        if (path == null) {
            throw fail("add operation failed to decode path" + MISSING);
        }
        Target target = findObject(doc, path);
        if (target == null) {
            throw fail("add operation does not apply: doc is missing path: \"" + path + "\"" + MISSING);
        }
        String error = target.add(value(op));
        if (error != null) {
            throw fail("error in add for path: '" + path + "': " + error);
        }
    }

    private static void remove(JsonNode doc, JsonNode op) {
        String path = stringField(op, "path");
        if (path == null) {
            throw fail("remove operation failed to decode path" + MISSING);
        }
        Target target = findObject(doc, path);
        if (target == null) {
            throw fail("remove operation does not apply: doc is missing path: \"" + path + "\"" + MISSING);
        }
        String error = target.remove();
        if (error != null) {
            throw fail("error in remove for path: '" + path + "': " + error);
        }
    }

    private static void replace(JsonNode doc, JsonNode op) {
        String path = stringField(op, "path");
        if (path == null) {
            throw fail("replace operation failed to decode path: operation missing path field" + MISSING);
        }
        Target target = findObject(doc, path);
        if (target == null) {
            throw fail("replace operation does not apply: doc is missing path: " + path + MISSING);
        }
        if (target.get() instanceof Missing) {
            throw fail("replace operation does not apply: doc is missing key: " + path + MISSING);
        }
        target.set(value(op));
    }

    private static void move(JsonNode doc, JsonNode op) {
        String from = stringField(op, "from");
        if (from == null) {
            throw fail("move operation failed to decode from: operation, missing from field" + MISSING);
        }
        Target source = findObject(doc, from);
        if (source == null) {
            throw fail("move operation does not apply: doc is missing from path: " + from + MISSING);
        }
        Lookup found = source.get();
        if (found instanceof Missing m) {
            throw fail("error in move for path: '" + source.key + "': " + m.error);
        }
        String error = source.remove();
        if (error != null) {
            throw fail("error in move for path: '" + source.key + "': " + error);
        }
        String path = stringField(op, "path");
        if (path == null) {
            throw fail("move operation failed to decode path: operation missing path field" + MISSING);
        }
        Target destination = findObject(doc, path);
        if (destination == null) {
            throw fail("move operation does not apply: doc is missing destination path: " + path + MISSING);
        }
        error = destination.add(((Found) found).value);
        if (error != null) {
            throw fail("error in move for path: '" + path + "': " + error);
        }
    }

    private static void copy(JsonNode doc, JsonNode op) {
        String from = stringField(op, "from");
        if (from == null) {
            throw fail("copy operation failed to decode from: operation, missing from field" + MISSING);
        }
        Target source = findObject(doc, from);
        if (source == null) {
            throw fail("copy operation does not apply: doc is missing from path: " + from + MISSING);
        }
        Lookup found = source.get();
        if (found instanceof Missing m) {
            throw fail("error in copy for from: '" + from + "': " + m.error);
        }
        String path = stringField(op, "path");
        if (path == null) {
            throw fail("copy operation failed to decode path" + MISSING);
        }
        Target destination = findObject(doc, path);
        if (destination == null) {
            throw fail("copy operation does not apply: doc is missing destination path: " + path + MISSING);
        }
        String error = destination.add(((Found) found).value.deepCopy());
        if (error != null) {
            throw fail("error while adding value during copy: " + error);
        }
    }

    private static void test(JsonNode doc, JsonNode op) {
        String path = stringField(op, "path");
        if (path == null) {
            throw fail("test operation failed to decode path: operation missing path field" + MISSING);
        }
        Target target = findObject(doc, path);
        if (target == null) {
            throw fail("test operation does not apply: is missing path: " + path + MISSING);
        }
        Lookup found = target.get();
        if (found instanceof Missing m) {
            throw fail("error in test for path: '" + path + "': " + m.error);
        }
        JsonNode actual = ((Found) found).value;
        JsonNode expected = op.get("value");
        boolean passed = actual.isNull() ? expected != null && expected.isNull()
                : expected != null && lazyEqual(actual, expected);
        if (!passed) {
            throw fail("testing value " + path + " failed: test failed");
        }
    }

    /** evanphx's lazyNode.equal: objects compare the left side's keys only; scalars by their JSON text. */
    private static boolean lazyEqual(JsonNode left, JsonNode right) {
        if (left.isObject()) {
            if (!right.isObject()) {
                return false;
            }
            var fields = left.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                JsonNode other = right.get(field.getKey());
                if (other == null) {
                    return false;
                }
                if (!(field.getValue().isNull() && other.isNull()) && !lazyEqual(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (left.isArray()) {
            if (!right.isArray() || left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!lazyEqual(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return !right.isContainerNode() && left.toString().equals(right.toString());
    }

    /** The parent container of {@code path}'s last segment, or null when a segment on the way is missing. */
    private static Target findObject(JsonNode doc, String path) {
        String[] split = path.split("/", -1);
        if (split.length < 2) {
            return null;
        }
        JsonNode current = doc;
        for (int i = 1; i < split.length - 1; i++) {
            Lookup next = new Target(current, decodeKey(split[i])).get();
            if (!(next instanceof Found f) || !f.value.isContainerNode()) {
                return null;
            }
            current = f.value;
        }
        return new Target(current, decodeKey(split[split.length - 1]));
    }

    /** RFC 6901 unescaping in one pass, so {@code ~01} becomes {@code ~1}. */
    static String decodeKey(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '~' && i + 1 < key.length() && (key.charAt(i + 1) == '0' || key.charAt(i + 1) == '1')) {
                out.append(key.charAt(++i) == '0' ? '~' : '/');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private sealed interface Lookup permits Found, Missing {
    }

    private record Found(JsonNode value) implements Lookup {
    }

    private record Missing(String error) implements Lookup {
    }

    /** One key of one container, with partialDoc / partialArray semantics. */
    private record Target(JsonNode container, String key) {

        /** A missing object key is found as null, as partialDoc.get returns nil without error. */
        Lookup get() {
            if (container instanceof ObjectNode object) {
                JsonNode value = object.get(key);
                return new Found(value == null ? NullNode.getInstance() : value);
            }
            ArrayNode array = (ArrayNode) container;
            Object index = parseIndex(key);
            if (index instanceof String error) {
                return new Missing(error);
            }
            int idx = (Integer) index;
            if (idx >= array.size() || idx < 0) {
                return new Missing("Unable to access invalid index: " + idx + BAD_INDEX);
            }
            return new Found(array.get(idx));
        }

        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(key, value);
            } else {
                ((ArrayNode) container).set((Integer) parseIndex(key), value);
            }
        }

        String add(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(key, value);
                return null;
            }
            ArrayNode array = (ArrayNode) container;
            if (key.equals("-")) {
                array.add(value);
                return null;
            }
            Object index = parseIndex(key);
            if (index instanceof String error) {
                return "value was not a proper array index: '" + key + "': " + error;
            }
            int idx = (Integer) index;
            int size = array.size() + 1;
            if (idx >= size || idx < -size) {
                return "Unable to access invalid index: " + idx + BAD_INDEX;
            }
            array.insert(idx < 0 ? idx + size : idx, value);
            return null;
        }

        String remove() {
            if (container instanceof ObjectNode object) {
                if (!object.has(key)) {
                    return "Unable to remove nonexistent key: " + key + MISSING;
                }
                object.remove(key);
                return null;
            }
            ArrayNode array = (ArrayNode) container;
            Object index = parseIndex(key);
            if (index instanceof String error) {
                return error;
            }
            int idx = (Integer) index;
            if (idx >= array.size() || idx < -array.size()) {
                return "Unable to access invalid index: " + idx + BAD_INDEX;
            }
            array.remove(idx < 0 ? idx + array.size() : idx);
            return null;
        }
    }

    /** Go's strconv.Atoi: an Integer, or the error text it would give. */
    private static Object parseIndex(String key) {
        if (!key.matches("[+-]?[0-9]+")) {
            return "strconv.Atoi: parsing " + FieldErrors.goQuote(key) + ": invalid syntax";
        }
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return "strconv.Atoi: parsing " + FieldErrors.goQuote(key) + ": value out of range";
        }
    }

    /** Operation.Kind(): the "op" string, or "unknown". */
    private static String kind(JsonNode op) {
        JsonNode kind = op.get("op");
        return kind != null && kind.isTextual() ? kind.textValue() : "unknown";
    }

    private static String stringField(JsonNode op, String name) {
        JsonNode value = op.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The "value" member; absent is stored as null, as a nil lazyNode marshals to null. */
    private static JsonNode value(JsonNode op) {
        JsonNode value = op.get("value");
        return value == null ? NullNode.getInstance() : value.deepCopy();
    }

    private static String jsonKind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        return node.isBoolean() ? "bool" : "number";
    }

    private static PatchException fail(String detail) {
        return PatchException.unprocessable(detail);
    }
}
