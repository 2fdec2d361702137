package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * cli-runtime's OmitManagedFieldsPrinter, which kubectl puts in front of {@code -o yaml} and {@code -o json}
 * unless {@code --show-managed-fields}: the object (or each item of a list) without
 * {@code metadata.managedFields}. Other formats (custom columns, jsonpath, name) see the object as it is.
 */
public final class OmitManagedFields {

    private static final String MANAGED_FIELDS = "managedFields";

    private OmitManagedFields() {
    }

    /** The object without managed fields; the same instance when it has none (the input is never changed). */
    public static JsonNode omit(JsonNode object) {
        if (!hasManagedFields(object)) {
            return object;
        }
        ObjectNode copy = (ObjectNode) object.deepCopy();
        strip(copy);
        JsonNode items = copy.get("items");
        if (items instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (item instanceof ObjectNode itemObject) {
                    strip(itemObject);
                }
            }
        }
        return copy;
    }

    private static boolean hasManagedFields(JsonNode object) {
        if (object.path("metadata").has(MANAGED_FIELDS)) {
            return true;
        }
        for (JsonNode item : object.path("items")) {
            if (item.path("metadata").has(MANAGED_FIELDS)) {
                return true;
            }
        }
        return false;
    }

    private static void strip(ObjectNode object) {
        if (object.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove(MANAGED_FIELDS);
        }
    }
}
