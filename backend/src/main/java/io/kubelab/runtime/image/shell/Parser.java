package io.kubelab.runtime.image.shell;

import io.kubelab.runtime.image.shell.Lexer.Kind;
import io.kubelab.runtime.image.shell.Lexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A recursive-descent parser for the POSIX shell grammar courses use: lists, pipelines, if, loops, case. */
public final class Parser {

    private static final Set<String> TERMINATORS =
            Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}", ";;");
    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Node parse(String program) {
        Parser p = new Parser(Lexer.tokens(program));
        Node list = p.list();
        if (p.peek().kind() != Kind.EOF) {
            throw ShellSyntaxError.unexpected(p.peek().text());
        }
        return list;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token take() {
        return tokens.get(at++);
    }

    private void expectWord(String w) {
        skipNewlines();
        Token t = take();
        if (!t.isWord(w) && !t.is(w)) {
            throw ShellSyntaxError.unexpected(t.text());
        }
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private boolean atListEnd() {
        Token t = peek();
        return t.kind() == Kind.EOF || t.is(")") || t.is(";;") || (t.kind() == Kind.WORD && TERMINATORS.contains(t.text()));
    }

    private Node list() {
        if (++depth > MAX_DEPTH) {
            throw new ShellSyntaxError("nesting too deep");
        }
        List<Node> items = new ArrayList<>();
        while (true) {
            while (peek().kind() == Kind.NEWLINE || peek().is(";") || peek().is("&")) {
                if (!items.isEmpty() || peek().kind() == Kind.NEWLINE) {
                    at++;
                } else {
                    throw ShellSyntaxError.unexpected(peek().text());
                }
            }
            if (atListEnd()) {
                break;
            }
            items.add(andOr());
            if (!(peek().kind() == Kind.NEWLINE || peek().is(";") || peek().is("&"))) {
                break;
            }
        }
        depth--;
        return items.size() == 1 ? items.get(0) : new Node.Sequence(items);
    }

    private Node andOr() {
        List<Node> items = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        items.add(pipeline());
        while (peek().is("&&") || peek().is("||")) {
            ops.add(take().text());
            skipNewlines();
            items.add(pipeline());
        }
        return items.size() == 1 ? items.get(0) : new Node.AndOr(items, ops);
    }

    private Node pipeline() {
        boolean negated = false;
        if (peek().isWord("!")) {
            at++;
            negated = true;
        }
        List<Node> commands = new ArrayList<>();
        commands.add(command());
        while (peek().is("|")) {
            at++;
            skipNewlines();
            commands.add(command());
        }
        return commands.size() == 1 && !negated ? commands.get(0) : new Node.Pipeline(commands, negated);
    }

    private Node command() {
        Token t = peek();
        if (t.kind() == Kind.EOF || t.kind() == Kind.NEWLINE) {
            throw ShellSyntaxError.unexpected(t.text());
        }
        if (t.kind() == Kind.WORD) {
            switch (t.text()) {
                case "if" -> {
                    return ifClause();
                }
                case "while", "until" -> {
                    at++;
                    Node cond = list();
                    expectWord("do");
                    Node body = list();
                    expectWord("done");
                    return new Node.Loop(cond, body, t.text().equals("until"));
                }
                case "for" -> {
                    return forClause();
                }
                case "case" -> {
                    return caseClause();
                }
                case "{" -> {
                    at++;
                    Node body = list();
                    expectWord("}");
                    return new Node.Group(body, false, redirects());
                }
                default -> {
                    if (TERMINATORS.contains(t.text())) {
                        throw ShellSyntaxError.unexpected(t.text());
                    }
                }
            }
            if (tokens.get(at + 1).is("(") && tokens.get(at + 2).is(")")) {
                at += 3;
                skipNewlines();
                return new Node.Function(t.text(), command());
            }
        }
        if (t.is("(")) {
            at++;
            Node body = list();
            if (!take().is(")")) {
                throw ShellSyntaxError.unexpected(tokens.get(at - 1).text());
            }
            return new Node.Group(body, true, redirects());
        }
        return simple();
    }

    private Node ifClause() {
        List<Node> conditions = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        Node otherwise = null;
        at++;
        conditions.add(list());
        expectWord("then");
        bodies.add(list());
        while (true) {
            skipNewlines();
            Token t = take();
            if (t.isWord("elif")) {
                conditions.add(list());
                expectWord("then");
                bodies.add(list());
            } else if (t.isWord("else")) {
                otherwise = list();
                expectWord("fi");
                break;
            } else if (t.isWord("fi")) {
                break;
            } else {
                throw ShellSyntaxError.unexpected(t.text());
            }
        }
        return new Node.If(conditions, bodies, otherwise);
    }

    private Node forClause() {
        at++;
        Token name = take();
        if (name.kind() != Kind.WORD) {
            throw ShellSyntaxError.unexpected(name.text());
        }
        List<String> words = null;
        skipNewlines();
        if (peek().isWord("in")) {
            at++;
            words = new ArrayList<>();
            while (peek().kind() == Kind.WORD) {
                words.add(take().text());
            }
        }
        if (peek().is(";")) {
            at++;
        }
        expectWord("do");
        Node body = list();
        expectWord("done");
        return new Node.For(name.text(), words, body);
    }

    private Node caseClause() {
        at++;
        String word = take().text();
        expectWord("in");
        List<List<String>> patterns = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        skipNewlines();
        while (!peek().isWord("esac")) {
            if (peek().is("(")) {
                at++;
            }
            List<String> alternatives = new ArrayList<>();
            alternatives.add(take().text());
            while (peek().is("|")) {
                at++;
                alternatives.add(take().text());
            }
            if (!take().is(")")) {
                throw ShellSyntaxError.unexpected(tokens.get(at - 1).text());
            }
            patterns.add(alternatives);
            bodies.add(list());
            if (peek().is(";;")) {
                at++;
            }
            skipNewlines();
            if (peek().kind() == Kind.EOF) {
                throw ShellSyntaxError.unexpected("end of file");
            }
        }
        at++;
        return new Node.Case(word, patterns, bodies);
    }

    private Node simple() {
        List<String> assignments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Node.Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (isRedirect(t)) {
                redirects.add(redirect());
            } else if (t.kind() == Kind.WORD) {
                at++;
                if (words.isEmpty() && t.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    assignments.add(t.text());
                } else {
                    words.add(t.text());
                }
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw ShellSyntaxError.unexpected(peek().text());
        }
        return new Node.Simple(assignments, words, redirects);
    }

    private List<Node.Redirect> redirects() {
        List<Node.Redirect> out = new ArrayList<>();
        while (isRedirect(peek())) {
            out.add(redirect());
        }
        return out;
    }

    private static boolean isRedirect(Token t) {
        return t.kind() == Kind.OP && (t.text().contains(">") || t.text().equals("<"));
    }

    private Node.Redirect redirect() {
        String op = take().text();
        if (op.equals("2>&1") || op.equals(">&2") || op.equals("1>&2")) {
            return new Node.Redirect(op, "");
        }
        Token target = take();
        if (target.kind() != Kind.WORD) {
            throw ShellSyntaxError.unexpected(target.text());
        }
        return new Node.Redirect(op, target.text());
    }
}
