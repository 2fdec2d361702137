package io.kubelab.shell;

import java.util.List;
import java.util.Locale;

/**
 * bash's {@code printf} and {@code echo}: the format reused until the arguments run out, {@code %s %d %i %x
 * %o %f %e %g %c %b %q %%} with flags, width and precision, and the backslash escapes.
 */
final class Printf {

    private static final java.util.regex.Pattern ECHO_FLAGS = java.util.regex.Pattern.compile("-[neE]+");
    private static final java.util.regex.Pattern TRAILING_ZEROS = java.util.regex.Pattern.compile("0+$");
    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("^([-+]?[0-9]*).*");

    private Printf() {
    }

    static CommandResult printf(Shell shell, List<String> args) {
        List<String> a = args;
        if (!a.isEmpty() && a.get(0).equals("--")) {
            a = a.subList(1, a.size());
        }
        if (a.isEmpty()) {
            return CommandResult.failure("printf: usage: printf [-v var] format [arguments]\n", 2);
        }
        String format = a.get(0);
        List<String> values = a.subList(1, a.size());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int used = 0;
        do {
            int before = used;
            used = once(format, values, used, out, err);
            if (used == before) {
                break;
            }
        } while (used < values.size() && out.length() < Limits.MAX_OUTPUT_CHARS);
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    /** One pass over the format from argument {@code next}; returns the next unused argument. */
    private static int once(String format, List<?> values, int next, StringBuilder out, StringBuilder err) {
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\\') {
                i = escape(format, i, out, false);
                if (i < 0) {
                    return values.size();
                }
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (format.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            int start = i;
            i++;
            while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '.')) {
                i++;
            }
            if (i >= format.length()) {
                out.append(format, start, i);
                break;
            }
            char conv = format.charAt(i++);
            String spec = format.substring(start, i - 1);
            Object arg = next < values.size() ? values.get(next++) : null;
            try {
                out.append(convert(spec, conv, arg, err));
            } catch (java.util.IllegalFormatException e) {
                // A flag C accepts and Java's formatter refuses (%05s): the value as is.
                out.append(arg instanceof Double d ? Awk.number(d, "%.6g") : arg == null ? "" : arg);
            }
        }
        return next;
    }

    /** One pass of the format over {@code values} (Strings, or Doubles from awk), errors ignored: awk's printf. */
    static String formatOnce(String format, List<?> values) {
        StringBuilder out = new StringBuilder();
        once(format, values, 0, out, new StringBuilder());
        return out.toString();
    }

    private static String convert(String spec, char conv, Object value, StringBuilder err) {
        String arg = value instanceof Double d ? ("sbqc".indexOf(conv) >= 0 ? Awk.number(d, "%.6g") : null)
                : (String) value;
        switch (conv) {
            case 's':
                return String.format(Locale.ROOT, spec + "s", arg == null ? "" : arg);
            case 'b': {
                StringBuilder b = new StringBuilder();
                String s = arg == null ? "" : arg;
                for (int k = 0; k < s.length() && k >= 0; ) {
                    if (s.charAt(k) == '\\') {
                        k = escape(s, k, b, true);
                    } else {
                        b.append(s.charAt(k++));
                    }
                }
                return String.format(Locale.ROOT, spec + "s", b);
            }
            case 'q':
                return arg == null ? "''" : shellQuote(arg);
            case 'c':
                return arg == null || arg.isEmpty() ? "" : String.format(Locale.ROOT, spec + "c", arg.charAt(0));
            case 'd': case 'i': case 'x': case 'X': case 'o': {
                long v = value instanceof Double d ? (long) (double) d : integer(arg, err);
                String javaConv = conv == 'i' ? "d" : String.valueOf(conv);
                return String.format(Locale.ROOT, spec.replace(".", "").isEmpty() ? "%" + javaConv
                        : noPrecision(spec) + javaConv, v);
            }
            case 'f': case 'e': case 'E': case 'g': case 'G': {
                double v = value instanceof Double d ? d : decimal(arg, err);
                if (conv == 'g' || conv == 'G') {
                    return cFormatG(spec, v, conv == 'G');
                }
                return String.format(Locale.ROOT, spec + conv, v);
            }
            default:
                err.append("bash: printf: `").append(conv).append("': invalid format character\n");
                return "";
        }
    }

    private static String noPrecision(String spec) {
        int dot = spec.indexOf('.');
        return dot < 0 ? spec : spec.substring(0, dot);
    }

    /** C's %g: Java's differs (it never strips trailing zeros, and switches notation elsewhere). */
    static String cFormatG(String spec, double v, boolean upper) {
        int dot = spec.indexOf('.');
        int precision = dot < 0 ? 6 : spec.length() == dot + 1 ? 0 : Integer.parseInt(spec.substring(dot + 1));
        precision = Math.max(1, precision);
        String s;
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            s = Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : "0";
        } else {
            String e = String.format(Locale.ROOT, "%." + (precision - 1) + "e", v);
            int exp = Integer.parseInt(e.substring(e.indexOf('e') + 1));
            if (exp < -4 || exp >= precision) {
                String mantissa = stripZeros(e.substring(0, e.indexOf('e')));
                s = mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            } else {
                s = stripZeros(String.format(Locale.ROOT, "%." + Math.max(0, precision - 1 - exp) + "f", v));
            }
        }
        String flags = dot < 0 ? spec.substring(1) : spec.substring(1, dot);
        s = flags.isEmpty() ? s : String.format(Locale.ROOT, "%" + flags + "s", s);
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        String t = TRAILING_ZEROS.matcher(s).replaceAll("");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static long integer(String arg, StringBuilder err) {
        if (arg == null || arg.isEmpty()) {
            return 0;
        }
        String s = arg.strip();
        try {
            if (s.startsWith("'") || s.startsWith("\"")) {
                return s.length() > 1 ? s.charAt(1) : 0;
            }
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            err.append("bash: printf: ").append(arg).append(": invalid number\n");
            String digits = LEADING_INTEGER.matcher(s).replaceAll("$1");
            try {
                return digits.isEmpty() || digits.equals("-") || digits.equals("+") ? 0 : Long.parseLong(digits);
            } catch (NumberFormatException e2) {
                return 0;
            }
        }
    }

    private static double decimal(String arg, StringBuilder err) {
        if (arg == null || arg.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(arg.strip());
        } catch (NumberFormatException e) {
            err.append("bash: printf: ").append(arg).append(": invalid number\n");
            return 0;
        }
    }

    /** How {@code %q} and {@code declare -p} quote: backslashes before the characters the shell treats. */
    static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (" \t\"'\\$`|&;<>()*?[]{}!#~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The escape at {@code i} (a backslash) written to {@code out}; the index after it, or -1 for {@code \c}
     * (stop all output). {@code echo} ({@code octalZero}) writes octal as {@code \0NNN}, printf as {@code \NNN}.
     */
    static int escape(String s, int i, StringBuilder out, boolean octalZero) {
        if (i + 1 >= s.length()) {
            out.append('\\');
            return i + 1;
        }
        char n = s.charAt(i + 1);
        switch (n) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 'e', 'E' -> out.append('\u001b');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case '\'' -> out.append('\'');
            case 'c' -> {
                return -1;
            }
            case 'x' -> {
                int end = i + 2;
                while (end < s.length() && end < i + 4 && Character.digit(s.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == i + 2) {
                    out.append("\\x");
                } else {
                    out.append((char) Integer.parseInt(s.substring(i + 2, end), 16));
                }
                return end;
            }
            default -> {
                if (n >= '0' && n <= '7') {
                    int from = octalZero && n == '0' ? i + 2 : i + 1;
                    int end = from;
                    while (end < s.length() && end < from + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                        end++;
                    }
                    out.append(end == from ? '\0' : (char) Integer.parseInt(s.substring(from, end), 8));
                    return end;
                }
                out.append('\\').append(n);
            }
        }
        return i + 2;
    }

    static CommandResult echo(Shell shell, List<String> args) {
        boolean newline = true;
        boolean escapes = false;
        int first = 0;
        while (first < args.size() && ECHO_FLAGS.matcher(args.get(first)).matches()) {
            for (char c : args.get(first).substring(1).toCharArray()) {
                newline &= c != 'n';
                escapes = c == 'e' || (escapes && c != 'E');
            }
            first++;
        }
        String text = String.join(" ", args.subList(first, args.size()));
        if (!escapes) {
            return CommandResult.ok(text + (newline ? "\n" : ""));
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '\\') {
                i = escape(text, i, out, true);
                if (i < 0) {
                    return CommandResult.ok(out.toString());
                }
            } else {
                out.append(text.charAt(i++));
            }
        }
        return CommandResult.ok(out + (newline ? "\n" : ""));
    }
}
