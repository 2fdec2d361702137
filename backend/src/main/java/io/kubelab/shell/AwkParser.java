package io.kubelab.shell;

import io.kubelab.shell.AwkLexer.Kind;
import io.kubelab.shell.AwkLexer.Token;

import java.util.ArrayList;
import java.util.List;

/** Parses an awk program into closures the {@link Awk} runtime executes. */
final class AwkParser {

    interface Expr {
        Object eval(Awk a);
    }

    interface Stmt {
        void exec(Awk a);
    }

    /** Something assignable: a variable, a field, or an array element. */
    interface LValue extends Expr {
        void set(Awk a, Object value);

        /** The variable's name (split's array argument), or null for fields and elements. */
        default String name() {
            return null;
        }
    }

    static String nameOf(Expr e) {
        String name = e instanceof LValue lv ? lv.name() : null;
        if (name == null) {
            throw new AwkLexer.Error("split: the second argument must be an array name");
        }
        return name;
    }

    /** A pattern-action rule; a null pattern matches every record, a null action prints it. */
    record Rule(Expr pattern, Expr rangeEnd, Stmt action) {
    }

    record Program(List<Stmt> begin, List<Rule> rules, List<Stmt> end) {
    }

    private static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private int at;
    private int depth;
    private boolean noGreater;
    private boolean noIn;

