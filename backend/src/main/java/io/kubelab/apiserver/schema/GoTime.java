package io.kubelab.apiserver.schema;

import java.util.Optional;

/**
 * The errors of Go's {@code time.Parse} for the two layouts {@code metav1.Time} ({@code time.RFC3339})
 * and {@code metav1.MicroTime} ({@code 2006-01-02T15:04:05.000000Z07:00}) parse with, in Go's
 * {@code *time.ParseError} wording: {@code parsing time "x" as "<layout>": cannot parse "x" as "2006"},
 * or {@code parsing time "x": month out of range}. Layouts are walked chunk by chunk as Go does.
 */
final class GoTime {

    static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    static final String RFC3339_MICRO = "2006-01-02T15:04:05.000000Z07:00";

    /** One layout element: a literal prefix before it, then the element itself (empty at the end). */
    private record Chunk(String prefix, String std) {
    }

    private static final Chunk[] SECOND_PRECISION = {new Chunk("", "2006"), new Chunk("-", "01"),
            new Chunk("-", "02"), new Chunk("T", "15"), new Chunk(":", "04"), new Chunk(":", "05"),
            new Chunk("", "Z07:00"), new Chunk("", "")};
    private static final Chunk[] MICRO_PRECISION = {new Chunk("", "2006"), new Chunk("-", "01"),
            new Chunk("-", "02"), new Chunk("T", "15"), new Chunk(":", "04"), new Chunk(":", "05"),
            new Chunk("", ".000000"), new Chunk("", "Z07:00"), new Chunk("", "")};

    private static final class Bad extends Exception {
        Bad() {
            super(null, null, false, false);
        }
    }

    private GoTime() {
    }

    static Optional<String> error(String value, boolean micro) {
        String layout = micro ? RFC3339_MICRO : RFC3339;
        String rest = value;
        int year = 0;
        int month = 0;
        int day = 0;
        for (Chunk chunk : micro ? MICRO_PRECISION : SECOND_PRECISION) {
            if (!rest.startsWith(chunk.prefix())) {
                return Optional.of(cannotParse(value, layout, rest, chunk.prefix()));
            }
            rest = rest.substring(chunk.prefix().length());
            if (chunk.std().isEmpty()) {
                if (!rest.isEmpty()) {
                    return Optional.of(message(value, ": extra text: " + quote(rest)));
                }
                break;
            }
            String hold = rest;
            String range = "";
            try {
                switch (chunk.std()) {
                    case "2006" -> {
                        if (rest.length() < 4 || !digit(rest, 0)) {
                            throw new Bad();
                        }
                        year = atoi(rest.substring(0, 4));
                        rest = rest.substring(4);
                    }
                    case "01" -> {
                        month = num(rest, true);
                        rest = rest.substring(2);
                        range = month < 1 || month > 12 ? "month" : "";
                    }
                    case "02" -> {
                        day = num(rest, true);
                        rest = rest.substring(2);
                    }
                    case "15" -> {
                        int hour = num(rest, false);
                        rest = rest.substring(digit(rest, 1) ? 2 : 1);
                        range = hour >= 24 ? "hour" : "";
                    }
                    case "04" -> {
                        int minute = num(rest, true);
                        rest = rest.substring(2);
                        range = minute >= 60 ? "minute" : "";
                    }
                    case "05" -> {
                        int second = num(rest, true);
                        rest = rest.substring(2);
                        range = second >= 60 ? "second" : "";
                        if (range.isEmpty() && !micro && rest.length() >= 2 && point(rest.charAt(0)) && digit(rest, 1)) {
                            // A fraction the layout does not show is still accepted, as Go does.
                            int n = 2;
                            while (n < rest.length() && digit(rest, n)) {
                                n++;
                            }
                            rest = rest.substring(n);
                        }
                    }
                    case ".000000" -> {
                        if (rest.length() < 7 || !point(rest.charAt(0))) {
                            throw new Bad();
                        }
                        atoi(rest.substring(1, 7));
                        rest = rest.substring(7);
                    }
                    default -> rest = zone(rest);
                }
            } catch (Bad e) {
                return Optional.of(cannotParse(value, layout, hold, chunk.std()));
            }
            if (!range.isEmpty()) {
                return Optional.of(message(value, ": " + range + " out of range"));
            }
        }
        if (day < 1 || day > daysIn(month, year)) {
            return Optional.of(message(value, ": day out of range"));
        }
        return Optional.empty();
    }

    /** {@code Z07:00}: {@code Z}, or a sign, two digits, a colon and two digits. */
    private static String zone(String rest) throws Bad {
        if (!rest.isEmpty() && rest.charAt(0) == 'Z') {
            return rest.substring(1);
        }
        if (rest.length() < 6 || rest.charAt(3) != ':') {
            throw new Bad();
        }
        num(rest.substring(1, 3), true);
        num(rest.substring(4, 6), true);
        if (rest.charAt(0) != '+' && rest.charAt(0) != '-') {
            throw new Bad();
        }
        return rest.substring(6);
    }

    private static int num(String s, boolean fixed) throws Bad {
        if (!digit(s, 0)) {
            throw new Bad();
        }
        if (!digit(s, 1)) {
            if (fixed) {
                throw new Bad();
            }
            return s.charAt(0) - '0';
        }
        return (s.charAt(0) - '0') * 10 + s.charAt(1) - '0';
    }

    private static int atoi(String s) throws Bad {
        for (int i = 0; i < s.length(); i++) {
            if (!digit(s, i)) {
                throw new Bad();
            }
        }
        return Integer.parseInt(s);
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean point(char c) {
        return c == '.' || c == ',';
    }

    private static String cannotParse(String value, String layout, String valueElem, String layoutElem) {
        return "parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse " + quote(valueElem)
                + " as " + quote(layoutElem);
    }

    private static String message(String value, String message) {
        return "parsing time " + quote(value) + message;
    }

    /** Go's time package quoting: double quotes, with {@code "} and {@code \} escaped. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
