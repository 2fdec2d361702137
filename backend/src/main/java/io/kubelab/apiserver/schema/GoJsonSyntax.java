package io.kubelab.apiserver.schema;

import java.util.Optional;

/**
 * The syntax error Go's {@code encoding/json} reports for a malformed document, word for word
 * ({@code invalid character 'n' looking for beginning of object key string}, {@code unexpected end of JSON
 * input}): kube-apiserver passes these messages on in its 400s. A state machine after Go's scanner.
 */
public final class GoJsonSyntax {

    private enum State {
        BEGIN_VALUE, BEGIN_VALUE_OR_EMPTY, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, END_VALUE, END_TOP,
        IN_STRING, IN_STRING_ESC, ESC_U1, ESC_U2, ESC_U3, ESC_U4, NEG, ONE, ZERO, DOT, DOT0, E, E_SIGN, E0,
        LITERAL
    }

    private static final byte OBJECT_KEY = 0;
    private static final byte OBJECT_VALUE = 1;
    private static final byte ARRAY_VALUE = 2;

    private final byte[] data;
    private byte[] stack = new byte[16];
    private int depth;
    private State state = State.BEGIN_VALUE;
    /** The rest of a literal being read (true, false, null) and the whole literal, for the message. */
    private String literal = "";
    private int literalAt;
    private String error;

    private GoJsonSyntax(byte[] data) {
        this.data = data;
    }

    /** Go's error for {@code json}, or empty when it is well-formed JSON. */
    public static Optional<String> error(byte[] json) {
        return Optional.ofNullable(new GoJsonSyntax(json).scan());
    }

