package io.kubelab.kubectl.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code EventList} {@code kubectl events -o ...} prints: a typed Go list kubectl builds itself (no
 * resourceVersion in its metadata), whose JSON keeps the Go structs' field order rather than the server's.
 */
final class EventList {

    private static final List<String> EVENT = List.of("kind", "apiVersion", "metadata", "involvedObject", "reason",
            "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime", "series", "action",
            "related", "reportingComponent", "reportingInstance");
    private static final List<String> OBJECT_META = List.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");
    private static final List<String> OBJECT_REFERENCE = List.of("kind", "namespace", "name", "uid", "apiVersion",
            "resourceVersion", "fieldPath");
    private static final List<String> SOURCE = List.of("component", "host");
    private static final List<String> SERIES = List.of("count", "lastObservedTime");

    private EventList() {
    }

    static ObjectNode of(List<ObjectNode> events) {
        ObjectNode list = JsonNodeFactory.instance.objectNode().put("kind", "EventList").put("apiVersion", "v1");
        list.putObject("metadata");
        var items = list.putArray("items");
        for (ObjectNode event : events) {
            ObjectNode typed = ordered(event, EVENT);
            reorder(typed, "metadata", OBJECT_META);
            reorder(typed, "involvedObject", OBJECT_REFERENCE);
            reorder(typed, "related", OBJECT_REFERENCE);
            reorder(typed, "source", SOURCE);
            reorder(typed, "series", SERIES);
            items.add(typed);
        }
        return list;
    }

    private static void reorder(ObjectNode parent, String field, List<String> order) {
        if (parent.get(field) instanceof ObjectNode child) {
            parent.set(field, ordered(child, order));
        }
    }

    /** The fields in the struct's order, then any others as they came. */
    private static ObjectNode ordered(ObjectNode object, List<String> order) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String name : order) {
            JsonNode value = object.get(name);
            if (value != null) {
                out.set(name, value);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!out.has(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }
}
