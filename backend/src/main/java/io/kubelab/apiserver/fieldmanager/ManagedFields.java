package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managers of one object, as apimachinery's {@code managedfields} decodes {@code metadata.managedFields}:
 * per manager identifier (manager, operation, subresource, and for an update its apiVersion) the set of
 * fields it owns and when it last changed the object. Encoded back in Kubernetes' order: appliers first,
 * then by time, manager, apiVersion and subresource.
 */
final class ManagedFields {

    static final String FIELD = "managedFields";
    static final String APPLY = "Apply";
    static final String UPDATE = "Update";
    private static final String FIELDS_V1 = "FieldsV1";

    /** One manager's entry; {@code time} is null when none was recorded. */
    record Entry(String manager, String operation, String apiVersion, String time, String subresource, FieldSet set) {

        Entry withSet(FieldSet value) {
            return new Entry(manager, operation, apiVersion, time, subresource, value);
        }

        /** apimachinery's {@code BuildManagerIdentifier}: the entry without fields and time, an applier without apiVersion. */
        String id() {
            return identifier(manager, operation, apiVersion, subresource);
        }
    }

    final Map<String, Entry> entries = new LinkedHashMap<>();

    static String identifier(String manager, String operation, String apiVersion, String subresource) {
        ObjectNode id = JsonNodeFactory.instance.objectNode();
        put(id, "manager", manager);
        put(id, "operation", operation);
        if (!operation.equals(APPLY)) {
            put(id, "apiVersion", apiVersion);
        }
        put(id, "subresource", subresource);
        return id.toString();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    /** The object's entries; empty when it has none or they cannot be read. */
    static Optional<ManagedFields> decode(JsonNode object) {
        JsonNode list = object == null ? null : object.path("metadata").get(FIELD);
        ManagedFields out = new ManagedFields();
        if (list == null || list.isNull()) {
            return Optional.of(out);
        }
        if (!list.isArray()) {
            return Optional.empty();
        }
        try {
            for (JsonNode e : list) {
                if (!e.path("fieldsType").asText().equals(FIELDS_V1)) {
                    return Optional.empty();
                }
                Entry entry = new Entry(e.path("manager").asText(""), e.path("operation").asText(""),
                        e.path("apiVersion").asText(""), e.hasNonNull("time") ? e.get("time").asText() : null,
                        e.path("subresource").asText(""), FieldSet.fromFieldsV1(e.path("fieldsV1")));
                out.entries.put(entry.id(), entry);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** A body's {@code managedFields: []} or {@code [{}]}: the client asks for the managers to be forgotten. */
    static boolean isReset(JsonNode object) {
        JsonNode list = object.path("metadata").get(FIELD);
        if (list == null || !list.isArray()) {
            return false;
        }
        return list.isEmpty() || (list.size() == 1 && list.get(0).isObject() && list.get(0).isEmpty());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Writes the entries as the last field of {@code metadata}, where ObjectMeta has it, or removes it. */
    void encodeInto(ObjectNode object) {
        ObjectNode metadata = object.with("metadata");
        metadata.remove(FIELD);
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.removeIf(e -> e.set().isEmpty());
        if (sorted.isEmpty()) {
            return;
        }
        sorted.sort(Comparator.comparing(Entry::operation)
                .thenComparingLong(e -> e.time() == null ? 0 : Instant.parse(e.time()).getEpochSecond())
                .thenComparing(Entry::manager).thenComparing(Entry::apiVersion).thenComparing(Entry::subresource));
        ArrayNode list = metadata.putArray(FIELD);
        for (Entry e : sorted) {
            ObjectNode node = list.addObject();
            node.put("manager", e.manager());
            node.put("operation", e.operation());
            put(node, "apiVersion", e.apiVersion());
            if (e.time() != null) {
                node.put("time", e.time());
            }
            node.put("fieldsType", FIELDS_V1);
            node.set("fieldsV1", e.set().toFieldsV1());
            put(node, "subresource", e.subresource());
        }
    }
}
