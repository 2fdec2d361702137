package io.kubelab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A field selector ({@code metadata.name=web,status.phase!=Running}) parsed as apimachinery's
 * {@code fields.ParseSelector} does: terms split at unescaped commas, sorted, values unescaped
 * ({@code \\ \, \=}). Which fields a kind supports is the API server's business, not this class's.
 */
public final class FieldSelector {

    /** One term: the field must (or must not) equal the value. */
    public record Term(String field, boolean equals, String value) {
        @Override
        public String toString() {
            return field + (equals ? "=" : "!=") + value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
        }
    }

    public static final class ParseException extends IllegalArgumentException {
        public ParseException(String message) {
            super(message);
        }
    }

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    public static FieldSelector parse(String selector) {
        List<String> parts = splitTerms(selector);
        Collections.sort(parts);
        List<Term> terms = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            int at = -1;
            String op = null;
            for (int i = 0; i < part.length() && op == null; i++) {
                for (String candidate : new String[]{"!=", "==", "="}) {
                    if (part.startsWith(candidate, i)) {
                        at = i;
                        op = candidate;
                        break;
                    }
                }
            }
            if (op == null) {
                throw new ParseException("invalid selector: '" + selector + "'; can't understand '" + part + "'");
            }
            String value = unescape(part.substring(at + op.length()));
            terms.add(new Term(part.substring(0, at), !op.equals("!="), value));
        }
        return new FieldSelector(terms);
    }

    public List<Term> terms() {
        return terms;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether an object with these field values is selected; a field it lacks counts as empty. */
    public boolean matches(Map<String, String> fields) {
        for (Term term : terms) {
            boolean same = fields.getOrDefault(term.field(), "").equals(term.value());
            if (same != term.equals()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join(",", terms.stream().map(Term::toString).toList());
    }

    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean slash = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (slash) {
                slash = false;
            } else if (c == '\\') {
                slash = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        boolean slash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (slash) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new ParseException("invalid field selector: invalid escape sequence: \\" + c);
                }
                out.append(c);
                slash = false;
            } else if (c == '\\') {
                slash = true;
            } else if (c == ',' || c == '=') {
                // Go prints the rune with %v: its number.
                throw new ParseException("invalid field selector: unescaped character in value: " + (int) c);
            } else {
                out.append(c);
            }
        }
        if (slash) {
            throw new ParseException("invalid field selector: invalid escape sequence: \\");
        }
        return out.toString();
    }
}
