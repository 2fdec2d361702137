package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.kubelab.shell.JqValues.JSON;

/**
 * Parses the jq language students use into {@link JqFilter}s: paths ({@code .a.b}, {@code .["a"]},
 * {@code .[0]}, {@code .[1:3]}, {@code .[]}, {@code ?}), pipes, commas, {@code as $x}, arithmetic,
 * comparisons, {@code and/or/not}, {@code //}, assignments ({@code = |= += -=}), object and array
 * construction, string interpolation, {@code if}, {@code reduce}, {@code try}, {@code @format}s and builtins.
 */
final class JqParser {

    /** A program jq cannot compile; the text after "jq: error: ". */
    static final class CompileError extends RuntimeException {
        CompileError(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 100;

    private final String src;
    private int at;
    private int depth;

    private JqParser(String src) {
        this.src = src;
    }

    static JqFilter parse(String program) {
        JqParser p = new JqParser(program);
        JqFilter f = p.pipe();
        p.blanks();
        if (p.at < p.src.length()) {
            CompileError e = p.unexpected();
            throw new CompileError(e.getMessage().replace("']'", "INVALID_CHARACTER").replace("')'", "INVALID_CHARACTER")
                    .replace("'}'", "INVALID_CHARACTER").replace(" (Unix", ", expecting $end (Unix"));
        }
        return f;
    }

    private CompileError unexpected() {
        String token = at >= src.length() ? "$end" : "INVALID_CHARACTER";
        if (at < src.length()) {
            char c = src.charAt(at);
            if ("])}|,;:".indexOf(c) >= 0) {
                token = "'" + c + "'";
            } else if (Character.isLetter(c)) {
                int end = at;
                while (end < src.length() && Character.isLetterOrDigit(src.charAt(end))) {
                    end++;
                }
                token = "IDENT";
                String w = src.substring(at, end);
                if (List.of("then", "else", "elif", "end", "as", "catch").contains(w)) {
                    token = w;
                }
            }
        }
        // jq 1.6 prints the program, then spaces up to where the offending token (or, at the end, the last one) starts.
        return new CompileError("syntax error, unexpected " + token + " (Unix shell quoting issues?) at <top-level>, "
                + "line 1:\n" + src + " ".repeat(tokenStart()));
    }

    private int tokenStart() {
        if (at < src.length()) {
            return at;
        }
        int end = src.length();
        while (end > 0 && Character.isWhitespace(src.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return 0;
        }
        int start = end - 1;
        while (start > 0 && (Character.isLetterOrDigit(src.charAt(start - 1)) || src.charAt(start - 1) == '_')
                && (Character.isLetterOrDigit(src.charAt(end - 1)) || src.charAt(end - 1) == '_')) {
            start--;
        }
        return start;
    }

    private void blanks() {
        while (at < src.length()) {
            char c = src.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '#') {
                while (at < src.length() && src.charAt(at) != '\n') {
                    at++;
                }
            } else {
                break;
            }
        }
    }

    private boolean eat(String s) {
        blanks();
        if (src.startsWith(s, at)) {
            if (Character.isLetter(s.charAt(s.length() - 1)) && at + s.length() < src.length()
                    && (Character.isLetterOrDigit(src.charAt(at + s.length())) || src.charAt(at + s.length()) == '_')) {
                return false;
            }
            at += s.length();
            return true;
        }
        return false;
    }

    private boolean peek(String s) {
        int save = at;
        boolean found = eat(s);
        at = save;
        return found;
    }

    private void expect(String s) {
        if (!eat(s)) {
            throw unexpected();
        }
    }

    /** {@code a | b}, and {@code EXP as $x | BODY}. */
    JqFilter pipe() {
        if (++depth > MAX_DEPTH) {
            throw new CompileError("program nested too deeply");
        }
        try {
            JqFilter left = comma();
            if (eat("as")) {
                blanks();
                String name = variableName();
                expect("|");
                JqFilter body = pipe();
                JqFilter source = left;
                return (in, env, out) -> source.run(in, env, v -> body.run(in, env.bind(name, v), out));
            }
            if (peek("|") && !peek("|=")) {
                eat("|");
                JqFilter right = pipe();
                JqFilter l = left;
                return new JqFilter() {
                    public void run(JsonNode in, Env env, java.util.function.Consumer<JsonNode> out) {
                        l.run(in, env, v -> right.run(v, env, out));
                    }

                    public void paths(PathValue in, Env env, java.util.function.Consumer<PathValue> out) {
                        l.paths(in, env, p -> right.paths(p, env, out));
                    }
                };
            }
            return left;
        } finally {
            depth--;
        }
    }

    private String variableName() {
        if (!eat("$")) {
            throw unexpected();
        }
        int start = at;
        while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw unexpected();
        }
        return src.substring(start, at);
    }

