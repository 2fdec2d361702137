package io.kubelab.clock;

import java.time.Duration;
import java.util.Set;

/**
 * Durations written the way Kubernetes and Go write them: {@code 300ms}, {@code 90s}, {@code 1h30m},
 * {@code 2.5h}. Used for {@code sim advance}, kubectl's {@code --timeout} and the server's settings.
 */
public final class GoDuration {

    private static final Set<String> UNITS = Set.of("ns", "us", "µs", "ms", "s", "m", "h");

    private GoDuration() {
    }

    /** Parses a Go duration; throws {@link IllegalArgumentException} with Go's wording when it cannot. */
    public static Duration parse(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        int at = 0;
        double nanos = 0;
        while (at < s.length()) {
            int numberEnd = at;
            while (numberEnd < s.length() && (Character.isDigit(s.charAt(numberEnd)) || s.charAt(numberEnd) == '.')) {
                numberEnd++;
            }
            String number = s.substring(at, numberEnd);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitEnd = numberEnd;
            while (unitEnd < s.length() && !Character.isDigit(s.charAt(unitEnd)) && s.charAt(unitEnd) != '.') {
                unitEnd++;
            }
            String unit = s.substring(numberEnd, unitEnd);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            }
            if (!UNITS.contains(unit)) {
                throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            }
            nanos += Double.parseDouble(number) * nanosPer(unit);
            at = unitEnd;
        }
        Duration d = Duration.ofNanos(Math.round(nanos));
        return negative ? d.negated() : d;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new IllegalStateException(unit);
        };
    }

    /** Go's {@code Duration.String()}: {@code 1h2m3s}, {@code 1.5s}, {@code 300ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        String sign = d.isNegative() ? "-" : "";
        long nanos = Math.abs(d.toNanos());
        if (nanos < 1_000_000_000L) {
            if (nanos < 1_000) {
                return sign + nanos + "ns";
            }
            if (nanos < 1_000_000) {
                return sign + decimal(nanos, 1_000) + "µs";
            }
            return sign + decimal(nanos, 1_000_000) + "ms";
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        long rest = nanos % 60_000_000_000L;
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(rest, 1_000_000_000L)).append('s').toString();
    }

    private static String decimal(long value, long unit) {
        long whole = value / unit;
        long fraction = value % unit;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = String.format("%0" + Long.toString(unit).length() + "d", fraction).substring(1);
        return whole + "." + digits.replaceAll("0+$", "");
    }
}
