package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of a field path, as structured-merge-diff's {@code fieldpath.PathElement}: a field name
 * ({@code f:}), the key fields of an associative list item ({@code k:}), the value of a set item
 * ({@code v:}) or a list index ({@code i:}). Ordered as structured-merge-diff orders them, which is the
 * order of the keys of {@code fieldsV1}.
 */
public final class PathElement implements Comparable<PathElement> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Kind { FIELD, KEY, VALUE, INDEX }

    /** One key field of an associative list item. */
    public record KeyField(String name, JsonNode value) {
    }

    private final Kind kind;
    private final String name;
    private final List<KeyField> key;
    private final JsonNode value;
    private final int index;

    private PathElement(Kind kind, String name, List<KeyField> key, JsonNode value, int index) {
        this.kind = kind;
        this.name = name;
        this.key = key;
        this.value = value;
        this.index = index;
    }

    public static PathElement field(String name) {
        return new PathElement(Kind.FIELD, name, null, null, 0);
    }

    /** An associative list item by its key fields, sorted by name as structured-merge-diff sorts them. */
    public static PathElement key(List<KeyField> fields) {
        List<KeyField> sorted = new ArrayList<>(fields);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        return new PathElement(Kind.KEY, null, List.copyOf(sorted), null, 0);
    }

    public static PathElement value(JsonNode value) {
        return new PathElement(Kind.VALUE, null, null, value, 0);
    }

    public static PathElement index(int index) {
        return new PathElement(Kind.INDEX, null, null, null, index);
    }

    public boolean isField() {
        return kind == Kind.FIELD;
    }

    /** The field name of an {@code f:} element. */
    public String name() {
        return name;
    }

    @Override
    public int compareTo(PathElement other) {
        if (kind != other.kind) {
            return kind.compareTo(other.kind);
        }
        return switch (kind) {
            case FIELD -> name.compareTo(other.name);
            case KEY -> compareKeys(key, other.key);
            case VALUE -> ValueOrder.compare(value, other.value);
            case INDEX -> Integer.compare(index, other.index);
        };
    }

    private static int compareKeys(List<KeyField> a, List<KeyField> b) {
        for (int i = 0; ; i++) {
            if (i >= a.size() || i >= b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            int c = a.get(i).name().compareTo(b.get(i).name());
            if (c == 0) {
                c = ValueOrder.compare(a.get(i).value(), b.get(i).value());
            }
            if (c != 0) {
                return c;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathElement other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return switch (kind) {
            case FIELD -> name.hashCode();
            case KEY -> key.isEmpty() ? 0 : key.size() * 31 + key.get(0).name().hashCode();
            case VALUE -> 7;
            case INDEX -> index;
        };
    }

    /** The element as a key of {@code fieldsV1}: {@code f:name}, {@code k:{"name":"web"}}, {@code v:"x"}, {@code i:0}. */
    public String fieldsV1Key() {
        return switch (kind) {
            case FIELD -> "f:" + name;
            case KEY -> {
                ObjectNode fields = JsonNodeFactory.instance.objectNode();
                for (KeyField f : key) {
                    fields.set(f.name(), f.value());
                }
                yield "k:" + write(fields);
            }
            case VALUE -> "v:" + write(value);
            case INDEX -> "i:" + index;
        };
    }

    /** The reverse of {@link #fieldsV1Key}. */
    public static PathElement parse(String text) {
        if (text.length() < 2 || text.charAt(1) != ':') {
            throw new IllegalArgumentException("unknown path element " + text);
        }
        String rest = text.substring(2);
        return switch (text.charAt(0)) {
            case 'f' -> field(rest);
            case 'k' -> {
                List<KeyField> fields = new ArrayList<>();
                for (java.util.Iterator<Map.Entry<String, JsonNode>> it = read(rest).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    fields.add(new KeyField(e.getKey(), e.getValue()));
                }
                yield key(fields);
            }
            case 'v' -> value(read(rest));
            case 'i' -> index(Integer.parseInt(rest));
            default -> throw new IllegalArgumentException("unknown path element " + text);
        };
    }

    /** The element as a conflict message prints it: {@code .name}, {@code [name="web"]}, {@code [=x]}, {@code [0]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case FIELD -> "." + name;
            case KEY -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < key.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(key.get(i).name()).append('=')
                            .append(goString(key.get(i).value()));
                }
                yield out.append(']').toString();
            }
            case VALUE -> "[=" + goString(value) + "]";
            case INDEX -> "[" + index + "]";
        };
    }

    /** structured-merge-diff's {@code value.ToString}: strings quoted as Go's %q, the rest as JSON. */
    private static String goString(JsonNode v) {
        return write(v);
    }

    private static String write(JsonNode v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad path element value " + json, e);
        }
    }
}