    private JqFilter comma() {
        JqFilter left = alternative();
        while (peek(",")) {
            eat(",");
            JqFilter l = left;
            JqFilter r = alternative();
            left = new JqFilter() {
                public void run(JsonNode in, Env env, java.util.function.Consumer<JsonNode> out) {
                    l.run(in, env, out);
                    r.run(in, env, out);
                }

                public void paths(PathValue in, Env env, java.util.function.Consumer<PathValue> out) {
                    l.paths(in, env, out);
                    r.paths(in, env, out);
                }
            };
        }
        return left;
    }

    private JqFilter alternative() {
        JqFilter left = assignment();
        if (peek("//") && !peek("//=")) {
            eat("//");
            JqFilter l = left;
            JqFilter r = alternative();
            return (in, env, out) -> {
                boolean[] any = {false};
                try {
                    l.run(in, env, v -> {
                        if (JqValues.truthy(v)) {
                            any[0] = true;
                            out.accept(v);
                        }
                    });
                } catch (JqValues.JqError e) {
                    // errors on the left count as no value
                }
                if (!any[0]) {
                    r.run(in, env, out);
                }
            };
        }
        return left;
    }

    private JqFilter assignment() {
        JqFilter left = or();
        for (String op : new String[]{"|=", "+=", "-=", "*=", "/=", "//=", "="}) {
            if (peek(op) && !(op.equals("=") && peek("=="))) {
                eat(op);
                JqFilter right = alternative();
                return JqAssign.of(op, left, right);
            }
        }
        return left;
    }

    private JqFilter or() {
        JqFilter left = and();
        while (eat("or")) {
            JqFilter l = left;
            JqFilter r = and();
            left = (in, env, out) -> l.run(in, env, a -> {
                if (JqValues.truthy(a)) {
                    out.accept(JSON.booleanNode(true));
                } else {
                    r.run(in, env, b -> out.accept(JSON.booleanNode(JqValues.truthy(b))));
                }
            });
        }
        return left;
    }

    private JqFilter and() {
        JqFilter left = comparison();
        while (eat("and")) {
            JqFilter l = left;
            JqFilter r = comparison();
            left = (in, env, out) -> l.run(in, env, a -> {
                if (!JqValues.truthy(a)) {
                    out.accept(JSON.booleanNode(false));
                } else {
                    r.run(in, env, b -> out.accept(JSON.booleanNode(JqValues.truthy(b))));
                }
            });
        }
        return left;
    }

    private JqFilter comparison() {
        JqFilter left = additive();
        for (String op : new String[]{"==", "!=", "<=", ">=", "<", ">"}) {
            if (peek(op)) {
                eat(op);
                JqFilter r = additive();
                JqFilter l = left;
                return (in, env, out) -> r.run(in, env, b -> l.run(in, env, a -> {
                    int c = JqValues.compare(a, b);
                    boolean v = switch (op) {
                        case "==" -> c == 0;
                        case "!=" -> c != 0;
                        case "<=" -> c <= 0;
                        case ">=" -> c >= 0;
                        case "<" -> c < 0;
                        default -> c > 0;
                    };
                    out.accept(JSON.booleanNode(v));
                }));
            }
        }
        return left;
    }

