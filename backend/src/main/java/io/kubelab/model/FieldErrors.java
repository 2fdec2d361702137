package io.kubelab.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Formats errors the way apimachinery's {@code field.Error} and its aggregates print them. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** {@code <path>: Invalid value: "<value>": <detail>}; a missing path prints as {@code <nil>}. */
    public static String invalid(String path, String value, String detail) {
        return (path == null ? "<nil>" : path) + ": Invalid value: " + goQuote(value) + ": " + detail;
    }

    /** One message alone; several, de-duplicated, as {@code [a, b]}. */
    public static String aggregate(List<String> messages) {
        Set<String> unique = new LinkedHashSet<>(messages);
        return unique.size() == 1 ? unique.iterator().next() : "[" + String.join(", ", unique) + "]";
    }

    /** Go's {@code %q} for the strings that reach error messages. */
    public static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
