package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two faces of one stored Event: core/v1 and events.k8s.io/v1, converted as Kubernetes'
 * {@code pkg/apis/events/v1/conversion.go} does through the internal type. Field for field:
 * involvedObject↔regarding, message↔note, source↔deprecatedSource, firstTimestamp↔deprecatedFirstTimestamp,
 * lastTimestamp↔deprecatedLastTimestamp, count↔deprecatedCount, reportingComponent↔reportingController;
 * metadata, eventTime, series, action, related, reportingInstance, reason and type carry over as they are.
 * Output is laid out as the API server's Go encoder writes each version: its field order, empty strings
 * and zero counts left out, zero times and empty structs written as {@code null} and {@code {}}, and core's
 * two reporting fields always present.
 */
public final class EventConversion {

    private EventConversion() {
    }

    public static ObjectNode toEventsV1(ObjectNode core) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "Event").put("apiVersion", "events.k8s.io/v1");
        copy(core, "metadata", out, "metadata");
        time(core, "eventTime", out, "eventTime");
        series(core, out, false);
        text(core, "reportingComponent", out, "reportingController");
        text(core, "reportingInstance", out, "reportingInstance");
        text(core, "action", out, "action");
        text(core, "reason", out, "reason");
        out.set("regarding", ObjectReferences.normalise(core.path("involvedObject")));
        if (core.hasNonNull("related")) {
            out.set("related", ObjectReferences.normalise(core.get("related")));
        }
        text(core, "message", out, "note");
        text(core, "type", out, "type");
        out.set("deprecatedSource", source(core.path("source")));
        time(core, "firstTimestamp", out, "deprecatedFirstTimestamp");
        time(core, "lastTimestamp", out, "deprecatedLastTimestamp");
        count(core, "count", out, "deprecatedCount");
        return out;
    }

    public static ObjectNode toCoreV1(ObjectNode eventsV1) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "Event").put("apiVersion", "v1");
        copy(eventsV1, "metadata", out, "metadata");
        out.set("involvedObject", ObjectReferences.normalise(eventsV1.path("regarding")));
        text(eventsV1, "reason", out, "reason");
        text(eventsV1, "note", out, "message");
        out.set("source", source(eventsV1.path("deprecatedSource")));
        time(eventsV1, "deprecatedFirstTimestamp", out, "firstTimestamp");
        time(eventsV1, "deprecatedLastTimestamp", out, "lastTimestamp");
        count(eventsV1, "deprecatedCount", out, "count");
        text(eventsV1, "type", out, "type");
        time(eventsV1, "eventTime", out, "eventTime");
        series(eventsV1, out, true);
        text(eventsV1, "action", out, "action");
        if (eventsV1.hasNonNull("related")) {
            out.set("related", ObjectReferences.normalise(eventsV1.get("related")));
        }
        out.put("reportingComponent", eventsV1.path("reportingController").asText(""));
        out.put("reportingInstance", eventsV1.path("reportingInstance").asText(""));
        return out;
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        to.set(as, from.hasNonNull(field) ? from.get(field).deepCopy() : JsonNodeFactory.instance.objectNode());
    }

    private static void text(JsonNode from, String field, ObjectNode to, String as) {
        String value = from.path(field).asText("");
        if (!value.isEmpty()) {
            to.put(as, value);
        }
    }

    /** metav1.Time and MicroTime: the zero time is written as null, whatever the omitempty tag says. */
    private static void time(JsonNode from, String field, ObjectNode to, String as) {
        String value = from.path(field).asText("");
        if (value.isEmpty()) {
            to.putNull(as);
        } else {
            to.put(as, value);
        }
    }

    private static void count(JsonNode from, String field, ObjectNode to, String as) {
        int value = from.path(field).asInt(0);
        if (value != 0) {
            to.put(as, value);
        }
    }

    private static ObjectNode source(JsonNode source) {
        return new EventSource(source.path("component").asText(""), source.path("host").asText("")).toJson();
    }

    /**
     * core/v1's EventSeries has omitempty on both fields, events.k8s.io/v1's on neither; a zero
     * lastObservedTime is null either way.
     */
    private static void series(JsonNode from, ObjectNode to, boolean toCore) {
        JsonNode series = from.get("series");
        if (series == null || series.isNull()) {
            return;
        }
        ObjectNode out = to.putObject("series");
        int count = series.path("count").asInt(0);
        if (count != 0 || !toCore) {
            out.put("count", count);
        }
        time(series, "lastObservedTime", out, "lastObservedTime");
    }
}
