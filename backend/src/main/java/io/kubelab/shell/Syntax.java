package io.kubelab.shell;

/**
 * Where the quoted and nested parts of a word end: {@code '...'}, {@code "..."}, {@code $(...)},
 * {@code $((...))}, {@code ${...}} and backticks, with bash's message for one left open.
 */
final class Syntax {

    /** How deep {@code $(...)} may nest inside one word; bash has no such limit, a server needs one. */
    static final int MAX_NESTING = 32;

    private Syntax() {
    }

    /** The index after the unit that starts at {@code i}: one character, or a whole quoted/nested part. */
    static int skip(String s, int i) {
        return skip(s, i, 0);
    }

    private static int skip(String s, int i, int depth) {
        if (depth > MAX_NESTING) {
            throw new Words.SyntaxError("bash: command substitution nested too deeply (limit " + MAX_NESTING + ")");
        }
        char c = s.charAt(i);
        switch (c) {
            case '\\':
                return Math.min(s.length(), i + 2);
            case '\'': {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw eof('\'');
                }
                return end + 1;
            }
            case '"':
                return doubleQuoted(s, i + 1, depth);
            case '`':
                return backtick(s, i + 1);
            case '$':
                if (i + 1 < s.length() && s.charAt(i + 1) == '(') {
                    return paren(s, i + 2, depth + 1);
                }
                if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    return brace(s, i + 2, depth + 1);
                }
                return i + 1;
            default:
                return i + 1;
        }
    }

    /** The index after the {@code )} that closes a {@code (} just before {@code afterOpen}. */
    static int closeParen(String s, int afterOpen) {
        return paren(s, afterOpen, 1);
    }

    private static int doubleQuoted(String s, int i, int depth) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' || c == '`' || c == '$') {
                i = skip(s, i, depth);
            } else {
                i++;
            }
        }
        throw eof('"');
    }

    private static int backtick(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '`') {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        throw eof('`');
    }

    /** After {@code $(}: to the matching {@code )}, counting nested parentheses outside quotes. */
    private static int paren(String s, int i, int depth) {
        int open = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(') {
                open++;
                i++;
            } else if (c == ')') {
                open--;
                i++;
                if (open == 0) {
                    return i;
                }
            } else {
                i = skip(s, i, depth);
            }
        }
        throw eof(')');
    }

    private static int brace(String s, int i, int depth) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            i = skip(s, i, depth);
        }
        throw eof('}');
    }

    private static Words.SyntaxError eof(char wanted) {
        return new Words.SyntaxError("bash: unexpected EOF while looking for matching `" + wanted + "'");
    }
}