    private JqFilter additive() {
        JqFilter left = multiplicative();
        while (true) {
            blanks();
            if (at < src.length() && (src.charAt(at) == '+' || src.charAt(at) == '-') && !peek("+=") && !peek("-=")) {
                char op = src.charAt(at++);
                left = binary(op, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private JqFilter multiplicative() {
        JqFilter left = postfix();
        while (true) {
            blanks();
            if (at < src.length() && "*/%".indexOf(src.charAt(at)) >= 0 && !peek("*=") && !peek("/=") && !peek("//")) {
                char op = src.charAt(at++);
                left = binary(op, left, postfix());
            } else {
                return left;
            }
        }
    }

    private static JqFilter binary(char op, JqFilter l, JqFilter r) {
        return (in, env, out) -> r.run(in, env, b -> l.run(in, env, a -> out.accept(JqValues.arith(op, a, b))));
    }

    /** A term followed by {@code .name}, {@code [..]}, {@code ?}. */
    private JqFilter postfix() {
        JqFilter term = term();
        while (true) {
            blanks();
            if (at < src.length() && src.charAt(at) == '.' && at + 1 < src.length()
                    && (Character.isLetter(src.charAt(at + 1)) || src.charAt(at + 1) == '_' || src.charAt(at + 1) == '"'
                    || src.charAt(at + 1) == '[')) {
                at++;
                term = JqPaths.then(term, suffix());
            } else if (at < src.length() && src.charAt(at) == '[') {
                term = JqPaths.then(term, bracket());
            } else if (at < src.length() && src.charAt(at) == '?') {
                at++;
                term = JqPaths.optional(term);
            } else {
                return term;
            }
        }
    }

    /** After a dot: {@code name}, {@code "name"} or {@code [...]}. */
    private JqFilter suffix() {
        if (src.charAt(at) == '[') {
            return bracket();
        }
        if (src.charAt(at) == '"') {
            at++;
            JqFilter name = string();
            return JqPaths.index(name);
        }
        int start = at;
        while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_')) {
            at++;
        }
        String name = src.substring(start, at);
        return JqPaths.index((in, env, out) -> out.accept(JSON.textNode(name)));
    }

    private JqFilter bracket() {
        expect("[");
        if (eat("]")) {
            return JqPaths.ITERATE;
        }
        JqFilter from = peek(":") ? null : pipe();
        if (eat(":")) {
            JqFilter to = peek("]") ? null : pipe();
            expect("]");
            return JqPaths.slice(from, to);
        }
        expect("]");
        return JqPaths.index(from);
    }

    private JqFilter term() {
        if (++depth > MAX_DEPTH) {
            throw new CompileError("program nested too deeply");
        }
        try {
            return termAt();
        } finally {
            depth--;
        }
    }

    private JqFilter termAt() {
        blanks();
        if (at >= src.length()) {
            throw unexpected();
        }
        char c = src.charAt(at);
        if (c == '.') {
            if (src.startsWith("..", at) && !src.startsWith("...", at)) {
                at += 2;
                return JqBuiltins.RECURSE;
            }
            at++;
            if (at < src.length() && (Character.isLetter(src.charAt(at)) || src.charAt(at) == '_'
                    || src.charAt(at) == '"' || src.charAt(at) == '[')) {
                return suffix();
            }
            return JqPaths.IDENTITY;
        }
        if (c == '"') {
            at++;
            return string();
        }
        if (c == '(') {
            at++;
            JqFilter f = pipe();
            expect(")");
            return f;
        }
        if (c == '[') {
            at++;
            if (eat("]")) {
                return (in, env, out) -> out.accept(JSON.arrayNode());
            }
            JqFilter items = pipe();
            expect("]");
            return (in, env, out) -> {
                ArrayNode array = JSON.arrayNode();
                items.run(in, env, array::add);
                out.accept(array);
            };
        }
        if (c == '{') {
            at++;
            return object();
        }
        if (c == '$') {
            String name = variableName();
            if (name.equals("__loc__")) {
                return (in, env, out) -> out.accept(JSON.objectNode().put("file", "<top-level>").put("line", 1));
            }
            return (in, env, out) -> {
                JsonNode v = env.lookup(name);
                if (v == null) {
                    throw new JqValues.JqError("$" + name + " is not defined");
                }
                out.accept(v);
            };
        }
        if (c == '@') {
            at++;
            int start = at;
            while (at < src.length() && Character.isLetterOrDigit(src.charAt(at))) {
                at++;
            }
            String format = src.substring(start, at);
            blanks();
            if (at < src.length() && src.charAt(at) == '"') {
                at++;
                JqFilter s = string(format);
                return s;
            }
            return JqBuiltins.format(format);
        }
        if (Character.isDigit(c) || (c == '-' && at + 1 < src.length() && Character.isDigit(src.charAt(at + 1)))) {
            int start = at++;
            while (at < src.length() && (Character.isDigit(src.charAt(at)) || src.charAt(at) == '.'
                    || src.charAt(at) == 'e' || src.charAt(at) == 'E'
                    || ((src.charAt(at) == '-' || src.charAt(at) == '+') && (src.charAt(at - 1) == 'e' || src.charAt(at - 1) == 'E')))) {
                at++;
            }
            JsonNode n = JqValues.number(Double.parseDouble(src.substring(start, at)));
            return (in, env, out) -> out.accept(n);
        }
        if (c == '-') {
            at++;
            JqFilter f = postfix();
            return (in, env, out) -> f.run(in, env, v -> out.accept(JqValues.arith('-', JSON.numberNode(0), v)));
        }
        if (Character.isLetter(c) || c == '_') {
            int start = at;
            while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_')) {
                at++;
            }
            String name = src.substring(start, at);
            return keyword(name);
        }
        throw unexpected();
    }

    private JqFilter keyword(String name) {
        switch (name) {
            case "if":
                return conditional();
            case "reduce": {
                JqFilter source = postfix();
                expect("as");
                blanks();
                String var = variableName();
                expect("(");
                JqFilter init = pipe();
                expect(";");
                JqFilter update = pipe();
                expect(")");
                return (in, env, out) -> init.run(in, env, start -> {
                    JsonNode[] acc = {start};
                    source.run(in, env, v -> {
                        JsonNode[] last = {JSON.nullNode()};
                        update.run(acc[0], env.bind(var, v), r -> last[0] = r);
                        acc[0] = last[0];
                    });
                    out.accept(acc[0]);
                });
            }
            case "try": {
                JqFilter body = postfix();
                JqFilter handler = eat("catch") ? postfix() : null;
                return (in, env, out) -> {
                    try {
                        body.run(in, env, out);
                    } catch (JqValues.JqError e) {
                        if (handler != null) {
                            handler.run(e.value != null ? e.value : JSON.textNode(e.getMessage()), env, out);
                        }
                    }
                };
            }
            case "true":
                return (in, env, out) -> out.accept(JSON.booleanNode(true));
            case "false":
                return (in, env, out) -> out.accept(JSON.booleanNode(false));
            case "null":
                return (in, env, out) -> out.accept(JSON.nullNode());
            default:
                break;
        }
        List<JqFilter> args = new ArrayList<>();
        if (eat("(")) {
            args.add(pipe());
            while (eat(";")) {
                args.add(pipe());
            }
            expect(")");
        }
        JqFilter f = JqBuiltins.call(name, args);
        if (f == null) {
            throw new CompileError(name + "/" + args.size() + " is not defined at <top-level>, line 1:\n" + src);
        }
        return f;
    }

    private JqFilter conditional() {
        JqFilter cond = pipe();
        expect("then");
        JqFilter then = pipe();
        JqFilter otherwise;
        if (eat("elif")) {
            otherwise = conditional();
            return branch(cond, then, otherwise);
        }
        otherwise = eat("else") ? pipe() : JqPaths.IDENTITY;
        expect("end");
        return branch(cond, then, otherwise);
    }

    private static JqFilter branch(JqFilter cond, JqFilter then, JqFilter otherwise) {
        return (in, env, out) -> cond.run(in, env, c -> (JqValues.truthy(c) ? then : otherwise).run(in, env, out));
    }

    /** {@code {a, b: .x, "c": 1, (.k): .v, $v, "\(.n)": 2}}. */
    private JqFilter object() {
        List<JqFilter[]> entries = new ArrayList<>();
        if (!eat("}")) {
            do {
                blanks();
                JqFilter key;
                JqFilter value = null;
                if (eat("(")) {
                    key = pipe();
                    expect(")");
                } else if (peek("\"")) {
                    eat("\"");
                    key = string();
                } else if (peek("$")) {
                    String var = variableName();
                    key = (in, env, out) -> out.accept(JSON.textNode(var));
                    value = (in, env, out) -> out.accept(env.lookup(var) == null ? JSON.nullNode() : env.lookup(var));
                } else {
                    int start = at;
                    while (at < src.length() && (Character.isLetterOrDigit(src.charAt(at)) || src.charAt(at) == '_')) {
                        at++;
                    }
                    if (start == at) {
                        throw unexpected();
                    }
                    String name = src.substring(start, at);
                    key = (in, env, out) -> out.accept(JSON.textNode(name));
                }
                if (eat(":")) {
                    value = objectValue();
                } else if (value == null) {
                    value = JqPaths.then(JqPaths.IDENTITY, JqPaths.index(key));
                }
                entries.add(new JqFilter[]{key, value});
            } while (eat(","));
            expect("}");
        }
        return (in, env, out) -> build(entries, 0, JSON.objectNode(), in, env, out);
    }

    /** An object value: one term with its postfixes and operators, but no bare comma or pipe. */
    private JqFilter objectValue() {
        return alternative();
    }

    private static void build(List<JqFilter[]> entries, int i, ObjectNode acc, JsonNode in, JqFilter.Env env,
                              java.util.function.Consumer<JsonNode> out) {
        if (i == entries.size()) {
            out.accept(acc.deepCopy());
            return;
        }
        entries.get(i)[0].run(in, env, k -> {
            if (!k.isTextual()) {
                throw new JqValues.JqError("Object keys must be strings");
            }
            entries.get(i)[1].run(in, env, v -> {
                ObjectNode next = acc.deepCopy();
                next.set(k.asText(), v);
                build(entries, i + 1, next, in, env, out);
            });
        });
    }

    private JqFilter string() {
        return string(null);
    }

    /** A string literal after its opening quote, with {@code \(...)} interpolations (formatted by @format). */
    private JqFilter string(String format) {
        List<JqFilter> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (true) {
            if (at >= src.length()) {
                throw unexpected();
            }
            char c = src.charAt(at);
            if (c == '"') {
                at++;
                break;
            }
            if (c == '\\' && at + 1 < src.length() && src.charAt(at + 1) == '(') {
                at += 2;
                if (literal.length() > 0) {
                    String text = literal.toString();
                    parts.add((in, env, out) -> out.accept(JSON.textNode(text)));
                    literal.setLength(0);
                }
                JqFilter inner = pipe();
                expect(")");
                JqFilter formatter = format == null ? JqBuiltins.format("text") : JqBuiltins.format(format);
                parts.add((in, env, out) -> inner.run(in, env, v -> formatter.run(v, env, out)));
            } else if (c == '\\' && at + 1 < src.length()) {
                char e = src.charAt(at + 1);
                at += 2;
                switch (e) {
                    case 'n' -> literal.append('\n');
                    case 't' -> literal.append('\t');
                    case 'r' -> literal.append('\r');
                    case 'b' -> literal.append('\b');
                    case 'f' -> literal.append('\f');
                    case 'u' -> {
                        if (at + 4 > src.length()) {
                            throw unexpected();
                        }
                        literal.append((char) Integer.parseInt(src.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> literal.append(e);
                }
            } else {
                literal.append(c);
                at++;
            }
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            String text = literal.toString();
            parts.add((in, env, out) -> out.accept(JSON.textNode(text)));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return (in, env, out) -> concat(parts, 0, "", in, env, out);
    }

    private static void concat(List<JqFilter> parts, int i, String acc, JsonNode in, JqFilter.Env env,
                               java.util.function.Consumer<JsonNode> out) {
        if (i == parts.size()) {
            out.accept(JSON.textNode(acc));
            return;
        }
        parts.get(i).run(in, env, v -> concat(parts, i + 1, acc + v.asText(), in, env, out));
    }
}
