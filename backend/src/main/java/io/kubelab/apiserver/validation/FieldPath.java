package io.kubelab.apiserver.validation;

/**
 * A path to a field as apimachinery's {@code field.Path} prints it: children joined by dots, list
 * indexes and map keys in brackets ({@code spec.containers[0].ports[1].containerPort},
 * {@code data[my key]}).
 */
public final class FieldPath {

    private final String text;

    private FieldPath(String text) {
        this.text = text;
    }

    /** A path starting at {@code name}, then each of {@code more} as children. */
    public static FieldPath of(String name, String... more) {
        FieldPath path = new FieldPath(name);
        for (String child : more) {
            path = path.child(child);
        }
        return path;
    }

    public FieldPath child(String name, String... more) {
        FieldPath path = new FieldPath(text.isEmpty() ? name : text + "." + name);
        for (String child : more) {
            path = path.child(child);
        }
        return path;
    }

    public FieldPath index(int i) {
        return new FieldPath(text + "[" + i + "]");
    }

    public FieldPath key(String key) {
        return new FieldPath(text + "[" + key + "]");
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
