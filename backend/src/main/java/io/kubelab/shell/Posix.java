package io.kubelab.shell;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * POSIX regular expressions (basic, as grep and sed read them by default, or extended with {@code -E}) turned
 * into RE2 syntax, so every user pattern runs in linear time: no pattern can stall a worker thread.
 * GNU's extensions are kept ({@code \+ \? \| \< \> \w \s \b}); back-references, which RE2 cannot run, are
 * refused with GNU's message for an invalid one.
 */
final class Posix {

    /** A pattern GNU would reject, with its message ("Unmatched ( or \("). */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final java.util.regex.Pattern INTERVAL = java.util.regex.Pattern.compile("[0-9]+(,[0-9]*)?|,[0-9]+");

    private Posix() {
    }

    static Pattern compile(String posix, boolean extended, boolean ignoreCase) {
        String re2 = extended ? extended(posix) : basic(posix);
        try {
            return Pattern.compile(re2, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            String d = e.getDescription();
            if (d.contains("missing closing )") || d.contains("unexpected )")) {
                throw new Invalid(extended ? "Unmatched ( or \\(" : "Unmatched ( or \\(");
            }
            if (d.contains("missing closing ]")) {
                throw new Invalid("Unmatched [, [^, [:, [., or [=");
            }
            if (d.contains("repetition")) {
                throw new Invalid("Invalid preceding regular expression");
            }
            throw new Invalid("Invalid regular expression");
        }
    }

    static String basic(String bre) {
        StringBuilder out = new StringBuilder();
        int n = bre.length();
        for (int i = 0; i < n; i++) {
            char c = bre.charAt(i);
            boolean atStart = atStart(out);
            if (c == '\\' && i + 1 < n) {
                char next = bre.charAt(++i);
                switch (next) {
                    case '(', ')', '|', '+', '?' -> out.append(next);
                    case '{' -> {
                        int close = bre.indexOf("\\}", i);
                        if (close < 0) {
                            throw new Invalid("Unmatched \\{");
                        }
                        out.append('{').append(bre, i + 1, close).append('}');
                        i = close + 1;
                    }
                    case '<', '>' -> out.append("\\b");
                    case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> throw new Invalid("Invalid back reference");
                    case 'w', 'W', 's', 'S', 'b', 'B', 'n', 't' -> out.append('\\').append(next);
                    default -> literal(next, out);
                }
            } else if (c == '[') {
                i = bracket(bre, i, out);
            } else if (c == '*' && atStart) {
                out.append("\\*");
            } else if (c == '^' && !atStart) {
                out.append("\\^");
            } else if (c == '$' && i + 1 < n && !bre.startsWith("\\)", i + 1) && !bre.startsWith("\\|", i + 1)) {
                out.append("\\$");
            } else if ("+?(){}|".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '.' || c == '*' || c == '^' || c == '$') {
                out.append(c);
            } else {
                literal(c, out);
            }
        }
        return out.toString();
    }

    static String extended(String ere) {
        StringBuilder out = new StringBuilder();
        int n = ere.length();
        for (int i = 0; i < n; i++) {
            char c = ere.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = ere.charAt(++i);
                if (next == '<' || next == '>') {
                    out.append("\\b");
                } else if (next >= '1' && next <= '9') {
                    throw new Invalid("Invalid back reference");
                } else if ("wWsSbBnt".indexOf(next) >= 0) {
                    out.append('\\').append(next);
                } else {
                    literal(next, out);
                }
            } else if (c == '[') {
                i = bracket(ere, i, out);
            } else if (c == '{') {
                int close = ere.indexOf('}', i);
                if (close > 0 && INTERVAL.matcher(ere.substring(i + 1, close)).matches() && out.length() > 0) {
                    out.append(ere, i, close + 1);
                    i = close;
                } else {
                    out.append("\\{");
                }
            } else if (c == '}') {
                out.append("\\}");
            } else if ((c == '*' || c == '+' || c == '?') && atStart(out)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** At the start of the expression or of a group or alternative, where {@code *} is literal. */
    private static boolean atStart(StringBuilder out) {
        int n = out.length();
        return n == 0 || ((out.charAt(n - 1) == '(' || out.charAt(n - 1) == '|') && (n < 2 || out.charAt(n - 2) != '\\'));
    }

    private static void literal(char c, StringBuilder out) {
        if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }

    /** A bracket expression from {@code [} at {@code open}: backslash is literal inside; returns its end. */
    private static int bracket(String s, int open, StringBuilder out) {
        int i = open + 1;
        StringBuilder cls = new StringBuilder("[");
        if (i < s.length() && s.charAt(i) == '^') {
            cls.append('^');
            i++;
        }
        boolean first = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ']' && !first) {
                out.append(cls).append(']');
                return i;
            }
            if (c == '[' && i + 1 < s.length() && (s.charAt(i + 1) == ':' || s.charAt(i + 1) == '.'
                    || s.charAt(i + 1) == '=')) {
                char kind = s.charAt(i + 1);
                int end = s.indexOf(kind + "]", i + 2);
                if (end < 0) {
                    break;
                }
                String name = s.substring(i + 2, end);
                if (kind == ':') {
                    cls.append("[:").append(name).append(":]");
                } else {
                    name.chars().forEach(ch -> literal((char) ch, cls));
                }
                i = end + 2;
            } else {
                cls.append(c == '\\' || c == '[' || c == ']' || (c == '^' && !first) ? "\\" + c : String.valueOf(c));
                i++;
            }
            first = false;
        }
        throw new Invalid("Unmatched [, [^, [:, [., or [=");
    }
}
