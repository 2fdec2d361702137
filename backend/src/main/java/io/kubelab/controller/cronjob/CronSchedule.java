package io.kubelab.controller.cronjob;

import io.kubelab.clock.GoDuration;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * A CronJob schedule as robfig/cron v3's {@code ParseStandard} reads it: five fields (minute, hour, day of
 * month, month, day of week) with ranges, steps, lists and names, the {@code @yearly}... descriptors,
 * {@code @every <duration>}, and an optional {@code TZ=}/{@code CRON_TZ=} prefix. {@link #next} is its
 * {@code Schedule.Next}: the first activation strictly after a time.
 */
public final class CronSchedule {

    /** robfig's marker for a field given as {@code *} or {@code ?}: day matching then needs both days. */
    private static final long STAR = 1L << 63;

    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final Bounds MINUTES = new Bounds(0, 59, Map.of());
    private static final Bounds HOURS = new Bounds(0, 23, Map.of());
    private static final Bounds DOM = new Bounds(1, 31, Map.of());
    private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12)));
    private static final Bounds DOW = new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6));

    private static final Map<String, String> DESCRIPTORS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final ZoneId zone;
    private final long minute;
    private final long hour;
    private final long dom;
    private final long month;
    private final long dow;
    /** {@code @every}: a constant delay instead of fields. */
    private final Duration every;

    private CronSchedule(ZoneId zone, long[] fields, Duration every) {
        this.zone = zone;
        this.minute = fields[0];
        this.hour = fields[1];
        this.dom = fields[2];
        this.month = fields[3];
        this.dow = fields[4];
        this.every = every;
    }

    /** Thrown with robfig's message when a schedule does not parse. */
    public static final class ParseException extends IllegalArgumentException {
        ParseException(String message) {
            super(message);
        }
    }

    public static CronSchedule parse(String spec) {
        if (spec.isEmpty()) {
            throw new ParseException("empty spec string");
        }
        ZoneId zone = ZoneOffset.UTC;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            String name = spec.substring(spec.indexOf('=') + 1, space < 0 ? spec.length() : space);
            zone = zone(name);
            spec = space < 0 ? "" : spec.substring(space).strip();
        }
        if (spec.startsWith("@")) {
            String fields = DESCRIPTORS.get(spec);
            if (fields != null) {
                return new CronSchedule(zone, fieldsOf(fields), null);
            }
            if (spec.startsWith("@every ")) {
                Duration d;
                try {
                    d = GoDuration.parse(spec.substring("@every ".length()));
                } catch (RuntimeException e) {
                    throw new ParseException("failed to parse duration " + spec + ": " + e.getMessage());
                }
                // robfig rounds the delay down to whole seconds, and to at least one second.
                long seconds = Math.max(1, d.getSeconds());
                return new CronSchedule(zone, new long[5], Duration.ofSeconds(seconds));
            }
            throw new ParseException("unrecognized descriptor: " + spec);
        }
        return new CronSchedule(zone, fieldsOf(spec), null);
    }

    /** Go's {@code time.LoadLocation}: an IANA name, {@code UTC} or empty (UTC), {@code Local} (ours is UTC). */
    public static ZoneId zone(String name) {
        if (name.isEmpty() || name.equals("UTC") || name.equals("Local")) {
            return ZoneOffset.UTC;
        }
        try {
            if (name.contains("/") || ZoneId.getAvailableZoneIds().contains(name)) {
                return ZoneId.of(name);
            }
        } catch (DateTimeException e) {
            // falls through to Go's wording
        }
        throw new ParseException("provided bad location " + name + ": unknown time zone " + name);
    }

    private static long[] fieldsOf(String spec) {
        String[] fields = spec.isBlank() ? new String[0] : spec.trim().split("\\s+");
        if (fields.length != 5) {
            throw new ParseException("expected exactly 5 fields, found " + fields.length + ": ["
                    + String.join(" ", fields) + "]");
        }
        Bounds[] bounds = {MINUTES, HOURS, DOM, MONTHS, DOW};
        long[] out = new long[5];
        for (int i = 0; i < 5; i++) {
            for (String part : fields[i].split(",", -1)) {
                out[i] |= range(part, bounds[i]);
            }
        }
        return out;
    }

    private static long range(String expr, Bounds r) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        long start;
        long end;
        long extra = 0;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = r.min();
            end = r.max();
            extra = STAR;
        } else {
            start = number(lowAndHigh[0], r);
            if (lowAndHigh.length == 1) {
                end = start;
            } else if (lowAndHigh.length == 2) {
                end = number(lowAndHigh[1], r);
            } else {
                throw new ParseException("too many hyphens: " + expr);
            }
        }
        long step = 1;
        if (rangeAndStep.length == 2) {
            step = number(rangeAndStep[1], new Bounds(0, 0, Map.of()));
            if (lowAndHigh.length == 1 && extra == 0) {
                end = r.max(); // "N/step" means "N-max/step"
            }
            if (step > 1) {
                extra = 0;
            }
        } else if (rangeAndStep.length > 2) {
            throw new ParseException("too many slashes: " + expr);
        }
        if (start < r.min()) {
            throw new ParseException("beginning of range (" + start + ") below minimum (" + r.min() + "): " + expr);
        }
        if (end > r.max()) {
            throw new ParseException("end of range (" + end + ") above maximum (" + r.max() + "): " + expr);
        }
        if (start > end) {
            throw new ParseException("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
        }
        if (step == 0) {
            throw new ParseException("step of range should be a positive number: " + expr);
        }
        long bits = 0;
        for (long i = start; i <= end; i += step) {
            bits |= 1L << i;
        }
        return bits | extra;
    }

    private static long number(String expr, Bounds r) {
        Integer named = r.names().get(expr.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        long n;
        try {
            n = Long.parseLong(expr);
        } catch (NumberFormatException e) {
            throw new ParseException("failed to parse int from " + expr + ": strconv.Atoi: parsing \"" + expr
                    + "\": invalid syntax");
        }
        if (n < 0) {
            throw new ParseException("negative number (" + n + ") not allowed: " + expr);
        }
        return n;
    }

    /** The first activation after {@code t}, or empty when none comes within five years (an impossible date). */
    public java.util.Optional<Instant> next(Instant t) {
        if (every != null) {
            // ConstantDelaySchedule: t plus the delay, with t's sub-second part dropped.
            return java.util.Optional.of(t.truncatedTo(ChronoUnit.SECONDS).plus(every));
        }
        // Start at the next whole second; the standard schedule fires at second 0 only.
        ZonedDateTime z = t.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(zone);
        int yearLimit = z.getYear() + 5;
        if (z.getSecond() != 0) {
            z = z.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        }
        while (z.getYear() <= yearLimit) {
            if (!has(month, z.getMonthValue())) {
                z = z.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
                continue;
            }
            if (!dayMatches(z)) {
                z = z.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                continue;
            }
            if (!has(hour, z.getHour())) {
                z = z.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!has(minute, z.getMinute())) {
                z = z.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
                continue;
            }
            return java.util.Optional.of(z.toInstant());
        }
        return java.util.Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime z) {
        boolean domMatch = has(dom, z.getDayOfMonth());
        boolean dowMatch = has(dow, z.getDayOfWeek().getValue() % 7);
        if ((dom & STAR) != 0 || (dow & STAR) != 0) {
            return domMatch && dowMatch;
        }
        return domMatch || dowMatch;
    }

    private static boolean has(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }
}
