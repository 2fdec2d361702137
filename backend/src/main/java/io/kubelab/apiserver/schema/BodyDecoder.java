package io.kubelab.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.kubelab.model.FieldErrors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Walks a JSON tree the way sigs.k8s.io/json's fork of {@code encoding/json} decodes it into a Go struct,
 * keeping only what it reports:
 * <ul>
 *   <li>the first type error, saved and reported at the end ({@code json: cannot unmarshal string into Go
 *   struct field DeploymentSpec.spec.replicas of type int32}: innermost struct, then the struct-field path
 *   without indices or map keys);</li>
 *   <li>an error of a type's own {@code UnmarshalJSON} (IntOrString, Quantity, Time), which stops decoding
 *   at once and wins over a saved one;</li>
 *   <li>when asked, the unknown fields ({@code unknown field "spec.containers[0].imagee"}: full path with
 *   indices and map keys), de-duplicated, at most 100, reported only when nothing else failed.</li>
 * </ul>
 * A value of the wrong type is skipped whole, as Go skips it; an unknown field is removed from the body, as
 * the typed object Go decodes into cannot hold it.
 */
final class BodyDecoder {

    private static final int MAX_STRICT_ERRORS = 100;

    /** Thrown by a type's own unmarshaller: decoding ends with {@code message}. */
    static final class Fatal extends RuntimeException {
        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean unknownFields;
    private String savedError;
    private final List<String> strictErrors = new ArrayList<>(0);
    private Set<String> seenStrict;

    /** The error context: innermost struct and the JSON names of the struct fields entered. */
    private String contextStruct;
    private String[] fieldStack = new String[16];
    private int fieldDepth;

    /** The strict path: keys (String) and list indices (Integer), joined only when a field is unknown. */
    private Object[] strictStack = new Object[16];
    private int strictDepth;

    BodyDecoder(boolean unknownFields) {
        this.unknownFields = unknownFields;
    }

    /** The saved type error, if any (a {@link Fatal} is thrown instead). */
    String savedError() {
        return savedError;
    }

    List<String> strictErrors() {
        return strictErrors;
    }

