package io.kubelab.runtime.image.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Word expansion as POSIX orders it: tilde, parameters, command substitution, arithmetic, then field
 * splitting of unquoted results and quote removal. No pathname globbing: our files are few and courses
 * rarely glob.
 */
final class Expander {

    private final ShellState st;
    private final Function<String, String> substitute;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean started;
    private boolean noSplit;

    private Expander(ShellState st, Function<String, String> substitute) {
        this.st = st;
        this.substitute = substitute;
    }

    /** The fields {@code word} expands to (none for an unquoted empty expansion). */
    static List<String> fields(String word, ShellState st, Function<String, String> substitute) {
        Expander e = new Expander(st, substitute);
        e.expand(word);
        if (e.started) {
            e.fields.add(e.field.toString());
        }
        return e.fields;
    }

    /** One string, no field splitting (assignments, redirect targets, case words). */
    static String single(String word, ShellState st, Function<String, String> substitute) {
        Expander e = new Expander(st, substitute);
        e.noSplit = true;
        e.expand(word);
        e.fields.add(e.field.toString());
        return String.join(" ", e.fields);
    }

    private void expand(String w) {
        int i = 0;
        if (w.startsWith("~") && (w.length() == 1 || w.charAt(1) == '/')) {
            append(st.vars.getOrDefault("HOME", "/root"), true);
            i = 1;
        }
        while (i < w.length()) {
            char c = w.charAt(i);
            switch (c) {
                case '\'' -> {
                    int end = w.indexOf('\'', i + 1);
                    append(w.substring(i + 1, end), true);
                    i = end + 1;
                }
                case '"' -> i = doubleQuoted(w, i + 1);
                case '\\' -> {
                    if (i + 1 < w.length()) {
                        append(String.valueOf(w.charAt(i + 1)), true);
                    }
                    i += 2;
                }
                case '$' -> i = dollar(w, i, false);
                case '`' -> {
                    int end = w.indexOf('`', i + 1);
                    split(substitute.apply(w.substring(i + 1, end)));
                    i = end + 1;
                }
                default -> {
                    append(String.valueOf(c), true);
                    i++;
                }
            }
        }
    }

    private int doubleQuoted(String w, int i) {
        started = true;
        while (i < w.length() && w.charAt(i) != '"') {
            char c = w.charAt(i);
            if (c == '\\' && i + 1 < w.length() && "$`\"\\\n".indexOf(w.charAt(i + 1)) >= 0) {
                append(String.valueOf(w.charAt(i + 1)), true);
                i += 2;
            } else if (c == '$') {
                i = dollar(w, i, true);
            } else if (c == '`') {
                int end = w.indexOf('`', i + 1);
                append(substitute.apply(w.substring(i + 1, end)), true);
                i = end + 1;
            } else {
                append(String.valueOf(c), true);
                i++;
            }
        }
        return i + 1;
    }

    /** Expands the {@code $} form at {@code i}; returns the index after it. */
    private int dollar(String w, int i, boolean quoted) {
        if (i + 1 >= w.length()) {
            append("$", true);
            return i + 1;
        }
        char n = w.charAt(i + 1);
        if (w.startsWith("$((", i)) {
            int end = closing(w, i + 1, '(', ')');
            String inner = w.substring(i + 3, end - 2);
            String expandedInner = single(inner, st, substitute);
            put(Long.toString(Arithmetic.evaluate(expandedInner, st.vars)), quoted);
            return end;
        }
        if (n == '(') {
            int end = closing(w, i + 1, '(', ')');
            put(substitute.apply(w.substring(i + 2, end - 1)), quoted);
            return end;
        }
        if (n == '{') {
            int end = closing(w, i + 1, '{', '}');
            put(braced(w.substring(i + 2, end - 1)), quoted);
            return end;
        }
        if (n == '@' || n == '*') {
            if (quoted && n == '@') {
                for (int k = 0; k < st.positional.size(); k++) {
                    if (k > 0) {
                        fields.add(field.toString());
                        field.setLength(0);
                    }
                    append(st.positional.get(k), true);
                }
            } else {
                put(String.join(" ", st.positional), quoted);
            }
            return i + 2;
        }
        if ("?$#!0123456789-".indexOf(n) >= 0) {
            put(special(n), quoted);
            return i + 2;
        }
        if (Character.isLetter(n) || n == '_') {
            int end = i + 1;
            while (end < w.length() && (Character.isLetterOrDigit(w.charAt(end)) || w.charAt(end) == '_')) {
                end++;
            }
            put(variable(w.substring(i + 1, end)), quoted);
            return end;
        }
        append("$", true);
        return i + 1;
    }

