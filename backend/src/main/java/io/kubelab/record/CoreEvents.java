package io.kubelab.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.EventSource;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.Map;

/**
 * core/v1 {@code Event}s as client-go marshals them: fields in Go's declaration order, zero times as
 * {@code null}, {@code reportingComponent} and {@code reportingInstance} always present (they have no
 * omitempty), and the correlation keys of {@code events_cache.go}.
 */
final class CoreEvents {

    private CoreEvents() {
    }

    /** The fields needed to make a fresh event; everything else starts at its zero value. */
    record Fields(String name, String namespace, Map<String, String> annotations, ObjectNode involvedObject,
                  String reason, String message, EventSource source, Instant time, String type,
                  String reportingComponent, String reportingInstance) {
    }

    /** {@code makeEvent}: count 1, first and last timestamp now, no eventTime. */
    static ObjectNode make(Fields f) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("kind", "Event").put("apiVersion", "v1");
        ObjectNode meta = event.putObject("metadata");
        meta.put("name", f.name()).put("namespace", f.namespace());
        if (f.annotations() != null && !f.annotations().isEmpty()) {
            ObjectNode annotations = meta.putObject("annotations");
            f.annotations().forEach(annotations::put);
        }
        event.set("involvedObject", f.involvedObject().deepCopy());
        putNonEmpty(event, "reason", f.reason());
        putNonEmpty(event, "message", f.message());
        event.set("source", f.source().toJson());
        event.put("firstTimestamp", ObjectMeta.time(f.time()));
        event.put("lastTimestamp", ObjectMeta.time(f.time()));
        event.put("count", 1);
        putNonEmpty(event, "type", f.type());
        event.putNull("eventTime");
        event.put("reportingComponent", f.reportingComponent());
        event.put("reportingInstance", f.reportingInstance());
        return event;
    }

    /** {@code <involvedObject.name>.<UnixNano in hex>}: the name every new event gets. */
    static String name(String objectName, Instant time) {
        long unixNano = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        return objectName + "." + Long.toHexString(unixNano);
    }

    static void putNonEmpty(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    /** {@code getEventKey}: what makes two events the same event (the logger's key). */
    static String eventKey(JsonNode e) {
        JsonNode io = e.path("involvedObject");
        JsonNode src = e.path("source");
        return String.join("", text(src, "component"), text(src, "host"), text(io, "kind"), text(io, "namespace"),
                text(io, "name"), text(io, "fieldPath"), text(io, "uid"), text(io, "apiVersion"), text(e, "type"),
                text(e, "reason"), text(e, "message"));
    }

    /** {@code getSpamKey}: one token bucket per source and object. */
    static String spamKey(JsonNode e) {
        JsonNode io = e.path("involvedObject");
        JsonNode src = e.path("source");
        return String.join("", text(src, "component"), text(src, "host"), text(io, "kind"), text(io, "namespace"),
                text(io, "name"), text(io, "uid"), text(io, "apiVersion"));
    }

    /** {@code EventAggregatorByReasonFunc}'s aggregate key: everything but the message (the local key). */
    static String aggregateKey(JsonNode e) {
        JsonNode io = e.path("involvedObject");
        JsonNode src = e.path("source");
        return String.join("", text(src, "component"), text(src, "host"), text(io, "kind"), text(io, "namespace"),
                text(io, "name"), text(io, "uid"), text(io, "apiVersion"), text(e, "type"), text(e, "reason"),
                text(e, "reportingComponent"), text(e, "reportingInstance"));
    }
}
