package io.kubelab.runtime.image.shell;

import java.util.List;

/** printf(1) formats and the backslash escapes shared with {@code echo -e}. */
final class Printf {

    private Printf() {
    }

    /**
     * Appends {@code text} with its escapes decoded; false when {@code \c} asked to stop all output there.
     */
    static boolean escapes(String text, StringBuilder out, boolean echo) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\013');
                case 'e' -> out.append('\033');
                case '\\' -> out.append('\\');
                case 'c' -> {
                    return false;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int start = echo && n == '0' ? i + 1 : i;
                    int end = start;
                    while (end < text.length() && end < start + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    out.append(end > start ? (char) Integer.parseInt(text.substring(start, end), 8) : '\0');
                    i = end - 1;
                }
                default -> out.append('\\').append(n);
            }
        }
        return true;
    }

    static String format(String format, List<String> args) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        do {
            int consumed = once(format, args, used, out);
            if (consumed == 0) {
                break;
            }
            used += consumed;
        } while (used < args.size() && out.length() < Sink.MAX_CAPTURE);
        return out.toString();
    }

    /** Formats once from argument {@code from}; returns how many arguments it took. */
    private static int once(String f, List<String> args, int from, StringBuilder out) {
        int taken = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\') {
                int end = Math.min(f.length(), i + 2);
                StringBuilder e = new StringBuilder();
                escapes(f.substring(i, end), e, false);
                out.append(e);
                i = end - 1;
                continue;
            }
            if (c != '%' || i + 1 >= f.length()) {
                out.append(c);
                continue;
            }
            if (f.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            while (j < f.length() && "-+ #0123456789.".indexOf(f.charAt(j)) >= 0) {
                j++;
            }
            if (j >= f.length()) {
                out.append(f, i, f.length());
                break;
            }
            String flags = f.substring(i + 1, j);
            char conv = f.charAt(j);
            String arg = from + taken < args.size() ? args.get(from + taken) : "";
            taken++;
            switch (conv) {
                case 'd', 'i' -> out.append(String.format("%" + flags + "d", toLong(arg)));
                case 'x', 'X', 'o' -> out.append(String.format("%" + flags + conv, toLong(arg)));
                case 'f', 'e', 'g' -> out.append(String.format("%" + flags + conv, toDouble(arg)));
                case 'c' -> out.append(arg.isEmpty() ? "" : arg.substring(0, 1));
                case 'b' -> {
                    StringBuilder e = new StringBuilder();
                    escapes(arg, e, true);
                    out.append(e);
                }
                default -> out.append(String.format("%" + flags.replace("0", "") + "s", arg));
            }
            i = j;
        }
        return taken;
    }

    private static long toLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double toDouble(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
