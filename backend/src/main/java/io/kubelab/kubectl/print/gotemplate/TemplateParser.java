package io.kubelab.kubectl.print.gotemplate;

import io.kubelab.kubectl.go.GoText;
import io.kubelab.kubectl.print.gotemplate.TemplateLexer.Kind;
import io.kubelab.kubectl.print.gotemplate.TemplateLexer.Token;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ActionNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.BoolNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.BranchNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.BreakNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ChainNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.CommandNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.CommentNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ContinueNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.DotNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ElseNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.EndNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.FieldNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.IdentifierNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ListNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.NilNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.NumberNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.PipeNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.StringNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.TemplateCallNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.TextNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.VariableNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code text/template/parse} parser (Go 1.23), with its error texts: {@code template: output:1:
 * unexpected "}" in operand}, {@code function "upper" not defined}, {@code unexpected {{end}}}...
 */
final class TemplateParser {

    private final String name;
    private final List<Token> tokens;
    private final Map<String, ListNode> templates;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int index;
    private int furthest = -1;
    private int actionLine;
    private int rangeDepth;
    private int stackDepth;

    /**
     * Parentheses and if/range/with nested deeper than this are refused (ours: Go's goroutine stacks grow
     * where a Java thread's stack does not; kubectl accepts at least 10000 levels, templates use a handful).
     */
    static final int MAX_STACK_DEPTH = 100;
    static final String MAX_DEPTH = "template nesting deeper than " + MAX_STACK_DEPTH + " levels";

    private TemplateParser(String name, String text, Map<String, ListNode> templates) {
        this.name = name;
        this.tokens = TemplateLexer.lex(text);
        this.templates = templates;
    }