    private String special(char n) {
        return switch (n) {
            case '?' -> Integer.toString(st.status);
            case '$' -> "1";
            case '!' -> "";
            case '-' -> "";
            case '#' -> Integer.toString(st.positional.size());
            case '0' -> st.arg0;
            default -> {
                int k = n - '1';
                yield k < st.positional.size() ? st.positional.get(k) : "";
            }
        };
    }

    private String variable(String name) {
        if (name.equals("RANDOM")) {
            return Integer.toString(st.random());
        }
        if (name.matches("[0-9]+")) {
            int k = Integer.parseInt(name) - 1;
            return k >= 0 && k < st.positional.size() ? st.positional.get(k) : "";
        }
        if (name.length() == 1 && "?$#!0-".contains(name)) {
            return special(name.charAt(0));
        }
        return st.vars.getOrDefault(name, "");
    }

    private String braced(String body) {
        if (body.startsWith("#") && body.length() > 1) {
            return Integer.toString(variable(body.substring(1)).length());
        }
        int k = 0;
        while (k < body.length() && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '_'
                || (k == 0 && "?$#!@*".indexOf(body.charAt(k)) >= 0))) {
            k++;
        }
        String name = body.substring(0, k);
        String op = body.substring(k);
        boolean set = st.vars.containsKey(name) || (name.matches("[0-9]+") && !variable(name).isEmpty());
        String value = name.equals("@") || name.equals("*") ? String.join(" ", st.positional) : variable(name);
        if (op.isEmpty()) {
            return value;
        }
        boolean colon = op.startsWith(":") && op.length() > 1 && "-=+?".indexOf(op.charAt(1)) >= 0;
        String kind = colon ? op.substring(0, 2) : op.substring(0, 1);
        String arg = op.substring(kind.length());
        boolean missing = colon ? value.isEmpty() : !set;
        switch (kind) {
            case ":-", "-" -> {
                return missing ? single(arg, st, substitute) : value;
            }
            case ":=", "=" -> {
                if (missing) {
                    String v = single(arg, st, substitute);
                    st.vars.put(name, v);
                    return v;
                }
                return value;
            }
            case ":+", "+" -> {
                return missing ? "" : single(arg, st, substitute);
            }
            case ":?", "?" -> {
                if (missing) {
                    throw new ShellError(name + ": " + (arg.isEmpty() ? "parameter not set" : arg));
                }
                return value;
            }
            default -> {
            }
        }
        if (op.startsWith("##") || op.startsWith("#")) {
            boolean longest = op.startsWith("##");
            Pattern p = glob(op.substring(longest ? 2 : 1));
            for (int e = longest ? value.length() : 0; longest ? e >= 0 : e <= value.length(); e += longest ? -1 : 1) {
                if (p.matcher(value.substring(0, e)).matches()) {
                    return value.substring(e);
                }
            }
            return value;
        }
        if (op.startsWith("%")) {
            boolean longest = op.startsWith("%%");
            Pattern p = glob(op.substring(longest ? 2 : 1));
            for (int b = longest ? 0 : value.length(); longest ? b <= value.length() : b >= 0; b += longest ? 1 : -1) {
                if (p.matcher(value.substring(b)).matches()) {
                    return value.substring(0, b);
                }
            }
            return value;
        }
        if (op.startsWith("/")) {
            boolean all = op.startsWith("//");
            String rest = op.substring(all ? 2 : 1);
            int slash = rest.indexOf('/');
            String pat = slash < 0 ? rest : rest.substring(0, slash);
            String rep = slash < 0 ? "" : rest.substring(slash + 1);
            String regex = glob(pat).pattern();
            return all ? value.replaceAll(regex, java.util.regex.Matcher.quoteReplacement(rep))
                    : value.replaceFirst(regex, java.util.regex.Matcher.quoteReplacement(rep));
        }
        throw new ShellError("${" + body + "}: bad substitution");
    }

    /** A shell glob ({@code * ? [..]}) as a regular expression. */
    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = g.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = g.substring(i + 1, end).replace("\\", "\\\\");
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < g.length()) {
                        re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
                    }
                }
                case '"', '\'' -> {
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static int closing(String w, int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch == '\'' ) {
                int end = w.indexOf('\'', i + 1);
                i = end < 0 ? w.length() : end;
            } else if (ch == '\\') {
                i++;
            } else if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i + 1;
            }
        }
        return w.length();
    }

    private void put(String value, boolean quoted) {
        if (quoted) {
            append(value, true);
        } else {
            split(value);
        }
    }

    /** Field splitting on blanks, for unquoted expansion results. */
    private void split(String value) {
        if (noSplit) {
            append(value, true);
            return;
        }
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (started) {
                    fields.add(field.toString());
                    field.setLength(0);
                    started = false;
                }
                i++;
            } else {
                field.append(c);
                started = true;
                i++;
            }
        }
    }

    private void append(String s, boolean marksField) {
        field.append(s);
        if (marksField) {
            started = true;
        }
    }
}
