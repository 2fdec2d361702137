package io.kubelab.apiserver.validation;

import io.kubelab.clock.GoDuration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schedule check of a CronJob: robfig/cron v3's {@code ParseStandard}, reduced to answering its error
 * message (empty when the schedule parses).
 */
final class CronSchedule {

    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final Bounds MINUTES = new Bounds(0, 59, null);
    private static final Bounds HOURS = new Bounds(0, 23, null);
    private static final Bounds DOM = new Bounds(1, 31, null);
    private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12)));
    private static final Bounds DOW = new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6));
    private static final List<String> DESCRIPTORS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");

    private CronSchedule() {
    }

    static Optional<String> parseError(String spec) {
        if (spec.isEmpty()) {
            return Optional.of("empty spec string");
        }
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                return Optional.of("provided bad location " + spec.substring(spec.indexOf('=') + 1) + ": unknown time zone");
            }
            spec = spec.substring(space).strip();
        }
        if (spec.startsWith("@")) {
            return descriptor(spec);
        }
        String[] fields = spec.trim().split("\\s+");
        if (spec.isBlank()) {
            fields = new String[0];
        }
        if (fields.length != 5) {
            return Optional.of("expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]");
        }
        Bounds[] bounds = {MINUTES, HOURS, DOM, MONTHS, DOW};
        for (int i = 0; i < 5; i++) {
            for (String part : fields[i].split(",", -1)) {
                Optional<String> err = range(part, bounds[i]);
                if (err.isPresent()) {
                    return err;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> descriptor(String spec) {
        if (DESCRIPTORS.contains(spec)) {
            return Optional.empty();
        }
        if (spec.startsWith("@every ")) {
            String d = spec.substring("@every ".length());
            try {
                GoDuration.parse(d);
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of("failed to parse duration " + spec + ": " + e.getMessage());
            }
        }
        return Optional.of("unrecognized descriptor: " + spec);
    }

    private static Optional<String> range(String expr, Bounds r) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        long start;
        long end;
        try {
            if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
                start = r.min();
                end = r.max();
            } else {
                start = intOrName(lowAndHigh[0], r);
                if (lowAndHigh.length == 1) {
                    end = start;
                } else if (lowAndHigh.length == 2) {
                    end = intOrName(lowAndHigh[1], r);
                } else {
                    return Optional.of("too many hyphens: " + expr);
                }
            }
            long step = 1;
            if (rangeAndStep.length == 2) {
                step = mustParseInt(rangeAndStep[1]);
                if (lowAndHigh.length == 1) {
                    end = r.max();
                }
            } else if (rangeAndStep.length > 2) {
                return Optional.of("too many slashes: " + expr);
            }
            if (start < r.min()) {
                return Optional.of("beginning of range (" + start + ") below minimum (" + r.min() + "): " + expr);
            }
            if (end > r.max()) {
                return Optional.of("end of range (" + end + ") above maximum (" + r.max() + "): " + expr);
            }
            if (start > end) {
                return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
            }
            if (step == 0) {
                return Optional.of("step of range should be a positive number: " + expr);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static long intOrName(String expr, Bounds r) {
        if (r.names() != null) {
            Integer named = r.names().get(expr.toLowerCase(Locale.ROOT));
            if (named != null) {
                return named;
            }
        }
        return mustParseInt(expr);
    }

    /** Go's strconv.Atoi wording on failure. */
    private static long mustParseInt(String expr) {
        long n;
        try {
            n = Long.parseLong(expr);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + expr + ": strconv.Atoi: parsing "
                    + io.kubelab.model.FieldErrors.goQuote(expr) + ": invalid syntax");
        }
        if (n < 0) {
            throw new IllegalArgumentException("negative number (" + n + ") not allowed: " + expr);
        }
        return n;
    }
}