    void decode(JsonNode node, GoType type) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, type);
            case ARRAY -> array(node, type);
            default -> literal(node, type);
        }
    }

    private void object(JsonNode node, GoType type) {
        if (type instanceof GoType.Custom custom) {
            unmarshal(node, custom);
        } else if (type instanceof GoType.Struct struct) {
            structFields(node, struct);
        } else if (type instanceof GoType.MapOf map) {
            mapEntries(node, map);
        } else {
            save("object", type);
        }
    }

    private void structFields(JsonNode node, GoType.Struct struct) {
        Map<String, GoType> fields = struct.fields();
        String outerStruct = contextStruct;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            GoType field = fields.get(key);
            if (field == null) {
                if (unknownFields) {
                    strict("unknown field", key);
                }
                // Go's decoder has nowhere to put it: kube-apiserver neither stores nor returns an unknown field.
                it.remove();
                continue;
            }
            contextStruct = struct.name();
            pushField(key);
            pushStrictKey(key);
            decode(entry.getValue(), field);
            strictDepth--;
            fieldDepth--;
            contextStruct = outerStruct;
        }
    }

    private void mapEntries(JsonNode node, GoType.MapOf map) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            pushStrictKey(entry.getKey());
            decode(entry.getValue(), map.value());
            strictDepth--;
        }
    }

    private void array(JsonNode node, GoType type) {
        if (type instanceof GoType.Custom custom) {
            unmarshal(node, custom);
            return;
        }
        GoType element;
        if (type instanceof GoType.ListOf list) {
            element = list.element();
        } else if (type instanceof GoType.Scalar s && s.kind() == GoType.ScalarKind.BYTES) {
            element = new GoType.Scalar(GoType.ScalarKind.INT32, "uint8");
        } else {
            save("array", type);
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            pushStrict(i);
            decode(node.get(i), element);
            strictDepth--;
        }
    }

    private void literal(JsonNode node, GoType type) {
        if (type instanceof GoType.Custom custom) {
            unmarshal(node, custom);
            return;
        }
        if (node.isNull()) {
            return;
        }
        GoType.ScalarKind kind = type instanceof GoType.Scalar s ? s.kind() : null;
        if (node.isBoolean()) {
            if (kind != GoType.ScalarKind.BOOL) {
                save("bool", type);
            }
        } else if (node.isTextual()) {
            if (kind == GoType.ScalarKind.BYTES) {
                OptionalInt offset = Base64Syntax.error(node.textValue());
                if (offset.isPresent() && savedError == null) {
                    savedError = Base64Syntax.message(offset.getAsInt());
                }
            } else if (kind != GoType.ScalarKind.STRING) {
                save("string", type);
            }
        } else if (kind == GoType.ScalarKind.INT32 || kind == GoType.ScalarKind.INT64) {
            if (!fits(node, (GoType.Scalar) type)) {
                save("number " + node.asText(), type);
            }
        } else if (kind != GoType.ScalarKind.FLOAT64) {
            save("number", type);
        }
    }

    private static boolean fits(JsonNode node, GoType.Scalar type) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return false;
        }
        long value = node.longValue();
        return switch (type.goName()) {
            case "uint8" -> value >= 0 && value <= 255;
            case "int64" -> true;
            default -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        };
    }

    /** A type with its own UnmarshalJSON; its failures end decoding. */
    private void unmarshal(JsonNode node, GoType.Custom type) {
        if (node.isNull()) {
            return;
        }
        switch (type.kind()) {
            case RAW -> {
            }
            case INT_OR_STRING -> {
                // Not a string: Go unmarshals the value into the int32 IntVal.
                if (!node.isTextual()) {
                    String what = valueKind(node);
                    if (what != null || !fits(node, new GoType.Scalar(GoType.ScalarKind.INT32, "int32"))) {
                        throw new Fatal(typeError(what != null ? what : "number " + node.asText(), "int32"));
                    }
                }
            }
            case QUANTITY -> {
                String raw = node.isTextual() ? node.textValue().strip() : node.isContainerNode() ? "{" : node.asText();
                QuantitySyntax.error(raw).ifPresent(m -> {
                    throw new Fatal(m);
                });
            }
            case TIME, MICRO_TIME -> {
                if (!node.isTextual()) {
                    String what = valueKind(node);
                    throw new Fatal(typeError(what != null ? what : "number", "string"));
                }
                GoTime.error(node.textValue(), type.kind() == GoType.CustomKind.MICRO_TIME).ifPresent(m -> {
                    throw new Fatal(m);
                });
            }
        }
    }

    /** How Go names a JSON value that is not a number in a type error; null for numbers. */
    private static String valueKind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isTextual()) {
            return "string";
        }
        return null;
    }

    private void save(String value, GoType type) {
        if (savedError == null) {
            savedError = typeError(value, type.goName());
        }
    }

    private String typeError(String value, String goType) {
        if (contextStruct == null && fieldDepth == 0) {
            return "json: cannot unmarshal " + value + " into Go value of type " + goType;
        }
        StringBuilder out = new StringBuilder("json: cannot unmarshal ").append(value).append(" into Go struct field ")
                .append(contextStruct).append('.');
        for (int i = 0; i < fieldDepth; i++) {
            out.append(i == 0 ? "" : ".").append(fieldStack[i]);
        }
        return out.append(" of type ").append(goType).toString();
    }

    private void strict(String what, String key) {
        if (strictErrors.size() >= MAX_STRICT_ERRORS) {
            return;
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < strictDepth; i++) {
            Object segment = strictStack[i];
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(i == 0 ? "" : ".").append(segment);
            }
        }
        path.append(strictDepth > 0 ? "." : "").append(key);
        String message = what + " " + FieldErrors.goQuote(path.toString());
        if (seenStrict == null) {
            seenStrict = new HashSet<>();
        }
        if (seenStrict.add(message)) {
            strictErrors.add(message);
        }
    }

    private void pushField(String key) {
        if (fieldDepth == fieldStack.length) {
            fieldStack = Arrays.copyOf(fieldStack, fieldDepth * 2);
        }
        fieldStack[fieldDepth++] = key;
    }

    private void pushStrictKey(String key) {
        pushStrict(key);
    }

    private void pushStrict(Object segment) {
        if (strictDepth == strictStack.length) {
            strictStack = Arrays.copyOf(strictStack, strictDepth * 2);
        }
        strictStack[strictDepth++] = segment;
    }
}
