package io.kubelab.runtime.image.shell;

import java.util.ArrayList;
import java.util.List;

/** Cuts a shell program into words (kept as written, quotes included) and operators. */
final class Lexer {

    enum Kind { WORD, OP, NEWLINE, EOF }

    record Token(Kind kind, String text) {
        boolean is(String s) {
            return kind != Kind.EOF && kind != Kind.NEWLINE && text.equals(s);
        }

        boolean isWord(String s) {
            return kind == Kind.WORD && text.equals(s);
        }
    }

    private static final String[] OPERATORS = {
        "2>&1", "1>&2", ">&2", "2>>", "1>>", "&>", "2>", "1>", ">>", ">|", "&&", "||", ";;", ";", "&", "|", "(", ")",
        ">", "<",
    };

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) {
        Lexer lexer = new Lexer(src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind != Kind.EOF);
        return out;
    }

    private Token next() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= src.length()) {
            return new Token(Kind.EOF, "end of file");
        }
        if (src.charAt(pos) == '\n') {
            pos++;
            return new Token(Kind.NEWLINE, "newline");
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.OP, op);
            }
        }
        return new Token(Kind.WORD, word());
    }

    private String word() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (" \t\r\n;&|<>()".indexOf(c) >= 0) {
                break;
            }
            skipOne();
        }
        return src.substring(start, pos);
    }

    /** Skips one character or one quoted/nested unit at {@code pos}. */
    private void skipOne() {
        char c = src.charAt(pos);
        switch (c) {
            case '\\' -> pos = Math.min(src.length(), pos + 2);
            case '\'' -> {
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new ShellSyntaxError("unterminated quoted string");
                }
                pos = end + 1;
            }
            case '"' -> {
                pos++;
                while (pos < src.length() && src.charAt(pos) != '"') {
                    if (src.charAt(pos) == '\\') {
                        pos += 2;
                    } else if (src.charAt(pos) == '$' || src.charAt(pos) == '`') {
                        skipOne();
                    } else {
                        pos++;
                    }
                }
                if (pos >= src.length()) {
                    throw new ShellSyntaxError("unterminated quoted string");
                }
                pos++;
            }
            case '`' -> {
                int end = src.indexOf('`', pos + 1);
                if (end < 0) {
                    throw new ShellSyntaxError("unterminated quoted string");
                }
                pos = end + 1;
            }
            case '$' -> {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '(') {
                    pos = matching(pos + 1, '(', ')');
                } else if (pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
                    pos = matching(pos + 1, '{', '}');
                } else {
                    pos++;
                }
            }
            default -> pos++;
        }
    }

    /** Position after the bracket closing the one at {@code open}, quotes respected. */
    private int matching(int open, char o, char c) {
        int depth = 0;
        pos = open;
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (ch == o) {
                depth++;
                pos++;
            } else if (ch == c) {
                depth--;
                pos++;
                if (depth == 0) {
                    return pos;
                }
            } else if (ch == '\'' || ch == '"' || ch == '\\' || ch == '`') {
                skipOne();
            } else {
                pos++;
            }
        }
        throw new ShellSyntaxError("unexpected end of file (expecting \"" + c + "\")");
    }
}