    /** Parses {@code text}; the main tree goes in {@code templates} under {@code name}, with any {@code define}d. */
    static void parse(String name, String text, Map<String, ListNode> templates) {
        TemplateParser p = new TemplateParser(name, text, templates);
        ListNode root = new ListNode(0);
        while (p.peek().kind() != Kind.EOF) {
            if (p.peek().kind() == Kind.LEFT_DELIM) {
                int save = p.index;
                p.next();
                if (p.nextNonSpace().kind() == Kind.DEFINE) {
                    p.parseDefinition();
                    continue;
                }
                p.index = save;
            }
            TemplateNode n = p.textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw p.error("unexpected " + n);
            }
            root.nodes().add(n);
        }
        // Go keeps an earlier definition when the new tree is empty (all text is space).
        templates.put(name, root);
    }

    // ---- tokens

    private Token next() {
        Token t = tokens.get(Math.min(index, tokens.size() - 1));
        index++;
        furthest = Math.max(furthest, Math.min(index - 1, tokens.size() - 1));
        return t;
    }

    private void backup() {
        index--;
    }

    private Token peek() {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    private Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.kind() == Kind.SPACE);
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    private Token expect(Kind kind, String context) {
        Token t = nextNonSpace();
        if (t.kind() != kind) {
            throw unexpected(t, context);
        }
        return t;
    }

    GoTemplateException error(String message) {
        int line = tokens.get(Math.max(furthest, 0)).line();
        return new GoTemplateException("template: " + name + ":" + line + ": " + message, "");
    }

    private GoTemplateException unexpected(Token t, String context) {
        if (t.kind() == Kind.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + name + ":" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return error(t + extra);
        }
        return error("unexpected " + t + " in " + context);
    }

    // ---- structure

    private void parseDefinition() {
        String context = "define clause";
        Token nameToken = nextNonSpace();
        String defined = templateName(nameToken, context);
        expect(Kind.RIGHT_DELIM, context);
        TemplateNode[] end = new TemplateNode[1];
        ListNode list = itemList(end);
        if (!(end[0] instanceof EndNode)) {
            throw error("unexpected " + end[0] + " in " + context);
        }
        templates.put(defined, list);
    }

    private String templateName(Token token, String context) {
        if (token.kind() == Kind.STRING || token.kind() == Kind.RAW_STRING) {
            String s = unquote(token);
            return s;
        }
        throw unexpected(token, context);
    }

    private TemplateNode textOrAction() {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case TEXT -> {
                return new TextNode(token.pos(), token.val());
            }
            case LEFT_DELIM -> {
                actionLine = token.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            }
            case COMMENT -> {
                return new CommentNode(token.pos(), token.val());
            }
            default -> throw unexpected(token, "input");
        }
    }

    private TemplateNode action() {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case BLOCK -> {
                return blockControl();
            }
            case BREAK, CONTINUE -> {
                String word = token.kind() == Kind.BREAK ? "break" : "continue";
                Token t = nextNonSpace();
                if (t.kind() != Kind.RIGHT_DELIM) {
                    throw unexpected(t, "{{" + word + "}}");
                }
                if (rangeDepth == 0) {
                    throw error("{{" + word + "}} outside {{range}}");
                }
                return token.kind() == Kind.BREAK ? new BreakNode(token.pos(), token.line())
                        : new ContinueNode(token.pos(), token.line());
            }
            case ELSE -> {
                Token p = peekNonSpace();
                if (p.kind() == Kind.IF || p.kind() == Kind.WITH) {
                    return new ElseNode(p.pos(), p.line());
                }
                Token t = expect(Kind.RIGHT_DELIM, "else");
                return new ElseNode(t.pos(), t.line());
            }
            case END -> {
                return new EndNode(expect(Kind.RIGHT_DELIM, "end").pos());
            }
            case IF -> {
                return control("if");
            }
            case RANGE -> {
                return control("range");
            }
            case WITH -> {
                return control("with");
            }
            case TEMPLATE -> {
                return templateControl();
            }
            default -> {
                backup();
                Token t = peek();
                return new ActionNode(t.pos(), t.line(), pipeline("command", Kind.RIGHT_DELIM));
            }
        }
    }

    private BranchNode control(String context) {
        int saved = vars.size();
        if (++stackDepth > MAX_STACK_DEPTH) {
            throw error(MAX_DEPTH);
        }
        try {
            PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            TemplateNode[] next = new TemplateNode[1];
            ListNode list = itemList(next);
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (next[0] instanceof ElseNode) {
                if (context.equals("if") && peek().kind() == Kind.IF) {
                    next();
                    elseList = new ListNode(next[0].pos());
                    elseList.nodes().add(control("if"));
                } else if (context.equals("with") && peek().kind() == Kind.WITH) {
                    next();
                    elseList = new ListNode(next[0].pos());
                    elseList.nodes().add(control("with"));
                } else {
                    elseList = itemList(next);
                    if (!(next[0] instanceof EndNode)) {
                        throw error("expected end; found " + next[0]);
                    }
                }
            }
            return new BranchNode(context, pipe.pos(), pipe.line(), pipe, list, elseList);
        } finally {
            stackDepth--;
            while (vars.size() > saved) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private BranchNode blockControl() {
        String context = "block clause";
        Token token = nextNonSpace();
        String blockName = templateName(token, context);
        PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
        TemplateNode[] end = new TemplateNode[1];
        ListNode list = itemList(end);
        if (!(end[0] instanceof EndNode)) {
            throw error("unexpected " + end[0] + " in " + context);
        }
        templates.put(blockName, list);
        ListNode call = new ListNode(token.pos());
        call.nodes().add(new TemplateCallNode(token.pos(), token.line(), blockName, pipe));
        return new BranchNode("block", token.pos(), token.line(), pipe, call, null);
    }

    private TemplateCallNode templateControl() {
        String context = "template clause";
        Token token = nextNonSpace();
        String called = templateName(token, context);
        PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Kind.RIGHT_DELIM);
        }
        return new TemplateCallNode(token.pos(), token.line(), called, pipe);
    }

    private ListNode itemList(TemplateNode[] terminator) {
        ListNode list = new ListNode(peekNonSpace().pos());
        while (peekNonSpace().kind() != Kind.EOF) {
            TemplateNode n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                terminator[0] = n;
                return list;
            }
            list.nodes().add(n);
        }
        throw error("unexpected EOF");
    }

    // ---- pipelines

    private PipeNode pipeline(String context, Kind end) {
        Token first = peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        List<CommandNode> cmds = new ArrayList<>();
        boolean isAssign = false;
        decls:
        while (true) {
            Token v = peekNonSpace();
            if (v.kind() != Kind.VARIABLE) {
                break;
            }
            int before = index;
            nextNonSpace();
            Token afterVariable = peek();
            Token nxt = peekNonSpace();
            if (nxt.kind() == Kind.ASSIGN || nxt.kind() == Kind.DECLARE) {
                isAssign = nxt.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                break;
            } else if (nxt.kind() == Kind.CHAR && nxt.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        continue decls;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else {
                index = before;
                break;
            }
        }
        while (true) {
            Token token = nextNonSpace();
            if (token.kind() == end) {
                PipeNode pipe = new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (token.kind()) {
                case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                        LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(token, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds().isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds().size(); i++) {
            TemplateNode first = pipe.cmds().get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos(), new ArrayList<>());
        while (true) {
            peekNonSpace();
            TemplateNode operand = operand();
            if (operand != null) {
                cmd.args().add(operand);
            }
            Token token = next();
            if (token.kind() == Kind.SPACE) {
                continue;
            }
            if (token.kind() == Kind.RIGHT_DELIM || token.kind() == Kind.RIGHT_PAREN) {
                backup();
            } else if (token.kind() != Kind.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (cmd.args().isEmpty()) {
            throw error("empty command");
        }
        return cmd;
    }

    private TemplateNode operand() {
        TemplateNode node = term();
        if (node == null) {
            return null;
        }
        if (peek().kind() == Kind.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().kind() == Kind.FIELD) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                node = new FieldNode(chainPos, all);
            } else if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                node = new VariableNode(chainPos, all);
            } else if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw error("unexpected . after term " + GoText.quote(node.toString()));
            } else {
                node = new ChainNode(chainPos, node, fields);
            }
        }
        return node;
    }

    private TemplateNode term() {
        Token token = nextNonSpace();
        switch (token.kind()) {
            case IDENTIFIER -> {
                if (!TemplateFuncs.exists(token.val())) {
                    throw error("function " + GoText.quote(token.val()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.val());
            }
            case DOT -> {
                return new DotNode(token.pos());
            }
            case NIL -> {
                return new NilNode(token.pos());
            }
            case VARIABLE -> {
                List<String> ident = Arrays.asList(token.val().split("\\.", -1));
                if (!vars.contains(ident.get(0))) {
                    throw error("undefined variable " + GoText.quote(ident.get(0)));
                }
                return new VariableNode(token.pos(), ident);
            }
            case FIELD -> {
                return new FieldNode(token.pos(), List.of(token.val().substring(1)));
            }
            case BOOL -> {
                return new BoolNode(token.pos(), token.val().equals("true"));
            }
            case CHAR_CONSTANT, NUMBER -> {
                return number(token);
            }
            case LEFT_PAREN -> {
                if (++stackDepth > MAX_STACK_DEPTH) {
                    throw error(MAX_DEPTH);
                }
                try {
                    return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            }
            case STRING, RAW_STRING -> {
                return new StringNode(token.pos(), token.val(), unquote(token));
            }
            default -> {
                backup();
                return null;
            }
        }
    }

    private String unquote(Token token) {
        String v = token.val();
        if (token.kind() == Kind.RAW_STRING) {
            return v.substring(1, v.length() - 1).replace("\r", "");
        }
        String s = v.startsWith("\"") ? GoStrings.unquote(v) : null;
        if (s == null) {
            throw error("invalid syntax");
        }
        return s;
    }

    private NumberNode number(Token token) {
        String text = token.val();
        if (token.kind() == Kind.CHAR_CONSTANT) {
            String s = GoStrings.unquote("\"" + text.substring(1, text.length() - 1).replace("\\'", "'") + "\"");
            if (s == null || s.codePointCount(0, s.length()) != 1) {
                throw error("malformed character constant: " + text);
            }
            return new NumberNode(token.pos(), text, (long) s.codePointAt(0));
        }
        if (text.endsWith("i")) {
            throw error("complex constants are not supported: " + text);
        }
        String clean = text.replace("_", "");
        boolean negative = clean.startsWith("-");
        String body = clean.startsWith("+") || negative ? clean.substring(1) : clean;
        try {
            long v;
            if (body.startsWith("0x") || body.startsWith("0X")) {
                v = Long.parseLong(body.substring(2), 16);
            } else if (body.startsWith("0o") || body.startsWith("0O")) {
                v = Long.parseLong(body.substring(2), 8);
            } else if (body.startsWith("0b") || body.startsWith("0B")) {
                v = Long.parseLong(body.substring(2), 2);
            } else if (body.length() > 1 && body.startsWith("0") && body.chars().allMatch(Character::isDigit)) {
                v = Long.parseLong(body.substring(1), 8);
            } else {
                v = Long.parseLong(body);
            }
            return new NumberNode(token.pos(), text, negative ? -v : v);
        } catch (NumberFormatException notInt) {
            // a float constant, or an integer too large for int (Go then prints no value)
        }
        try {
            double d = Double.parseDouble(clean);
            boolean floatSyntax = !body.startsWith("0x") && body.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0);
            return new NumberNode(token.pos(), text, floatSyntax ? (Object) d : null);
        } catch (NumberFormatException e) {
            throw error("illegal number syntax: " + GoText.quote(text));
        }
    }
}
