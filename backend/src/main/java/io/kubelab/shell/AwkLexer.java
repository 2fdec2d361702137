package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Cuts an awk program into tokens; a {@code /} starts a regex wherever an operand may start. */
final class AwkLexer {

    enum Kind { NUMBER, STRING, REGEX, NAME, FUNC, KEYWORD, OP, NEWLINE, EOF }

    record Token(Kind kind, String text, int at) {
        boolean is(String s) {
            return (kind == Kind.OP || kind == Kind.KEYWORD) && text.equals(s);
        }
    }

    /** A program awk rejects: mawk's words. */
    static final class Error extends RuntimeException {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    static final Set<String> KEYWORDS = Set.of("BEGIN", "END", "print", "printf", "if", "else", "while", "for",
            "do", "next", "exit", "break", "continue", "delete", "in", "getline", "function", "return");
    static final Set<String> BUILTINS = Set.of("length", "substr", "index", "split", "sub", "gsub", "match",
            "toupper", "tolower", "sprintf", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand",
            "system");
    private static final String[] OPS = {"+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=", "++", "--",
        "&&", "||", ">>", "!~", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">",
        "<", "|", "?", ":", "~", "$", "="};

    private AwkLexer() {
    }

    static List<Token> tokens(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\\' && i + 1 < n && src.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\n') {
                out.add(new Token(Kind.NEWLINE, "\n", i++));
            } else if (c == '#') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                int start = i++;
                while (i < n && src.charAt(i) != '"') {
                    if (src.charAt(i) == '\\' && i + 1 < n) {
                        if (src.charAt(i + 1) == '/') {
                            s.append('/');
                            i += 2;
                            continue;
                        }
                        int next = Printf.escape(src, i, s, false);
                        i = next < 0 ? i + 2 : next;
                    } else {
                        s.append(src.charAt(i++));
                    }
                }
                if (i >= n) {
                    throw new Error("runaway string constant \"" + src.substring(start + 1, Math.min(n, start + 11))
                            + " ...");
                }
                i++;
                out.add(new Token(Kind.STRING, s.toString(), start));
            } else if (c == '/' && regexAllowed(out)) {
                StringBuilder s = new StringBuilder();
                int start = i++;
                boolean inClass = false;
                while (i < n && (src.charAt(i) != '/' || inClass)) {
                    char d = src.charAt(i);
                    if (d == '\n') {
                        break;
                    }
                    if (d == '\\' && i + 1 < n) {
                        s.append(d).append(src.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    inClass = d == '[' ? true : d == ']' ? false : inClass;
                    s.append(d);
                    i++;
                }
                if (i >= n || src.charAt(i) != '/') {
                    throw new Error("runaway regular expression /" + src.substring(start + 1, Math.min(n, start + 11))
                            + " ...");
                }
                i++;
                out.add(new Token(Kind.REGEX, s.toString(), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E') && i + 1 < n
                        && (Character.isDigit(src.charAt(i + 1)) || src.charAt(i + 1) == '-' || src.charAt(i + 1) == '+')) {
                    i += 2;
                    while (i < n && Character.isDigit(src.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Token(Kind.NUMBER, src.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                String word = src.substring(start, i);
                Kind kind = KEYWORDS.contains(word) ? Kind.KEYWORD : BUILTINS.contains(word) ? Kind.FUNC : Kind.NAME;
                out.add(new Token(kind, word, start));
            } else {
                String op = null;
                for (String candidate : OPS) {
                    if (src.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                if (op == null) {
                    throw new Error("syntax error at or near " + c);
                }
                out.add(new Token(Kind.OP, op.equals("**") ? "^" : op, i));
                i += op.length();
            }
        }
        out.add(new Token(Kind.EOF, "end of file", n));
        return out;
    }

    private static boolean regexAllowed(List<Token> before) {
        if (before.isEmpty()) {
            return true;
        }
        Token t = before.get(before.size() - 1);
        return switch (t.kind()) {
            case NUMBER, STRING, NAME, REGEX -> false;
            case FUNC -> false;
            case OP -> !(t.text().equals(")") || t.text().equals("]") || t.text().equals("$")
                    || t.text().equals("++") || t.text().equals("--"));
            default -> true;
        };
    }
}
