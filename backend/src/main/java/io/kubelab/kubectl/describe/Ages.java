package io.kubelab.kubectl.describe;

import io.kubelab.model.HumanDuration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times as describe prints them: {@code duration.HumanDuration} ages ({@link HumanDuration}), {@code time.RFC1123Z} dates. */
final class Ages {

    static final String UNKNOWN = "<unknown>";

    /** Go's zero {@code time.Time} in RFC1123Z: what describe prints for a timestamp that is not set. */
    static final String ZERO_DATE = "Mon, 01 Jan 0001 00:00:00 +0000";

    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Ages() {
    }

    /** {@code translateTimestampSince}: {@code <unknown>} for an unset timestamp. */
    static String since(String timestamp, Instant now) {
        Instant then = parse(timestamp);
        return then == null ? UNKNOWN : HumanDuration.since(then, now);
    }

    /** {@code t.Format(time.RFC1123Z)} in UTC, Go's zero time for an unset one. */
    static String date(String timestamp) {
        Instant then = parse(timestamp);
        return then == null ? ZERO_DATE : RFC1123Z.format(then);
    }

    static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
