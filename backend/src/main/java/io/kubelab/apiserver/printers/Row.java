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
        String text = timestamp.asText();
        Instant fast = rfc3339Seconds(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code 2026-11-25T10:00:00Z}, the form every stored timestamp has, without the general parser (which
     * dominates a Table's cost); null for any other form.
     */
    private static Instant rfc3339Seconds(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        // Howard Hinnant's days_from_civil.
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        long days = era * 146097L + doe - 719468;
        return Instant.ofEpochSecond(days * 86400 + hour * 3600L + minute * 60L + second);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
