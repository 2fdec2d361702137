package io.kubelab.apiserver.printers;

/**
 * One {@code metav1.TableColumnDefinition}: Go marshals every field, {@code format} and {@code description}
 * even when empty and {@code priority} even when 0. Priority 1 columns are the ones {@code -o wide} adds.
 */
public record Column(String name, String type, String format, String description, int priority) {

    static final String STRING = "string";
    static final String INTEGER = "integer";
    static final String BOOLEAN = "boolean";
    static final String DATE = "date";

    /** The {@code Name} column every printer starts with ({@code format: name}, which kubectl prefixes). */
    static Column nameColumn() {
        return new Column("Name", STRING, "name", Docs.OBJECT_META_NAME, 0);
    }

    static Column age() {
        return new Column("Age", STRING, "", Docs.OBJECT_META_CREATION_TIMESTAMP, 0);
    }

    static Column string(String name, String description) {
        return new Column(name, STRING, "", description, 0);
    }

    static Column integer(String name, String description) {
        return new Column(name, INTEGER, "", description, 0);
    }

    static Column bool(String name, String description) {
        return new Column(name, BOOLEAN, "", description, 0);
    }

    /** A copy shown only with {@code -o wide}. */
    Column wide() {
        return new Column(name, type, format, description, 1);
    }
}
