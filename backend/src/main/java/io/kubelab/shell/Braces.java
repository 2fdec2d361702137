package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;

/** Brace expansion: {@code a{b,c}d} gives {@code abd acd}, {@code {1..3}} gives {@code 1 2 3}. */
final class Braces {

    /** The most words one brace expression may produce, against {@code {1..999999999}}. */
    static final int MAX_WORDS = 10_000;
    /** Braces one word may hold for expansion; past it the word stays as written (the search is quadratic). */
    static final int MAX_BRACES = 256;

    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("\\.\\.");

    private Braces() {
    }

    static List<String> expand(String word) {
        if (word.indexOf('{') < 0 || word.chars().filter(c -> c == '{').count() > MAX_BRACES) {
            return List.of(word);
        }
        List<String> out = new ArrayList<>();
        expand(word, out);
        return out;
    }

    private static void expand(String word, List<String> out) {
        if (out.size() > MAX_WORDS) {
            throw new ExpansionError("bash: brace expansion: too many words (limit " + MAX_WORDS + ")");
        }
        int open = -1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"' || c == '`' || (c == '$' && i + 1 < word.length()
                    && (word.charAt(i + 1) == '(' || word.charAt(i + 1) == '{'))) {
                i = Syntax.skip(word, i) - 1;
            } else if (c == '{') {
                List<String> parts = new ArrayList<>();
                int close = close(word, i, parts);
                if (close > 0) {
                    open = i;
                    String prefix = word.substring(0, open);
                    String suffix = word.substring(close + 1);
                    List<String> items = parts.size() > 1 ? parts : sequence(parts.get(0));
                    if (items == null) {
                        continue;
                    }
                    for (String item : items) {
                        expand(prefix + item + suffix, out);
                    }
                    return;
                }
            }
        }
        out.add(word);
    }

    /** The index of the brace closing the one at {@code open}, its comma-separated parts in {@code parts}. */
    private static int close(String word, int open, List<String> parts) {
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"' || c == '`' || c == '$') {
                i = Syntax.skip(word, i) - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(word.substring(start, i));
                start = i + 1;
            } else if (c == '}') {
                parts.add(word.substring(start, i));
                return parts.size() > 1 || parts.get(0).contains("..") ? i : -1;
            }
        }
        return -1;
    }

    private static List<String> sequence(String range) {
        String[] ends = RANGE.split(range, -1);
        if (ends.length < 2 || ends.length > 3) {
            return null;
        }
        try {
            long from = Long.parseLong(ends[0]);
            long to = Long.parseLong(ends[1]);
            long step = ends.length == 3 ? Math.abs(Long.parseLong(ends[2])) : 1;
            step = step == 0 ? 1 : step;
            if (Math.abs(to - from) / step > MAX_WORDS) {
                throw new ExpansionError("bash: brace expansion: too many words (limit " + MAX_WORDS + ")");
            }
            List<String> out = new ArrayList<>();
            for (long v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
                out.add(Long.toString(v));
            }
            return out;
        } catch (NumberFormatException e) {
            if (ends.length == 2 && ends[0].length() == 1 && ends[1].length() == 1) {
                char a = ends[0].charAt(0);
                char b = ends[1].charAt(0);
                List<String> out = new ArrayList<>();
                for (char c = a; a <= b ? c <= b : c >= b; c += a <= b ? 1 : -1) {
                    out.add(String.valueOf(c));
                }
                return out;
            }
            return null;
        }
    }
}