    private AwkParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Program parse(String src) {
        AwkParser p = new AwkParser(AwkLexer.tokens(src));
        List<Stmt> begin = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Stmt> end = new ArrayList<>();
        p.terminators();
        while (p.peek().kind() != Kind.EOF) {
            if (p.peek().is("BEGIN")) {
                p.at++;
                begin.add(p.block());
            } else if (p.peek().is("END")) {
                p.at++;
                end.add(p.block());
            } else if (p.peek().is("function")) {
                throw p.error();
            } else {
                Expr pattern = p.peek().is("{") ? null : p.expr();
                Expr rangeEnd = null;
                if (pattern != null && p.peek().is(",")) {
                    p.at++;
                    rangeEnd = p.expr();
                }
                Stmt action = p.peek().is("{") ? p.block() : null;
                rules.add(new Rule(pattern, rangeEnd, action));
            }
            p.terminators();
        }
        return new Program(begin, rules, end);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token take() {
        return tokens.get(at++);
    }

    private AwkLexer.Error error() {
        Token t = peek();
        return new AwkLexer.Error("syntax error at or near " + (t.kind() == Kind.NEWLINE ? "end of line" : t.text()));
    }

    private void expect(String op) {
        if (!peek().is(op)) {
            throw error();
        }
        at++;
    }

    private void terminators() {
        while (peek().kind() == Kind.NEWLINE || peek().is(";")) {
            at++;
        }
    }

    private void newlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private Stmt block() {
        newlines();
        expect("{");
        if (++depth > MAX_DEPTH) {
            throw error();
        }
        List<Stmt> body = new ArrayList<>();
        terminators();
        while (!peek().is("}")) {
            if (peek().kind() == Kind.EOF) {
                throw new AwkLexer.Error("missing } near end of file");
            }
            body.add(statement());
            terminators();
        }
        at++;
        depth--;
        return a -> {
            for (Stmt s : body) {
                s.exec(a);
            }
        };
    }

    private Stmt simpleOrBlock() {
        newlines();
        if (peek().is(";")) {
            at++;
            return a -> { };
        }
        return peek().is("{") ? block() : statement();
    }

    private Stmt statement() {
        Token t = peek();
        if (t.is("{")) {
            return block();
        }
        if (t.is("if")) {
            at++;
            expect("(");
            Expr cond = expr();
            expect(")");
            Stmt then = simpleOrBlock();
            int save = at;
            terminators();
            if (peek().is("else")) {
                at++;
                Stmt otherwise = simpleOrBlock();
                return a -> {
                    if (Awk.truth(cond.eval(a))) {
                        then.exec(a);
                    } else {
                        otherwise.exec(a);
                    }
                };
            }
            at = save;
            return a -> {
                if (Awk.truth(cond.eval(a))) {
                    then.exec(a);
                }
            };
        }
        if (t.is("while")) {
            at++;
            expect("(");
            Expr cond = expr();
            expect(")");
            Stmt body = simpleOrBlock();
            return a -> a.loop(cond, body, null);
        }
        if (t.is("do")) {
            at++;
            Stmt body = simpleOrBlock();
            terminators();
            expect("while");
            expect("(");
            Expr cond = expr();
            expect(")");
            return a -> {
                body.exec(a);
                a.loop(cond, body, null);
            };
        }
        if (t.is("for")) {
            at++;
            expect("(");
            if (peek().kind() == Kind.NAME && tokens.get(at + 1).is("in")) {
                String var = take().text();
                at++;
                String array = take().text();
                expect(")");
                Stmt body = simpleOrBlock();
                return a -> a.forIn(var, array, body);
            }
            Stmt init = peek().is(";") ? x -> { } : exprStatement();
            expect(";");
            newlines();
            Expr cond = peek().is(";") ? x -> 1.0 : expr();
            expect(";");
            newlines();
            Stmt step = peek().is(")") ? x -> { } : exprStatement();
            expect(")");
            Stmt body = simpleOrBlock();
            return a -> {
                init.exec(a);
                a.loop(cond, body, step);
            };
        }
        if (t.is("next")) {
            at++;
            return a -> {
                throw Awk.NEXT;
            };
        }
        if (t.is("exit")) {
            at++;
            Expr code = endOfStatement() ? null : expr();
            return a -> a.exit(code == null ? null : code.eval(a));
        }
        if (t.is("break")) {
            at++;
            return a -> {
                throw Awk.BREAK;
            };
        }
        if (t.is("continue")) {
            at++;
            return a -> {
                throw Awk.CONTINUE;
            };
        }
        if (t.is("delete")) {
            at++;
            String name = take().text();
            if (peek().is("[")) {
                at++;
                Expr key = subscript();
                return a -> a.array(name).remove(Awk.str(a, key.eval(a)));
            }
            return a -> a.array(name).clear();
        }
        if (t.is("print") || t.is("printf")) {
            at++;
            boolean formatted = t.is("printf");
            List<Expr> args = new ArrayList<>();
            boolean parens = peek().is("(") && closesBeforeEnd();
            if (parens) {
                at++;
            }
            noGreater = !parens;
            if (!endOfStatement() && !peek().is(">") && !peek().is(">>") && !peek().is("|")) {
                args.add(expr());
                while (peek().is(",")) {
                    at++;
                    newlines();
                    args.add(expr());
                }
            }
            noGreater = false;
            if (parens) {
                expect(")");
            }
            if (peek().is(">") || peek().is(">>") || peek().is("|")) {
                throw new AwkLexer.Error("output redirection is not supported in this sandbox");
            }
            if (formatted && args.isEmpty()) {
                throw error();
            }
            return formatted ? a -> a.printf(args) : a -> a.print(args);
        }
        if (t.is("getline") || t.is("return") || t.is("function")) {
            throw error();
        }
        return exprStatement();
    }

    /** Whether a {@code (} after print closes its whole argument list ({@code print (a, b)}). */
    private boolean closesBeforeEnd() {
        int open = 0;
        for (int i = at; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                open++;
            } else if (t.is(")")) {
                open--;
                if (open == 0) {
                    Token next = tokens.get(i + 1);
                    return next.kind() == Kind.NEWLINE || next.kind() == Kind.EOF || next.is(";") || next.is("}")
                            || next.is(">") || next.is("|");
                }
            }
        }
        return false;
    }

    private boolean endOfStatement() {
        Token t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.is(";") || t.is("}");
    }

    private Stmt exprStatement() {
        Expr e = expr();
        return e::eval;
    }

