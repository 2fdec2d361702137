package io.kubelab.runtime.image.shell;

import java.util.Map;

/** {@code $(( ... ))}: integer arithmetic with C precedence, variables by name, assignments. */
final class Arithmetic {

    static final class ArithmeticError extends RuntimeException {
        ArithmeticError(String message) {
            super(message);
        }
    }

    private final String s;
    private final Map<String, String> vars;
    private int pos;

    private Arithmetic(String s, Map<String, String> vars) {
        this.s = s;
        this.vars = vars;
    }

    static long evaluate(String expression, Map<String, String> vars) {
        Arithmetic a = new Arithmetic(expression, vars);
        a.blank();
        if (a.pos >= a.s.length()) {
            return 0;
        }
        long v = a.expr(0);
        a.blank();
        if (a.pos < a.s.length()) {
            throw new ArithmeticError("arithmetic syntax error");
        }
        return v;
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"},
    };

    private long expr(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        long left = expr(level + 1);
        while (true) {
            blank();
            String op = match(LEVELS[level]);
            if (op == null) {
                return left;
            }
            long right = expr(level + 1);
            left = apply(op, left, right);
        }
    }

    private String match(String[] ops) {
        for (String op : ops) {
            if (s.startsWith(op, pos)) {
                String rest = s.substring(pos + op.length());
                boolean doubled = op.length() == 1 && !rest.isEmpty() && "|&<>=".indexOf(op.charAt(0)) >= 0
                        && (rest.charAt(0) == op.charAt(0) || rest.charAt(0) == '=');
                if (doubled) {
                    continue;
                }
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    private static long apply(String op, long a, long b) {
        return switch (op) {
            case "||" -> (a != 0 || b != 0) ? 1 : 0;
            case "&&" -> (a != 0 && b != 0) ? 1 : 0;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "&" -> a & b;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "<" -> a < b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    throw new ArithmeticError("divide by zero");
                }
                yield op.equals("/") ? a / b : a % b;
            }
            default -> throw new ArithmeticError("arithmetic syntax error");
        };
    }

    private long unary() {
        blank();
        if (pos >= s.length()) {
            throw new ArithmeticError("arithmetic syntax error");
        }
        char c = s.charAt(pos);
        if (c == '-' || c == '+' || c == '!' || c == '~') {
            pos++;
            long v = unary();
            return switch (c) {
                case '-' -> -v;
                case '!' -> v == 0 ? 1 : 0;
                case '~' -> ~v;
                default -> v;
            };
        }
        if (c == '(') {
            pos++;
            long v = expr(0);
            blank();
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw new ArithmeticError("arithmetic syntax error");
            }
            pos++;
            return v;
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            String n = s.substring(start, pos);
            try {
                if (n.startsWith("0x") || n.startsWith("0X")) {
                    return Long.parseLong(n.substring(2), 16);
                }
                return n.length() > 1 && n.startsWith("0") ? Long.parseLong(n, 8) : Long.parseLong(n);
            } catch (NumberFormatException e) {
                throw new ArithmeticError("arithmetic syntax error");
            }
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            if (c == '$') {
                pos++;
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String name = s.substring(start, pos);
            blank();
            if (s.startsWith("++", pos) || s.startsWith("--", pos)) {
                long old = value(name);
                vars.put(name, Long.toString(s.charAt(pos) == '+' ? old + 1 : old - 1));
                pos += 2;
                return old;
            }
            for (String op : new String[] {"+=", "-=", "*=", "/=", "%="}) {
                if (s.startsWith(op, pos)) {
                    pos += 2;
                    long v = apply(op.substring(0, 1), value(name), expr(0));
                    vars.put(name, Long.toString(v));
                    return v;
                }
            }
            if (pos < s.length() && s.charAt(pos) == '=' && !s.startsWith("==", pos)) {
                pos++;
                long v = expr(0);
                vars.put(name, Long.toString(v));
                return v;
            }
            return value(name);
        }
        throw new ArithmeticError("arithmetic syntax error");
    }

    private long value(String name) {
        String v = vars.getOrDefault(name, "").strip();
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return evaluate(v, vars);
        }
    }

    private void blank() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
