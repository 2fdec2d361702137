package io.kubelab.shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Expands a word as written into the fields a command receives, in bash's order: braces, tilde, parameters
 * ({@code $NAME ${NAME} ${NAME:-word} $?}), arithmetic, command substitution ({@code $(...)}, backticks),
 * splitting of unquoted results on blanks, globs against the virtual filesystem, quote removal.
 */
final class Expander {

    /** What expansion reads: variables, the last status, and command substitution. */
    interface Context {
        /** The variable's value, or null when unset. */
        String variable(String name);

        void assign(String name, String value);

        int status();

        /** Runs {@code command} and returns its standard output. */
        String substitute(String command);

        /** {@code <(command)}: runs it and returns the path of a file holding its output. */
        String processFile(String command);

        Sessions.Session session();
    }

    /** A word being built: its text, which characters may still act as glob characters, whether it exists. */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final BitSet glob = new BitSet();
        boolean present;

        void literal(CharSequence s, boolean globbable) {
            if (globbable) {
                glob.set(text.length(), text.length() + s.length());
            }
            text.append(s);
            present = true;
        }
    }

    private final Context context;

    Expander(Context context) {
        this.context = context;
    }

    /** The fields of the words of a command. */
    List<String> fields(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            for (String braced : Braces.expand(word)) {
                fields(braced, out);
            }
        }
        return out;
    }

    /** One word without splitting or globs: assignments' values and redirection targets. */
    String single(String word) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field());
        walk(word, fields, false);
        StringBuilder out = new StringBuilder();
        for (Field f : fields) {
            out.append(out.length() > 0 ? " " : "").append(f.text);
        }
        return out.toString();
    }

    /** A heredoc body with an unquoted delimiter: {@code $} expansions and backslashes as in double quotes. */
    String heredoc(String body) {
        StringBuilder out = new StringBuilder();
        doubleQuoted(body, 0, out, true);
        return out.toString();
    }

    /** The word with its quotes removed and nothing expanded (a heredoc delimiter). */
    static String removeQuotes(String word) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' && i + 1 < word.length()) {
                out.append(word.charAt(++i));
            } else if (c != '\'' && c != '"') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void fields(String word, List<String> out) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field());
        walk(word, fields, true);
        for (Field f : fields) {
            if (!f.present) {
                continue;
            }
            if (!f.glob.isEmpty() && Globs.hasGlob(f.text, f.glob)) {
                List<String> matches = Globs.expand(context.session(), f.text.toString(), f.glob);
                if (!matches.isEmpty()) {
                    out.addAll(matches);
                    continue;
                }
            }
            out.add(f.text.toString());
        }
    }

    private void walk(String word, List<Field> fields, boolean split) {
        int i = 0;
        if (word.startsWith("~")) {
            int end = word.indexOf('/');
            String user = end < 0 ? word.substring(1) : word.substring(1, end);
            if (user.isEmpty()) {
                String home = context.variable("HOME");
                last(fields).literal(home == null ? context.session().home : home, false);
                i = 1;
            }
        }
        while (i < word.length()) {
            char c = word.charAt(i);
            Field field = last(fields);
            if (c == '\'') {
                int end = word.indexOf('\'', i + 1);
                field.literal(word.substring(i + 1, end), false);
                i = end + 1;
            } else if (c == '"') {
                StringBuilder quoted = new StringBuilder();
                i = doubleQuoted(word, i + 1, quoted, false);
                field.literal(quoted, false);
            } else if (c == '\\') {
                if (i + 1 < word.length()) {
                    field.literal(String.valueOf(word.charAt(i + 1)), false);
                }
                i += 2;
            } else if (c == '<' && word.startsWith("<(", i)) {
                int end = Syntax.closeParen(word, i + 2);
                field.literal(context.processFile(word.substring(i + 2, end - 1)), false);
                i = end;
            } else if (c == '$' || c == '`') {
                StringBuilder value = new StringBuilder();
                int end = dollar(word, i, value);
                if (end == i + 1 && c == '$') {
                    field.literal("$", false);
                } else if (split) {
                    splitInto(value, fields);
                } else {
                    field.literal(value, false);
                    field.present = true;
                }
                i = end;
            } else {
                field.literal(String.valueOf(c), true);
                i++;
            }
        }
    }

    private static Field last(List<Field> fields) {
        return fields.get(fields.size() - 1);
    }

    /** An unquoted expansion's value cut on blanks: the first piece joins the current field. */
    private static void splitInto(CharSequence value, List<Field> fields) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (last(fields).present) {
                    fields.add(new Field());
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && " \t\n".indexOf(value.charAt(i)) < 0) {
                i++;
            }
            last(fields).literal(value.subSequence(start, i), true);
        }
    }

    /**
     * Inside double quotes from {@code i} to the closing quote (or the end, for a heredoc); the index after it.
     * A backslash escapes only {@code $ ` " \} and a newline.
     */
    private int doubleQuoted(String s, int i, StringBuilder out, boolean heredoc) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' && !heredoc) {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && ("$`\\\n".indexOf(s.charAt(i + 1)) >= 0
                    || (!heredoc && s.charAt(i + 1) == '"'))) {
                if (s.charAt(i + 1) != '\n') {
                    out.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$' || c == '`') {
                int end = dollar(s, i, out);
                if (end == i + 1 && c == '$') {
                    out.append('$');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    /**
     * The expansion at {@code i} ({@code $...} or a backtick) appended to {@code out}; the index after it.
     * A lone {@code $} returns {@code i + 1} and appends nothing.
     */
    private int dollar(String s, int i, StringBuilder out) {
        if (s.charAt(i) == '`') {
            int end = Syntax.skip(s, i);
            StringBuilder body = new StringBuilder();
            for (int k = i + 1; k < end - 1; k++) {
                char c = s.charAt(k);
                if (c == '\\' && k + 1 < end - 1 && "$`\\".indexOf(s.charAt(k + 1)) >= 0) {
                    c = s.charAt(++k);
                }
                body.append(c);
            }
            out.append(trimNewlines(context.substitute(body.toString())));
            return end;
        }
        if (i + 1 >= s.length()) {
            return i + 1;
        }
        char next = s.charAt(i + 1);
        if (next == '(') {
            int end = Syntax.skip(s, i);
            if (s.startsWith("((", i + 1) && s.startsWith("))", end - 2)) {
                out.append(Arithmetic.evaluate(single(s.substring(i + 3, end - 2)), context));
            } else {
                out.append(trimNewlines(context.substitute(s.substring(i + 2, end - 1))));
            }
            return end;
        }
        if (next == '{') {
            int end = Syntax.skip(s, i);
            out.append(Parameters.braced(s.substring(i + 2, end - 1), context, this));
            return end;
        }
        if ("?$#!0-*@".indexOf(next) >= 0 || Character.isDigit(next)) {
            out.append(Parameters.special(next, context));
            return i + 2;
        }
        if (Character.isLetter(next) || next == '_') {
            int end = i + 1;
            while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                end++;
            }
            String value = context.variable(s.substring(i + 1, end));
            out.append(value == null ? "" : value);
            return end;
        }
        return i + 1;
    }

    private static String trimNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
