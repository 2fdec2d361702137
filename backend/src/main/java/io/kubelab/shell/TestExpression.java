package io.kubelab.shell;

import java.util.List;

/** {@code test} and {@code [}: file checks, string and integer comparisons, {@code !}, {@code -a}, {@code -o}. */
final class TestExpression {

    private final Shell shell;
    private final List<String> args;
    private final String name;
    private int at;

    private TestExpression(Shell shell, List<String> args, String name) {
        this.shell = shell;
        this.args = args;
        this.name = name;
    }

    /** Signals bash's "test: ..." error, status 2. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static CommandResult run(Shell shell, List<String> args, String name) {
        List<String> operands = args;
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                return CommandResult.failure("bash: [: missing `]'\n", 2);
            }
            operands = args.subList(0, args.size() - 1);
        }
        if (operands.isEmpty()) {
            return CommandResult.failure("", 1);
        }
        TestExpression t = new TestExpression(shell, operands, name);
        try {
            boolean value = t.or();
            if (t.at < operands.size()) {
                throw new Invalid(operands.get(t.at) + ": unexpected operator");
            }
            return CommandResult.failure("", value ? 0 : 1);
        } catch (Invalid e) {
            return CommandResult.failure("bash: " + name + ": " + e.getMessage() + "\n", 2);
        }
    }

    private boolean or() {
        boolean v = and();
        while (at < args.size() && args.get(at).equals("-o")) {
            at++;
            v |= and();
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (at < args.size() && args.get(at).equals("-a")) {
            at++;
            v &= not();
        }
        return v;
    }

    private boolean not() {
        if (at < args.size() && args.get(at).equals("!") && at + 1 < args.size()) {
            at++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        int left = args.size() - at;
        if (left >= 3 && isBinary(args.get(at + 1))) {
            String a = args.get(at);
            String op = args.get(at + 1);
            String b = args.get(at + 2);
            at += 3;
            return binary(a, op, b);
        }
        if (left >= 2 && args.get(at).length() == 2 && args.get(at).startsWith("-") && !isBinary(args.get(at))) {
            String op = args.get(at);
            String operand = args.get(at + 1);
            at += 2;
            return unary(op, operand);
        }
        String word = args.get(at++);
        return !word.isEmpty();
    }

    private static boolean isBinary(String op) {
        return switch (op) {
            case "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> true;
            default -> false;
        };
    }

    private boolean binary(String a, String op, String b) {
        return switch (op) {
            case "=", "==" -> a.equals(b);
            case "!=" -> !a.equals(b);
            case "<" -> a.compareTo(b) < 0;
            case ">" -> a.compareTo(b) > 0;
            default -> {
                long x = integer(a);
                long y = integer(b);
                yield switch (op) {
                    case "-eq" -> x == y;
                    case "-ne" -> x != y;
                    case "-lt" -> x < y;
                    case "-le" -> x <= y;
                    case "-gt" -> x > y;
                    default -> x >= y;
                };
            }
        };
    }

    private static long integer(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(s + ": integer expression expected");
        }
    }

    private boolean unary(String op, String operand) {
        Sessions.Session s = shell.sessions().current();
        String path = Paths.resolve(s, operand);
        return switch (op) {
            case "-z" -> operand.isEmpty();
            case "-n" -> !operand.isEmpty();
            case "-f" -> s.files.isFile(path);
            case "-d" -> s.files.isDirectory(path);
            case "-e", "-r", "-w", "-a" -> s.files.exists(path);
            case "-s" -> s.files.read(path).map(c -> !c.isEmpty()).orElse(false);
            case "-x" -> s.files.isDirectory(path);
            case "-L", "-h", "-p", "-S", "-b", "-c" -> false;
            default -> throw new Invalid(op + ": unary operator expected");
        };
    }
}