    private String scan() {
        for (byte b : data) {
            step(b & 0xff);
            if (error != null) {
                return error;
            }
        }
        if (state == State.END_TOP) {
            return null;
        }
        // Go's eof() steps one space: a complete number ends there; an unfinished literal fails on it.
        step(' ');
        if (error != null) {
            return error;
        }
        return state == State.END_TOP ? null : "unexpected end of JSON input";
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private void push(byte kind) {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = kind;
    }

    private void step(int c) {
        switch (state) {
            case BEGIN_VALUE_OR_EMPTY -> {
                if (space(c)) {
                    return;
                }
                if (c == ']') {
                    endValue(c);
                } else {
                    beginValue(c);
                }
            }
            case BEGIN_VALUE -> beginValue(c);
            case BEGIN_STRING_OR_EMPTY -> {
                if (space(c)) {
                    return;
                }
                if (c == '}') {
                    stack[depth - 1] = OBJECT_VALUE;
                    endValue(c);
                } else {
                    beginString(c);
                }
            }
            case BEGIN_STRING -> beginString(c);
            case END_VALUE -> endValue(c);
            case END_TOP -> {
                if (!space(c)) {
                    fail(c, "after top-level value");
                }
            }
            case IN_STRING -> {
                if (c == '"') {
                    state = State.END_VALUE;
                } else if (c == '\\') {
                    state = State.IN_STRING_ESC;
                } else if (c < 0x20) {
                    fail(c, "in string literal");
                }
            }
            case IN_STRING_ESC -> {
                if ("bfnrt\\/\"".indexOf(c) >= 0) {
                    state = State.IN_STRING;
                } else if (c == 'u') {
                    state = State.ESC_U1;
                } else {
                    fail(c, "in string escape code");
                }
            }
            case ESC_U1, ESC_U2, ESC_U3, ESC_U4 -> {
                if (!(digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    fail(c, "in \\u hexadecimal character escape");
                } else {
                    state = switch (state) {
                        case ESC_U1 -> State.ESC_U2;
                        case ESC_U2 -> State.ESC_U3;
                        case ESC_U3 -> State.ESC_U4;
                        default -> State.IN_STRING;
                    };
                }
            }
            case NEG -> {
                if (c == '0') {
                    state = State.ZERO;
                } else if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    fail(c, "in numeric literal");
                }
            }
            case ONE -> {
                if (!digit(c)) {
                    zero(c);
                }
            }
            case ZERO -> zero(c);
            case DOT -> {
                if (digit(c)) {
                    state = State.DOT0;
                } else {
                    fail(c, "after decimal point in numeric literal");
                }
            }
            case DOT0 -> {
                if (c == 'e' || c == 'E') {
                    state = State.E;
                } else if (!digit(c)) {
                    endValue(c);
                }
            }
            case E -> {
                if (c == '+' || c == '-') {
                    state = State.E_SIGN;
                } else {
                    eSign(c);
                }
            }
            case E_SIGN -> eSign(c);
            case E0 -> {
                if (!digit(c)) {
                    endValue(c);
                }
            }
            case LITERAL -> {
                char expected = literal.charAt(literalAt);
                if (c != expected) {
                    fail(c, "in literal " + literal + " (expecting " + quote(expected) + ")");
                } else if (++literalAt == literal.length()) {
                    state = State.END_VALUE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void zero(int c) {
        if (c == '.') {
            state = State.DOT;
        } else if (c == 'e' || c == 'E') {
            state = State.E;
        } else {
            endValue(c);
        }
    }

    private void eSign(int c) {
        if (digit(c)) {
            state = State.E0;
        } else {
            fail(c, "in exponent of numeric literal");
        }
    }

    private void beginValue(int c) {
        if (space(c)) {
            return;
        }
        switch (c) {
            case '{' -> {
                push(OBJECT_KEY);
                state = State.BEGIN_STRING_OR_EMPTY;
            }
            case '[' -> {
                push(ARRAY_VALUE);
                state = State.BEGIN_VALUE_OR_EMPTY;
            }
            case '"' -> state = State.IN_STRING;
            case '-' -> state = State.NEG;
            case '0' -> state = State.ZERO;
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    fail(c, "looking for beginning of value");
                }
            }
        }
    }

    private void literal(String word) {
        literal = word;
        literalAt = 1;
        state = State.LITERAL;
    }

    private void beginString(int c) {
        if (space(c)) {
            return;
        }
        if (c == '"') {
            state = State.IN_STRING;
        } else {
            fail(c, "looking for beginning of object key string");
        }
    }

    private void endValue(int c) {
        if (depth == 0) {
            state = State.END_TOP;
            step(c);
            return;
        }
        if (space(c)) {
            state = State.END_VALUE;
            return;
        }
        switch (stack[depth - 1]) {
            case OBJECT_KEY -> {
                if (c == ':') {
                    stack[depth - 1] = OBJECT_VALUE;
                    state = State.BEGIN_VALUE;
                } else {
                    fail(c, "after object key");
                }
            }
            case OBJECT_VALUE -> {
                if (c == ',') {
                    stack[depth - 1] = OBJECT_KEY;
                    state = State.BEGIN_STRING;
                } else if (c == '}') {
                    depth--;
                    state = depth == 0 ? State.END_TOP : State.END_VALUE;
                } else {
                    fail(c, "after object key:value pair");
                }
            }
            default -> {
                if (c == ',') {
                    state = State.BEGIN_VALUE;
                } else if (c == ']') {
                    depth--;
                    state = depth == 0 ? State.END_TOP : State.END_VALUE;
                } else {
                    fail(c, "after array element");
                }
            }
        }
    }

    private void fail(int c, String context) {
        if (error == null) {
            error = "invalid character " + quote(c) + " " + context;
        }
    }

    /** Go's {@code quoteChar}: the byte as a rune in single quotes, escaped as strconv.Quote escapes it. */
    static String quote(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String inner = switch (c) {
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 11 -> "\\v";
            case '\\' -> "\\\\";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                    : c >= 0x80 && (c < 0xa0 || c == 0xad) ? String.format("\\u%04x", c)
                    : String.valueOf((char) c);
        };
        return "'" + inner + "'";
    }
}
