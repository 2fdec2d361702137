package io.kubelab.kubectl.describe;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times as describe prints them: {@code duration.HumanDuration} ages and {@code time.RFC1123Z} dates. */
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
        return then == null ? UNKNOWN : human(Duration.between(then, now));
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

    /** apimachinery's {@code duration.HumanDuration}. */
    static String human(Duration d) {
        long seconds = d.getSeconds() + (d.isNegative() && d.getNano() > 0 ? 1 : 0);
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
