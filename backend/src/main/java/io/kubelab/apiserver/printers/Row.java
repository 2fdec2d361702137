package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kubelab.model.HumanDuration;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The cells of one Table row as Go marshals them: {@code int64} cells are JSON numbers, {@code bool} cells
 * JSON booleans, everything else a string.
 */
final class Row {

    static final String NONE = "<none>";
    static final String UNSET = "<unset>";
    static final String UNKNOWN = "<unknown>";

    final ArrayNode cells = JsonNodeFactory.instance.arrayNode();
    final Instant now;
    ArrayNode conditions;

    Row(Instant now) {
        this.now = now;
    }

    Row str(String value) {
        cells.add(value);
        return this;
    }

    Row num(long value) {
        cells.add(value);
        return this;
    }

    Row bool(boolean value) {
        cells.add(value);
        return this;
    }

    /** {@code translateTimestampSince(obj.CreationTimestamp)}. */
    Row age(JsonNode object) {
        return str(since(object.path("metadata").path("creationTimestamp")));
    }

    /** {@code translateTimestampSince}: {@code <unknown>} for a zero (absent) time. */
    String since(JsonNode timestamp) {
        Instant t = time(timestamp);
        return t == null ? UNKNOWN : HumanDuration.since(t, now);
    }

    /** An RFC 3339 time (or MicroTime) field, null when absent or null as Go's zero time. */
    static Instant time(JsonNode timestamp) {
        if (!timestamp.isTextual() || timestamp.asText().isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(timestamp.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
