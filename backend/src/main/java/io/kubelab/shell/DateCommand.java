package io.kubelab.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** GNU {@code date} over the sandbox's simulated clock, in UTC (the sandbox machines' zone). */
final class DateCommand {

    static final String DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

    private DateCommand() {
    }

    static CommandResult run(Shell shell, List<String> args) {
        String format = DEFAULT_FORMAT;
        Instant when = shell.now();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("+")) {
                format = a.substring(1);
            } else if (a.equals("-u") || a.equals("--utc")) {
                continue;
            } else if ((a.equals("-d") || a.equals("--date")) && i + 1 < args.size() && args.get(i + 1).startsWith("@")) {
                try {
                    when = Instant.ofEpochSecond(Long.parseLong(args.get(++i).substring(1)));
                } catch (NumberFormatException e) {
                    return CommandResult.failure("date: invalid date \u2018" + args.get(i) + "\u2019\n", 1);
                }
            } else if (a.equals("-Iseconds") || a.equals("--iso-8601=seconds")) {
                format = "%Y-%m-%dT%H:%M:%S+00:00";
            } else if (a.equals("-I") || a.equals("--iso-8601")) {
                format = "%F";
            } else if (a.equals("-R")) {
                format = "%a, %d %b %Y %H:%M:%S %z";
            } else {
                return CommandResult.failure("date: invalid date \u2018" + a + "\u2019\n", 1);
            }
        }
        return CommandResult.ok(format(when, format) + "\n");
    }

    static String format(Instant when, String format) {
        ZonedDateTime t = when.atZone(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char f = format.charAt(++i);
            switch (f) {
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(two(t.getYear() % 100));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'e' -> out.append(String.format("%2d", t.getDayOfMonth()));
                case 'H' -> out.append(two(t.getHour()));
                case 'I' -> out.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> out.append(two(t.getMinute()));
                case 'S' -> out.append(two(t.getSecond()));
                case 'N' -> out.append(String.format("%09d", t.getNano()));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 's' -> out.append(when.getEpochSecond());
                case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
                case 'u' -> out.append(t.getDayOfWeek().getValue());
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'Z' -> out.append("UTC");
                case 'z' -> out.append("+0000");
                case 'F' -> out.append(format(when, "%Y-%m-%d"));
                case 'T' -> out.append(format(when, "%H:%M:%S"));
                case 'D' -> out.append(format(when, "%m/%d/%y"));
                case 'R' -> out.append(format(when, "%H:%M"));
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '%' -> out.append('%');
                default -> out.append('%').append(f);
            }
        }
        return out.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
