package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * bash's compound commands as students paste them: {@code for NAME in WORDS; do ...; done},
 * {@code while}/{@code until COND; do ...; done} (with {@code read} and {@code break}/{@code continue}) and
 * {@code if ...; then ...; elif ...; else ...; fi}, groups {@code { ...; }} and subshells {@code ( ... )} (which
 * keep their {@code cd}, variables and aliases to themselves). Bodies are kept as text and run when reached.
 */
record Compound(String kind, String variable, List<String> words, List<String> conditions, List<String> bodies,
                String otherwise) {

    private static final Set<String> OPENERS = Set.of("for", "while", "until", "if", "case", "{");

    static boolean starts(String word) {
        return word.equals("for") || word.equals("while") || word.equals("until") || word.equals("if")
                || word.equals("{");
    }

    /** A keyword reader over the text after the opening keyword. */
    static final class Reader {
        private final String src;
        int at;

        Reader(String src, int at) {
            this.src = src;
            this.at = at;
        }

        /** The compound that starts with {@code keyword} (already read). */
        Compound read(String keyword) {
            if (keyword.equals("for")) {
                String variable = nextWord();
                List<String> words = new ArrayList<>();
                String w = nextWord();
                if (w.equals("in")) {
                    while (true) {
                        skipBlanks();
                        if (at < src.length() && (src.charAt(at) == ';' || src.charAt(at) == '\n')) {
                            at++;
                            break;
                        }
                        String word = nextWord();
                        if (word.isEmpty()) {
                            throw eof();
                        }
                        words.add(word);
                    }
                    w = nextWord();
                } else if (w.equals(";")) {
                    w = nextWord();
                }
                if (!w.equals("do")) {
                    throw unexpected(w);
                }
                String body = until(Set.of("done"));
                return new Compound("for", variable, words, List.of(), List.of(body), null);
            }
            if (keyword.equals("{")) {
                String body = until(Set.of("}"));
                return new Compound("group", null, List.of(), List.of(), List.of(body), null);
            }
            if (keyword.equals("while") || keyword.equals("until")) {
                String condition = until(Set.of("do"));
                String body = until(Set.of("done"));
                return new Compound(keyword, null, List.of(), List.of(condition), List.of(body), null);
            }
            List<String> conditions = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            String otherwise = null;
            conditions.add(until(Set.of("then")));
            while (true) {
                String body = until(Set.of("elif", "else", "fi"));
                bodies.add(body);
                if (last.equals("elif")) {
                    conditions.add(until(Set.of("then")));
                } else if (last.equals("else")) {
                    otherwise = until(Set.of("fi"));
                    break;
                } else {
                    break;
                }
            }
            return new Compound("if", null, List.of(), conditions, bodies, otherwise);
        }

        private String last = "";

        /** The text up to one of {@code ends} in command position (nested compounds skipped); consumes it. */
        private String until(Set<String> ends) {
            int start = at;
            int depth = 0;
            boolean commandPosition = true;
            while (true) {
                skipBlanks();
                if (at >= src.length()) {
                    throw eof();
                }
                char c = src.charAt(at);
                if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                    at++;
                    commandPosition = true;
                    continue;
                }
                if (c == '#' && commandPosition) {
                    while (at < src.length() && src.charAt(at) != '\n') {
                        at++;
                    }
                    continue;
                }
                int wordStart = at;
                String word = nextWord();
                if (commandPosition) {
                    if (depth == 0 && ends.contains(word)) {
                        last = word;
                        return src.substring(start, wordStart);
                    }
                    if (OPENERS.contains(word)) {
                        depth++;
                    } else if (word.equals("done") || word.equals("fi") || word.equals("esac") || word.equals("}")) {
                        depth--;
                        if (depth < 0) {
                            throw unexpected(word);
                        }
                    }
                }
                commandPosition = word.equals("do") || word.equals("then") || word.equals("else")
                        || word.equals("elif") || word.equals("!") || word.equals("{") || OPENERS.contains(word)
                        && !word.equals("for") && !word.equals("case");
            }
        }

        private void skipBlanks() {
            while (at < src.length() && (src.charAt(at) == ' ' || src.charAt(at) == '\t' || src.charAt(at) == '\r')) {
                at++;
            }
        }

        /** The next raw word, or an operator character ({@code ;}) as a word of its own. */
        String nextWord() {
            skipBlanks();
            if (at >= src.length()) {
                return "";
            }
            char c = src.charAt(at);
            if (c == ';' || c == '\n') {
                at++;
                return ";";
            }
            int start = at;
            while (at < src.length()) {
                char d = src.charAt(at);
                if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || "|;&<>()".indexOf(d) >= 0) {
                    break;
                }
                at = Syntax.skip(src, at);
            }
            return src.substring(start, at);
        }

        private static Words.SyntaxError eof() {
            return new Words.SyntaxError("bash: syntax error: unexpected end of file");
        }

        private static Words.SyntaxError unexpected(String token) {
            return new Words.SyntaxError("bash: syntax error near unexpected token `"
                    + (token.isEmpty() ? "newline" : token) + "'");
        }
    }
}