    private Expr subscript() {
        List<Expr> keys = new ArrayList<>();
        keys.add(expr());
        while (peek().is(",")) {
            at++;
            keys.add(expr());
        }
        expect("]");
        if (keys.size() == 1) {
            return keys.get(0);
        }
        return a -> {
            StringBuilder k = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                k.append(i > 0 ? a.subsep() : "").append(Awk.str(a, keys.get(i).eval(a)));
            }
            return k.toString();
        };
    }

    Expr expr() {
        if (++depth > MAX_DEPTH) {
            throw error();
        }
        try {
            return assignment();
        } finally {
            depth--;
        }
    }

    private Expr assignment() {
        Expr left = ternary();
        Token t = peek();
        if (left instanceof LValue lv && t.kind() == Kind.OP && (t.text().equals("=") || (t.text().length() == 2
                && t.text().endsWith("=") && "+-*/%^".indexOf(t.text().charAt(0)) >= 0))) {
            at++;
            newlines();
            Expr right = assignment();
            if (t.text().equals("=")) {
                return a -> {
                    Object v = right.eval(a);
                    lv.set(a, v);
                    return v;
                };
            }
            char op = t.text().charAt(0);
            return a -> {
                double v = Awk.arith(op, Awk.num(lv.eval(a)), Awk.num(right.eval(a)));
                lv.set(a, v);
                return v;
            };
        }
        return left;
    }

    private Expr ternary() {
        Expr cond = or();
        if (!peek().is("?")) {
            return cond;
        }
        at++;
        newlines();
        Expr yes = ternary();
        newlines();
        expect(":");
        newlines();
        Expr no = ternary();
        return a -> Awk.truth(cond.eval(a)) ? yes.eval(a) : no.eval(a);
    }

    private Expr or() {
        Expr left = and();
        while (peek().is("||")) {
            at++;
            newlines();
            Expr l = left;
            Expr r = and();
            left = a -> Awk.truth(l.eval(a)) || Awk.truth(r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr and() {
        Expr left = in();
        while (peek().is("&&")) {
            at++;
            newlines();
            Expr l = left;
            Expr r = in();
            left = a -> Awk.truth(l.eval(a)) && Awk.truth(r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr in() {
        Expr left = match();
        while (peek().is("in") && !noIn) {
            at++;
            String array = take().text();
            Expr key = left;
            left = a -> a.array(array).containsKey(Awk.str(a, key.eval(a))) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr match() {
        Expr left = comparison();
        while (peek().is("~") || peek().is("!~")) {
            boolean negate = take().text().equals("!~");
            Expr l = left;
            Expr r = comparison();
            left = a -> a.regex(r).matcher(Awk.str(a, l.eval(a))).find() != negate ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr comparison() {
        Expr left = concatenation();
        Token t = peek();
        if (t.kind() == Kind.OP && (t.text().equals("<") || t.text().equals("<=") || t.text().equals("==")
                || t.text().equals("!=") || t.text().equals(">=") || (t.text().equals(">") && !noGreater))) {
            at++;
            String op = t.text();
            Expr l = left;
            Expr r = concatenation();
            return a -> {
                int c = Awk.compare(a, l.eval(a), r.eval(a));
                boolean v = switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case ">=" -> c >= 0;
                    default -> c > 0;
                };
                return v ? 1.0 : 0.0;
            };
        }
        return left;
    }

    private Expr concatenation() {
        Expr left = additive();
        while (startsOperand()) {
            Expr l = left;
            Expr r = additive();
            left = a -> Awk.str(a, l.eval(a)) + Awk.str(a, r.eval(a));
        }
        return left;
    }

    private boolean startsOperand() {
        Token t = peek();
        return switch (t.kind()) {
            case NUMBER, STRING, REGEX, NAME, FUNC -> true;
            case OP -> t.text().equals("$") || t.text().equals("(") || t.text().equals("!")
                    || t.text().equals("++") || t.text().equals("--") || t.text().equals("-");
            default -> false;
        } && !(t.is("-"));
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            char op = take().text().charAt(0);
            Expr l = left;
            Expr r = multiplicative();
            left = a -> Awk.arith(op, Awk.num(l.eval(a)), Awk.num(r.eval(a)));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            char op = take().text().charAt(0);
            Expr l = left;
            Expr r = unary();
            left = a -> Awk.arith(op, Awk.num(l.eval(a)), Awk.num(r.eval(a)));
        }
        return left;
    }

    private Expr unary() {
        if (peek().is("!")) {
            at++;
            Expr e = unary();
            return a -> Awk.truth(e.eval(a)) ? 0.0 : 1.0;
        }
        if (peek().is("-")) {
            at++;
            Expr e = unary();
            return a -> -Awk.num(e.eval(a));
        }
        if (peek().is("+")) {
            at++;
            Expr e = unary();
            return a -> Awk.num(e.eval(a));
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (peek().is("^")) {
            at++;
            Expr exp = unary();
            return a -> Math.pow(Awk.num(base.eval(a)), Awk.num(exp.eval(a)));
        }
        return base;
    }

    private Expr postfix() {
        if (peek().is("++") || peek().is("--")) {
            double d = take().text().equals("++") ? 1 : -1;
            Expr target = primary();
            if (!(target instanceof LValue lv)) {
                throw error();
            }
            return a -> {
                double v = Awk.num(lv.eval(a)) + d;
                lv.set(a, v);
                return v;
            };
        }
        Expr e = primary();
        if (e instanceof LValue lv && (peek().is("++") || peek().is("--"))) {
            double d = take().text().equals("++") ? 1 : -1;
            return a -> {
                double v = Awk.num(lv.eval(a));
                lv.set(a, v + d);
                return v;
            };
        }
        return e;
    }

    private Expr primary() {
        Token t = take();
        switch (t.kind()) {
            case NUMBER -> {
                double v = Double.parseDouble(t.text());
                return a -> v;
            }
            case STRING -> {
                String s = t.text();
                return a -> s;
            }
            case REGEX -> {
                String re = t.text();
                return new AwkRegex(re);
            }
            case FUNC -> {
                return AwkBuiltins.call(t.text(), this::callArgs, this);
            }
            case NAME -> {
                String name = t.text();
                if (peek().is("[")) {
                    at++;
                    Expr key = subscript();
                    return new LValue() {
                        public Object eval(Awk a) {
                            return a.array(name).computeIfAbsent(Awk.str(a, key.eval(a)), k -> "");
                        }

                        public void set(Awk a, Object v) {
                            a.array(name).put(Awk.str(a, key.eval(a)), v);
                        }
                    };
                }
                return new LValue() {
                    public Object eval(Awk a) {
                        return a.variable(name);
                    }

                    public void set(Awk a, Object v) {
                        a.setVariable(name, v);
                    }

                    public String name() {
                        return name;
                    }
                };
            }
            default -> {
                if (t.is("$")) {
                    Expr index = postfixlessPrimary();
                    return new LValue() {
                        public Object eval(Awk a) {
                            return a.field((int) Awk.num(index.eval(a)));
                        }

                        public void set(Awk a, Object v) {
                            a.setField((int) Awk.num(index.eval(a)), Awk.str(a, v));
                        }
                    };
                }
                if (t.is("(")) {
                    boolean saveGreater = noGreater;
                    noGreater = false;
                    Expr e = expr();
                    noGreater = saveGreater;
                    expect(")");
                    return e;
                }
                if (t.is("-")) {
                    Expr e = primary();
                    return a -> -Awk.num(e.eval(a));
                }
                at--;
                throw error();
            }
        }
    }

    private Expr postfixlessPrimary() {
        if (peek().is("++") || peek().is("--") || peek().is("-")) {
            return unary();
        }
        return primary();
    }

    /** A builtin's parenthesised arguments (none when it has no parentheses, as {@code length}). */
    List<Expr> callArgs() {
        List<Expr> args = new ArrayList<>();
        if (!peek().is("(")) {
            return args;
        }
        at++;
        boolean saveGreater = noGreater;
        noGreater = false;
        if (!peek().is(")")) {
            args.add(expr());
            while (peek().is(",")) {
                at++;
                newlines();
                args.add(expr());
            }
        }
        noGreater = saveGreater;
        expect(")");
        return args;
    }

    /** A regex literal: as a value it matches {@code $0}; as an argument of ~ or sub it is the pattern. */
    static final class AwkRegex implements Expr {
        final String source;

        AwkRegex(String source) {
            this.source = source;
        }

        @Override
        public Object eval(Awk a) {
            return a.compile(source).matcher(a.record()).find() ? 1.0 : 0.0;
        }
    }
}
