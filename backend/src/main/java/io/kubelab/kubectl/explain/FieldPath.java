package io.kubelab.kubectl.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of client-go's JSONPath parser ({@code util/jsonpath/parser.go}) that kubectl explain runs its
 * argument through as {@code {.ARG}}: the nodes of the one action, of which explain accepts only fields. Other
 * nodes (indexes, numbers, quoted text, wildcards) are kept as {@link Kind#OTHER} so that explain rejects them
 * where kubectl does; syntax errors carry the parser's messages.
 */
final class FieldPath {

    enum Kind { FIELD, RECURSIVE, OTHER }

    record Node(Kind kind, String value) {
    }

    /** The action's nodes, or the parser's error. */
    record Parsed(List<Node> nodes, String error) {
    }

    private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
    private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");

    private final String input;
    private final List<Node> nodes = new ArrayList<>();
    private int pos;

    private FieldPath(String input) {
        this.input = input;
    }

    /** Parses {@code {.in}}, as kubectl's {@code jsonPathParse} does after dropping one trailing dot. */
    static Parsed parse(String in) {
        String trimmed = in.endsWith(".") ? in.substring(0, in.length() - 1) : in;
        FieldPath parser = new FieldPath("{." + trimmed + "}");
        parser.pos = 1;
        String error = parser.insideAction();
        return error != null ? new Parsed(List.of(), error) : new Parsed(List.copyOf(parser.nodes), null);
    }

    /** Returns null once the action is closed with nothing after it; otherwise the error. */
    private String insideAction() {
        while (true) {
            if (input.startsWith("}", pos)) {
                // Text or another action after the closing brace makes a second node list.
                return pos + 1 < input.length() ? "must pass in 1 jsonpath string" : null;
            }
            if (input.startsWith("[?(", pos)) {
                int end = input.indexOf(")]", pos);
                if (end < 0) {
                    return "unterminated filter";
                }
                nodes.add(new Node(Kind.OTHER, input.substring(pos, end + 2)));
                pos = end + 2;
                continue;
            }
            if (input.startsWith("..", pos)) {
                if (!nodes.isEmpty() && nodes.get(nodes.size() - 1).kind() == Kind.RECURSIVE) {
                    return "invalid multiple recursive descent";
                }
                pos += 2;
                nodes.add(new Node(Kind.RECURSIVE, ""));
                if (pos < input.length() && alphaNumeric(input.codePointAt(pos))) {
                    field();
                }
                continue;
            }
            if (pos >= input.length()) {
                return "unclosed action";
            }
            int r = input.codePointAt(pos);
            pos += Character.charCount(r);
            if (r == '\r' || r == '\n') {
                return "unclosed action";
            } else if (r == ' ' || r == '@' || r == '$') {
                continue;
            } else if (r == '[') {
                String error = array();
                if (error != null) {
                    return error;
                }
            } else if (r == '"' || r == '\'') {
                String error = quote(r);
                if (error != null) {
                    return error;
                }
            } else if (r == '.') {
                field();
            } else if (r == '+' || r == '-' || Character.isDigit(r) || alphaNumeric(r)) {
                int start = pos - Character.charCount(r);
                while (pos < input.length() && !terminator(input.codePointAt(pos))) {
                    pos += Character.charCount(input.codePointAt(pos));
                }
                nodes.add(new Node(Kind.OTHER, input.substring(start, pos)));
            } else {
                return String.format("unrecognized character in action: U+%04X '%s'", r, Character.toString(r));
            }
        }
    }

    private void field() {
        StringBuilder value = new StringBuilder();
        while (pos < input.length()) {
            int r = input.codePointAt(pos);
            if (r == '\\') {
                pos++;
                if (pos < input.length()) {
                    value.appendCodePoint(input.codePointAt(pos));
                    pos += Character.charCount(input.codePointAt(pos));
                }
                continue;
            }
            if (terminator(r)) {
                break;
            }
            value.appendCodePoint(r);
            pos += Character.charCount(r);
        }
        String text = value.toString();
        nodes.add(new Node(text.equals("*") ? Kind.OTHER : Kind.FIELD, text));
    }

    private String array() {
        int start = pos;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                return "unterminated array";
            }
            if (input.charAt(pos++) == ']') {
                break;
            }
        }
        String text = input.substring(start, pos - 1);
        if (text.contains(",")) {
            nodes.add(new Node(Kind.OTHER, text));
            return null;
        }
        Matcher key = DICT_KEY.matcher(text);
        if (key.matches()) {
            // ['a.b'] is parsed again as the fields .a.b
            Parsed inner = parse(key.group(1));
            if (inner.error() != null) {
                return inner.error();
            }
            nodes.addAll(inner.nodes());
            return null;
        }
        if (!text.equals("*") && !SLICE.matcher(text).matches()) {
            return "invalid array index " + text;
        }
        nodes.add(new Node(Kind.OTHER, text));
        return null;
    }

    private String quote(int end) {
        int start = pos - 1;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                return "unterminated quoted string";
            }
            char c = input.charAt(pos++);
            if (c == end && input.charAt(pos - 2) != '\\') {
                break;
            }
        }
        nodes.add(new Node(Kind.OTHER, input.substring(start, pos)));
        return null;
    }

    private static boolean terminator(int r) {
        return switch (r) {
            case ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}' -> true;
            default -> false;
        };
    }

    private static boolean alphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }
}
