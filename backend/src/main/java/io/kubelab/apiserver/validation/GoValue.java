package io.kubelab.apiserver.validation;

import io.kubelab.model.FieldErrors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bad value as Go's fmt prints it inside a {@code field.Error}: strings quoted ({@code %q}), numbers and
 * booleans plain ({@code %v}), everything else in Go syntax ({@code %#v}), e.g.
 * {@code map[string]string{"app":"x"}}. Values are rendered when the error is built.
 */
public record GoValue(String text) {

    /** The placeholder for "print no value" (apimachinery's {@code omitValue}). */
    static final GoValue OMIT = new GoValue(null);

    public static GoValue of(Object value) {
        if (value == null) {
            return new GoValue("null");
        }
        if (value instanceof GoValue g) {
            return g;
        }
        if (value instanceof String s) {
            return new GoValue(FieldErrors.goQuote(s));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return new GoValue(value.toString());
        }
        throw new IllegalArgumentException("no Go rendering for " + value.getClass());
    }

    /** A Go source literal given as it prints, e.g. {@code 0x0} for a uint64 zero. */
    public static GoValue literal(String goSyntax) {
        return new GoValue(goSyntax);
    }

    /** {@code map[string]string{"a":"1", "b":"2"}}; Go prints map keys sorted, nil as {@code map[string]string(nil)}. */
    public static GoValue stringMap(Map<String, String> map) {
        if (map == null) {
            return new GoValue("map[string]string(nil)");
        }
        String body = new TreeMap<>(map).entrySet().stream()
                .map(e -> FieldErrors.goQuote(e.getKey()) + ":" + FieldErrors.goQuote(e.getValue()))
                .collect(Collectors.joining(", "));
        return new GoValue("map[string]string{" + body + "}");
    }

    /** {@code []string{"a", "b"}}; nil as {@code []string(nil)}. */
    public static GoValue stringSlice(List<String> values) {
        if (values == null) {
            return new GoValue("[]string(nil)");
        }
        return new GoValue("[]string{" + values.stream().map(FieldErrors::goQuote).collect(Collectors.joining(", ")) + "}");
    }

    /** {@code %#v} of a struct: {@code type{Field:value, ...}} with each value already in Go syntax. */
    static GoValue struct(String type, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(", "));
        return new GoValue(type + "{" + body + "}");
    }

    /** A Go pointer field's %#v: nil as {@code (*T)(nil)}; otherwise an address we cannot know. */
    static String pointer(String type, boolean nil) {
        return "(*" + type + ")(" + (nil ? "nil" : "0xc000000000") + ")";
    }
}
