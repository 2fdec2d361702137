package io.kubelab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A label selector in Kubernetes' string syntax ({@code app=web,tier in (a,b),!legacy,env}), parsed with
 * apimachinery's grammar and error messages so that a bad {@code -l} fails exactly as it does there.
 */
public final class LabelSelector {

    public enum Operator {
        EQUALS("="), DOUBLE_EQUALS("=="), NOT_EQUALS("!="), IN("in"), NOT_IN("notin"), EXISTS("exists"),
        DOES_NOT_EXIST("!"), GREATER_THAN("gt"), LESS_THAN("lt");

        final String word;

        Operator(String word) {
            this.word = word;
        }
    }

    /** One requirement; {@code values} sorted and without repeats, as Kubernetes keeps them. */
    public record Requirement(String key, Operator operator, List<String> values) {

        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, DOUBLE_EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
                case GREATER_THAN, LESS_THAN -> compareNumbers(value);
            };
        }

        private boolean compareNumbers(String value) {
            if (value == null) {
                return false;
            }
            try {
                long have = Long.parseLong(value);
                long want = Long.parseLong(values.get(0));
                return operator == Operator.GREATER_THAN ? have > want : have < want;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            String joined = String.join(",", values);
            return switch (operator) {
                case EQUALS -> key + "=" + joined;
                case DOUBLE_EQUALS -> key + "==" + joined;
                case NOT_EQUALS -> key + "!=" + joined;
                case IN -> key + " in (" + joined + ")";
                case NOT_IN -> key + " notin (" + joined + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
                case GREATER_THAN -> key + ">" + joined;
                case LESS_THAN -> key + "<" + joined;
            };
        }
    }

    /** A selector that cannot be parsed; the message is apimachinery's. */
    public static final class ParseException extends IllegalArgumentException {
        public ParseException(String message) {
            super(message);
        }
    }

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    public static LabelSelector parse(String selector) {
        List<Requirement> parsed = new Parser(selector).parse();
        List<Requirement> sorted = new ArrayList<>(parsed);
        sorted.sort(Comparator.comparing(Requirement::key));
        return new LabelSelector(sorted);
    }

    /** The selector a workload's {@code matchLabels} map stands for. */
    public static LabelSelector ofEquals(Map<String, String> labels) {
        List<Requirement> reqs = new ArrayList<>();
        labels.forEach((k, v) -> reqs.add(new Requirement(k, Operator.EQUALS, List.of(v))));
        reqs.sort(Comparator.comparing(Requirement::key));
        return new LabelSelector(reqs);
    }

    /**
     * A workload's {@code metav1.LabelSelector} ({@code matchLabels} and {@code matchExpressions}) as a
     * selector, as {@code LabelSelectorAsSelector} converts it; an empty or absent one selects everything.
     */
    public static LabelSelector fromJson(com.fasterxml.jackson.databind.JsonNode selector) {
        List<Requirement> reqs = new ArrayList<>();
        selector.path("matchLabels").properties().forEach(e ->
                reqs.add(new Requirement(e.getKey(), Operator.EQUALS, List.of(e.getValue().asText()))));
        for (com.fasterxml.jackson.databind.JsonNode expression : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            values.sort(Comparator.naturalOrder());
            Operator operator = switch (expression.path("operator").asText()) {
                case "In" -> Operator.IN;
                case "NotIn" -> Operator.NOT_IN;
                case "Exists" -> Operator.EXISTS;
                case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
                default -> throw new ParseException("\"" + expression.path("operator").asText()
                        + "\" is not a valid label selector operator");
            };
            reqs.add(new Requirement(expression.path("key").asText(), operator, List.copyOf(values)));
        }
        reqs.sort(Comparator.comparing(Requirement::key));
        return new LabelSelector(reqs);
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join(",", requirements.stream().map(Requirement::toString).toList());
    }

    private enum Token {
        ERROR, END, CLOSE_PAREN, COMMA, NOT, DOUBLE_EQUALS, EQUALS, GREATER, IDENTIFIER, IN, LESS, NOT_EQUALS,
        NOT_IN, OPEN_PAREN
    }

    private record Item(Token token, String literal) {
    }

    private static Token keyword(String s) {
        return switch (s) {
            case ")" -> Token.CLOSE_PAREN;
            case "," -> Token.COMMA;
            case "!" -> Token.NOT;
            case "==" -> Token.DOUBLE_EQUALS;
            case "=" -> Token.EQUALS;
            case ">" -> Token.GREATER;
            case "in" -> Token.IN;
            case "<" -> Token.LESS;
            case "!=" -> Token.NOT_EQUALS;
            case "notin" -> Token.NOT_IN;
            case "(" -> Token.OPEN_PAREN;
            default -> null;
        };
    }

    private static final class Parser {
        private final List<Item> items = new ArrayList<>();
        private int position;

        Parser(String s) {
            Lexer lexer = new Lexer(s);
            Item item;
            do {
                item = lexer.next();
                items.add(item);
            } while (item.token() != Token.END);
        }

        /** In value position, the words "in" and "notin" are plain identifiers. */
        private Item lookahead(boolean values) {
            return asContext(items.get(position), values);
        }

        private Item consume(boolean values) {
            return asContext(items.get(position++), values);
        }

        private static Item asContext(Item item, boolean values) {
            if (values && (item.token() == Token.IN || item.token() == Token.NOT_IN)) {
                return new Item(Token.IDENTIFIER, item.literal());
            }
            return item;
        }

        List<Requirement> parse() {
            List<Requirement> reqs = new ArrayList<>();
            while (true) {
                Item next = lookahead(true);
                switch (next.token()) {
                    case IDENTIFIER, NOT -> {
                        try {
                            reqs.add(requirement());
                        } catch (ParseException e) {
                            throw new ParseException("unable to parse requirement: " + e.getMessage());
                        }
                        Item after = consume(true);
                        switch (after.token()) {
                            case END -> {
                                return reqs;
                            }
                            case COMMA -> {
                                Item t2 = lookahead(true);
                                if (t2.token() != Token.IDENTIFIER && t2.token() != Token.NOT) {
                                    throw new ParseException("found '" + t2.literal() + "', expected: identifier after ','");
                                }
                            }
                            default -> throw new ParseException("found '" + after.literal()
                                    + "', expected: ',' or 'end of string'");
                        }
                    }
                    case END -> {
                        return reqs;
                    }
                    default -> throw new ParseException("found '" + next.literal()
                            + "', expected: !, identifier, or 'end of string'");
                }
            }
        }

        private Requirement requirement() {
            Operator operator = null;
            Item item = consume(true);
            if (item.token() == Token.NOT) {
                operator = Operator.DOES_NOT_EXIST;
                item = consume(true);
            }
            if (item.token() != Token.IDENTIFIER) {
                throw new ParseException("found '" + item.literal() + "', expected: identifier");
            }
            String key = item.literal();
            List<String> keyErrors = NameValidation.qualifiedName(key);
            if (!keyErrors.isEmpty()) {
                throw new ParseException(FieldErrors.invalid(null, key, String.join("; ", keyErrors)));
            }
            Token following = lookahead(true).token();
            if (operator == Operator.DOES_NOT_EXIST) {
                // Whatever follows "!key" is for the caller: "!a=b" fails there, at '='.
                return build(key, Operator.DOES_NOT_EXIST, List.of());
            }
            if (following == Token.END || following == Token.COMMA) {
                return build(key, Operator.EXISTS, List.of());
            }
            operator = operator();
            TreeSet<String> values = switch (operator) {
                case IN, NOT_IN -> valueSet();
                default -> exactValue();
            };
            return build(key, operator, new ArrayList<>(values));
        }

        private Operator operator() {
            Item item = consume(false);
            return switch (item.token()) {
                case IN -> Operator.IN;
                case EQUALS -> Operator.EQUALS;
                case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
                case GREATER -> Operator.GREATER_THAN;
                case LESS -> Operator.LESS_THAN;
                case NOT_IN -> Operator.NOT_IN;
                case NOT_EQUALS -> Operator.NOT_EQUALS;
                default -> throw new ParseException("found '" + item.literal()
                        + "', expected: in, notin, =, ==, !=, gt, lt");
            };
        }

        private TreeSet<String> valueSet() {
            Item item = consume(true);
            if (item.token() != Token.OPEN_PAREN) {
                throw new ParseException("found '" + item.literal() + "' expected: '('");
            }
            Item next = lookahead(true);
            switch (next.token()) {
                case IDENTIFIER, COMMA -> {
                    TreeSet<String> values = identifiers();
                    if (consume(true).token() != Token.CLOSE_PAREN) {
                        throw new ParseException("found '" + next.literal() + "', expected: ')'");
                    }
                    return values;
                }
                case CLOSE_PAREN -> {
                    consume(true);
                    TreeSet<String> empty = new TreeSet<>();
                    empty.add("");
                    return empty;
                }
                default -> throw new ParseException("found '" + next.literal() + "', expected: ',', ')' or identifier");
            }
        }

        private TreeSet<String> identifiers() {
            TreeSet<String> values = new TreeSet<>();
            while (true) {
                Item item = consume(true);
                switch (item.token()) {
                    case IDENTIFIER -> {
                        values.add(item.literal());
                        Item t2 = lookahead(true);
                        if (t2.token() == Token.CLOSE_PAREN) {
                            return values;
                        }
                        if (t2.token() != Token.COMMA) {
                            throw new ParseException("found '" + t2.literal() + "', expected: ',' or ')'");
                        }
                    }
                    case COMMA -> {
                        if (values.isEmpty()) {
                            values.add("");
                        }
                        Token t2 = lookahead(true).token();
                        if (t2 == Token.CLOSE_PAREN) {
                            values.add("");
                            return values;
                        }
                        if (t2 == Token.COMMA) {
                            values.add("");
                        }
                    }
                    default -> throw new ParseException("found '" + item.literal() + "', expected: ',', or identifier");
                }
            }
        }

        private TreeSet<String> exactValue() {
            TreeSet<String> values = new TreeSet<>();
            Token t = lookahead(true).token();
            if (t == Token.END || t == Token.COMMA) {
                values.add("");
                return values;
            }
            Item item = consume(true);
            if (item.token() == Token.IDENTIFIER) {
                values.add(item.literal());
                return values;
            }
            throw new ParseException("found '" + item.literal() + "', expected: identifier");
        }

        /** apimachinery's NewRequirement checks, with its field paths. */
        private static Requirement build(String key, Operator operator, List<String> values) {
            List<String> errs = new ArrayList<>();
            switch (operator) {
                case GREATER_THAN, LESS_THAN -> {
                    for (int i = 0; i < values.size(); i++) {
                        try {
                            Long.parseLong(values.get(i));
                        } catch (NumberFormatException e) {
                            errs.add(FieldErrors.invalid("values[" + i + "]", values.get(i),
                                    "for 'Gt', 'Lt' operators, the value must be an integer"));
                        }
                    }
                }
                default -> {
                }
            }
            for (int i = 0; i < values.size(); i++) {
                List<String> valueErrors = NameValidation.labelValue(values.get(i));
                if (!valueErrors.isEmpty()) {
                    errs.add(FieldErrors.invalid("values[" + i + "][" + key + "]", values.get(i),
                            String.join("; ", valueErrors)));
                }
            }
            if (!errs.isEmpty()) {
                throw new ParseException(FieldErrors.aggregate(errs));
            }
            return new Requirement(key, operator, List.copyOf(values));
        }
    }

    private static final class Lexer {
        private final String s;
        private int pos;

        Lexer(String s) {
            this.s = s;
        }

        private static boolean whitespace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static boolean special(char c) {
            return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
        }

        Item next() {
            while (pos < s.length() && whitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos >= s.length()) {
                return new Item(Token.END, "");
            }
            return special(s.charAt(pos)) ? symbol() : word();
        }

        private Item word() {
            int start = pos;
            while (pos < s.length() && !special(s.charAt(pos)) && !whitespace(s.charAt(pos))) {
                pos++;
            }
            String w = s.substring(start, pos);
            Token t = keyword(w);
            return new Item(t == null ? Token.IDENTIFIER : t, w);
        }

        /** The longest run of symbol characters that still forms an operator. */
        private Item symbol() {
            int start = pos;
            Item last = null;
            while (pos < s.length() && special(s.charAt(pos))) {
                String candidate = s.substring(start, pos + 1);
                Token t = keyword(candidate);
                if (t != null) {
                    last = new Item(t, candidate);
                } else if (last != null) {
                    break;
                }
                pos++;
            }
            if (last == null) {
                return new Item(Token.ERROR, "error expected: keyword found '" + s.substring(start, pos) + "'");
            }
            pos = start + last.literal().length();
            return last;
        }
    }
}
