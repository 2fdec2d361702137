package io.kubelab.shell;

/** {@code $((...))}: bash's integer arithmetic (64-bit, C precedence) over numbers and variables. */
final class Arithmetic {

    private final String expr;
    private final Expander.Context context;
    private int at;
    private int depth;

    private Arithmetic(String expr, Expander.Context context) {
        this.expr = expr;
        this.context = context;
    }

    static String evaluate(String expr, Expander.Context context) {
        if (expr.isBlank()) {
            return "0";
        }
        Arithmetic a = new Arithmetic(expr, context);
        long v = a.binary(0);
        a.blanks();
        if (a.at < expr.length()) {
            throw a.error("syntax error in expression", expr.substring(a.at));
        }
        return Long.toString(v);
    }

    /** Nested parentheses accepted (bash allows 1024; a worker thread's stack needs a lower bound). */
    private static final int MAX_DEPTH = 64;

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"},
    };

    private long binary(int level) {
        if (level == LEVELS.length) {
            return power();
        }
        long left = binary(level + 1);
        while (true) {
            blanks();
            String op = null;
            for (String candidate : LEVELS[level]) {
                if (expr.startsWith(candidate, at) && !doubled(candidate)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                return left;
            }
            at += op.length();
            int rightStart = at;
            long right = binary(level + 1);
            left = switch (op) {
                case "||" -> (left != 0 || right != 0) ? 1 : 0;
                case "&&" -> (left != 0 && right != 0) ? 1 : 0;
                case "|" -> left | right;
                case "^" -> left ^ right;
                case "&" -> left & right;
                case "==" -> left == right ? 1 : 0;
                case "!=" -> left != right ? 1 : 0;
                case "<=" -> left <= right ? 1 : 0;
                case ">=" -> left >= right ? 1 : 0;
                case "<" -> left < right ? 1 : 0;
                case ">" -> left > right ? 1 : 0;
                case "<<" -> left << right;
                case ">>" -> left >> right;
                case "+" -> left + right;
                case "-" -> left - right;
                case "*" -> left * right;
                default -> {
                    if (right == 0) {
                        throw error("division by 0", expr.substring(rightStart).strip());
                    }
                    yield op.equals("/") ? left / right : left % right;
                }
            };
        }
    }

    /** A one-character operator that is really the start of a two-character one ({@code |} of {@code ||}). */
    private boolean doubled(String op) {
        if (op.length() != 1 || at + 1 >= expr.length()) {
            return false;
        }
        char next = expr.charAt(at + 1);
        char c = op.charAt(0);
        return (c == '|' || c == '&' || c == '<' || c == '>' || c == '*') && next == c
                || ((c == '<' || c == '>') && next == '=');
    }

    private long power() {
        long base = unary();
        blanks();
        if (expr.startsWith("**", at)) {
            at += 2;
            long exp = power();
            long v = 1;
            for (long i = 0; i < Math.min(exp, 64); i++) {
                v *= base;
            }
            return v;
        }
        return base;
    }

    private long unary() {
        blanks();
        if (at >= expr.length()) {
            throw error("syntax error: operand expected", "");
        }
        char c = expr.charAt(at);
        if (c == '-' || c == '+' || c == '!' || c == '~') {
            at++;
            long v = unary();
            return c == '-' ? -v : c == '+' ? v : c == '!' ? (v == 0 ? 1 : 0) : ~v;
        }
        if (c == '(') {
            if (++depth > MAX_DEPTH) {
                throw error("expression recursion level exceeded", expr.substring(at));
            }
            at++;
            long v = binary(0);
            blanks();
            if (at >= expr.length() || expr.charAt(at) != ')') {
                throw error("missing `)'", expr.substring(Math.min(at, expr.length())));
            }
            at++;
            return v;
        }
        int start = at;
        if (Character.isDigit(c)) {
            while (at < expr.length() && Character.isLetterOrDigit(expr.charAt(at))) {
                at++;
            }
            String digits = expr.substring(start, at);
            try {
                return digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16)
                        : digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits, 8)
                        : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("value too great for base", digits);
            }
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < expr.length() && (Character.isLetterOrDigit(expr.charAt(at)) || expr.charAt(at) == '_')) {
                at++;
            }
            String value = context.variable(expr.substring(start, at));
            if (value == null || value.isBlank()) {
                return 0;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        throw error("syntax error: operand expected", expr.substring(at));
    }

    private void blanks() {
        while (at < expr.length() && Character.isWhitespace(expr.charAt(at))) {
            at++;
        }
    }

    private ExpansionError error(String what, String token) {
        return new ExpansionError("bash: " + expr + ": " + what + " (error token is \"" + token + "\")");
    }
}
