package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.kubelab.kubectl.go.GoText;
import io.kubelab.kubectl.print.gotemplate.GoValues.GoInt;
import io.kubelab.kubectl.print.gotemplate.GoValues.Iface;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ActionNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.BoolNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.BranchNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.BreakNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ChainNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.CommandNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.CommentNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ContinueNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.DotNode;
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
import java.util.List;
import java.util.Map;

/**
 * Go's {@code text/template} execution ({@code exec.go}, Go 1.23) over decoded JSON, with kubectl's
 * {@code missingkey=default} (a missing key is an invalid value, printed {@code <no value>}) or
 * {@code missingkey=error}. Bounded: at most {@link GoTemplate#MAX_OUTPUT} characters of output and
 * {@link GoTemplate#MAX_STEPS} evaluation steps (range over a large integer, recursive templates).
 */
final class TemplateExec {

    private static final int MAX_TEMPLATE_DEPTH = 100_000;
    private static final int JAVA_TEMPLATE_DEPTH = 1_000;

    /** Unwinds a {@code {{break}}} or {@code {{continue}}} to its range. */
    private static final class LoopControl extends RuntimeException {
        final boolean isBreak;

        LoopControl(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private record Variable(String name, Object value) {
    }

    private final String text;
    private final Map<String, ListNode> templates;
    private final boolean missingKeyError;
    private final StringBuilder out = new StringBuilder();
    private final List<Variable> vars = new ArrayList<>();
    private String tmplName;
    private TemplateNode node;
    private int depth;
    private long steps;

    TemplateExec(String text, Map<String, ListNode> templates, boolean missingKeyError) {
        this.text = text;
        this.templates = templates;
        this.missingKeyError = missingKeyError;
    }

    String execute(String name, JsonNode data) {
        tmplName = name;
        vars.add(new Variable("$", data));
        try {
            walk(data, templates.get(name));
        } catch (GoTemplateException e) {
            throw e.withOutput(out.toString());
        }
        return out.toString();
    }

    // ---- errors

    void at(TemplateNode n) {
        node = n;
    }

    GoTemplateException error(String message) {
        String location = "output";
        if (node != null) {
            int pos = node.pos();
            String before = text.substring(0, Math.min(pos, text.length()));
            int nl = before.lastIndexOf('\n');
            int lineNum = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int byteNum = nl < 0 ? GoText.utf8Length(before) : GoText.utf8Length(before.substring(nl + 1));
            location = "output:" + lineNum + ":" + byteNum;
            return new GoTemplateException("template: " + location + ": executing " + GoText.quote(tmplName)
                    + " at <" + node + ">: " + message, "");
        }
        return new GoTemplateException("template: " + location + ": " + message, "");
    }

    private void step() {
        if (++steps > GoTemplate.MAX_STEPS) {
            throw error("template exceeds " + GoTemplate.MAX_STEPS + " evaluation steps");
        }
    }

    private void write(String s) {
        out.append(s);
        if (out.length() > GoTemplate.MAX_OUTPUT) {
            throw error("output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
        }
    }

    // ---- walking

    private void walk(Object dot, TemplateNode n) {
        at(n);
        step();
        if (n instanceof ActionNode a) {
            Object val = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                printValue(a, val);
            }
        } else if (n instanceof BreakNode) {
            throw new LoopControl(true);
        } else if (n instanceof ContinueNode) {
            throw new LoopControl(false);
        } else if (n instanceof CommentNode) {
            return;
        } else if (n instanceof BranchNode b) {
            switch (b.keyword()) {
                case "if", "with" -> walkIfOrWith(b, dot);
                case "range" -> walkRange(b, dot);
                default -> walk(dot, b.list());
            }
        } else if (n instanceof ListNode l) {
            for (TemplateNode child : l.nodes()) {
                walk(dot, child);
            }
        } else if (n instanceof TemplateCallNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof TextNode t) {
            write(t.text());
        } else {
            throw error("unknown node: " + n);
        }
    }

    private int mark() {
        return vars.size();
    }

    private void pop(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    private void walkIfOrWith(BranchNode b, Object dot) {
        int mark = mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            boolean truth = GoValues.truth(GoValues.concrete(val));
            if (truth) {
                walk(b.keyword().equals("with") ? val : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(BranchNode r, Object dot) {
        at(r);
        int outer = mark();
        try {
            Object val = GoValues.concrete(evalPipeline(dot, r.pipe()));
            int mark = mark();
            boolean ran = false;
            if (val != null && ((JsonNode) val).isArray()) {
                JsonNode list = (JsonNode) val;
                for (int i = 0; i < list.size(); i++) {
                    ran = true;
                    if (!oneIteration(r, new GoInt(i), GoValues.iface(list.get(i)), mark)) {
                        break;
                    }
                }
            } else if (val != null && ((JsonNode) val).isObject()) {
                JsonNode map = (JsonNode) val;
                for (String key : GoPrint.sortedKeys(map)) {
                    ran = true;
                    if (!oneIteration(r, com.fasterxml.jackson.databind.node.TextNode.valueOf(key), GoValues.iface(map.get(key)), mark)) {
                        break;
                    }
                }
            } else if (val != null) {
                throw error("range can't iterate over " + GoPrint.sprint((JsonNode) val, false));
            }
            if (!ran && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            pop(outer);
        }
    }

    /** One pass of a range body; false after {@code {{break}}}. */
    private boolean oneIteration(BranchNode r, Object index, Object elem, int mark) {
        List<VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : elem);
            } else {
                setTopVar(1, elem);
            }
        }
        if (decl.size() > 1) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(1).ident().get(0), elem);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(elem, r.list());
        } catch (LoopControl c) {
            if (c.isBreak) {
                return false;
            }
        } finally {
            pop(mark);
        }
        return true;
    }

    private void walkTemplate(Object dot, TemplateCallNode t) {
        at(t);
        ListNode tmpl = templates.get(t.name());
        if (tmpl == null) {
            throw error("template " + GoText.quote(t.name()) + " not defined");
        }
        if (depth >= JAVA_TEMPLATE_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_TEMPLATE_DEPTH + ")");
        }
        Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
        List<Variable> saved = new ArrayList<>(vars);
        String savedName = tmplName;
        vars.clear();
        vars.add(new Variable("$", newDot));
        tmplName = t.name();
        depth++;
        try {
            walk(newDot, tmpl);
        } finally {
            depth--;
            tmplName = savedName;
            vars.clear();
            vars.addAll(saved);
        }
    }

    private void setVar(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                vars.set(i, new Variable(name, value));
                return;
            }
        }
        throw error("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        int i = vars.size() - n;
        vars.set(i, new Variable(vars.get(i).name(), value));
    }

    private Object varValue(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                return vars.get(i).value();
            }
        }
        throw error("undefined variable: " + name);
    }

    // ---- evaluation

    /** A sentinel for "no final value" (Go's {@code missingVal}), distinct from an invalid value. */
    static final Object MISSING = new Object();

    Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
            if (value instanceof Iface i) {
                value = i.value().isNull() ? null : i.value();
            }
        }
        if (value == MISSING) {
            value = null;
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().get(0), value);
            } else {
                vars.add(new Variable(v.ident().get(0), value));
            }
        }
        return value;
    }

    private void notAFunction(List<TemplateNode> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        step();
        TemplateNode first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            return evalFieldNode(dot, f, cmd.args(), fin);
        } else if (first instanceof ChainNode c) {
            return evalChainNode(dot, c, cmd.args(), fin);
        } else if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        } else if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        } else if (first instanceof VariableNode v) {
            return evalVariableNode(dot, v, cmd.args(), fin);
        }
        at(first);
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return BooleanNode.valueOf(b.value());
        } else if (first instanceof DotNode) {
            return dot;
        } else if (first instanceof NilNode) {
            throw error("nil is not a command");
        } else if (first instanceof NumberNode n) {
            return constant(n);
        } else if (first instanceof StringNode s) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s.text());
        }
        throw error("can't evaluate command " + GoText.quote(first.toString()));
    }

    static JsonNode constant(NumberNode n) {
        if (n.value() instanceof Long l) {
            return new GoInt(l);
        }
        if (n.value() instanceof Double d) {
            return DoubleNode.valueOf(d);
        }
        return null;
    }

    Object evalFieldNode(Object dot, FieldNode field, List<TemplateNode> args, Object fin) {
        at(field);
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    Object evalChainNode(Object dot, ChainNode chain, List<TemplateNode> args, Object fin) {
        at(chain);
        if (chain.node() instanceof NilNode) {
            throw error("indirection through explicit nil in " + chain);
        }
        Object pipe = evalArg(dot, TemplateFuncs.ArgType.ANY_VALUE, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.field(), args, fin);
    }

    Object evalVariableNode(Object dot, VariableNode variable, List<TemplateNode> args, Object fin) {
        at(variable);
        Object value = varValue(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, TemplateNode n, List<String> ident,
                                  List<TemplateNode> args, Object fin) {
        int last = ident.size() - 1;
        for (int i = 0; i < last; i++) {
            receiver = evalField(ident.get(i), List.of(), MISSING, receiver);
        }
        return evalField(ident.get(last), args, fin, receiver);
    }

    private Object evalField(String fieldName, List<TemplateNode> args, Object fin, Object receiver) {
        if (receiver == null) {
            if (missingKeyError) {
                throw error("nil data; no entry for key " + GoText.quote(fieldName));
            }
            return null;
        }
        String typ = GoValues.typeName(receiver);
        if (GoValues.isNilIface(receiver)) {
            throw error("nil pointer evaluating " + typ + "." + fieldName);
        }
        JsonNode r = GoValues.concrete(receiver);
        boolean hasArgs = args.size() > 1 || fin != MISSING;
        if (r != null && r.isObject()) {
            if (hasArgs) {
                throw error(fieldName + " is not a method but has arguments");
            }
            JsonNode result = r.get(fieldName);
            if (result == null) {
                if (missingKeyError) {
                    throw error("map has no entry for key " + GoText.quote(fieldName));
                }
                return null;
            }
            return new Iface(result);
        }
        throw error("can't evaluate field " + fieldName + " in type " + typ);
    }

    private Object evalFunction(Object dot, IdentifierNode id, TemplateNode cmd, List<TemplateNode> args, Object fin) {
        at(id);
        TemplateFuncs.Func f = TemplateFuncs.lookup(id.ident());
        if (f == null) {
            throw error(GoText.quote(id.ident()) + " is not a defined function");
        }
        return TemplateFuncs.call(this, dot, f, cmd, args, fin);
    }

    /** Go's {@code evalArg} for one argument node, given the parameter's type. */
    Object evalArg(Object dot, TemplateFuncs.ArgType type, TemplateNode n) {
        at(n);
        Object value;
        if (n instanceof DotNode) {
            value = dot;
        } else if (n instanceof NilNode) {
            if (type == TemplateFuncs.ArgType.ANY) {
                return null;
            }
            throw error("cannot assign nil to " + type.goName);
        } else if (n instanceof FieldNode f) {
            value = evalFieldNode(dot, f, List.of(n), MISSING);
        } else if (n instanceof VariableNode v) {
            value = evalVariableNode(dot, v, List.of(), MISSING);
        } else if (n instanceof PipeNode p) {
            value = evalPipeline(dot, p);
        } else if (n instanceof IdentifierNode id) {
            value = evalFunction(dot, id, id, List.of(), MISSING);
        } else if (n instanceof ChainNode c) {
            value = evalChainNode(dot, c, List.of(), MISSING);
        } else if (n instanceof BoolNode b) {
            value = BooleanNode.valueOf(b.value());
        } else if (n instanceof NumberNode num) {
            value = constant(num);
            if (type == TemplateFuncs.ArgType.STRING) {
                throw error("expected string; found " + num);
            }
        } else if (n instanceof StringNode s) {
            value = com.fasterxml.jackson.databind.node.TextNode.valueOf(s.text());
        } else {
            throw error("can't handle " + n + " for arg of type " + type.goName);
        }
        return validateType(value, type);
    }

    /** Go's {@code validateType}: a typed parameter takes only its type (an interface is opened first). */
    Object validateType(Object value, TemplateFuncs.ArgType type) {
        if (type == TemplateFuncs.ArgType.ANY || type == TemplateFuncs.ArgType.ANY_VALUE) {
            return value;
        }
        if (value == null) {
            throw error("invalid value; expected " + type.goName);
        }
        JsonNode n = value instanceof Iface i ? i.value() : (JsonNode) value;
        boolean ok = type == TemplateFuncs.ArgType.STRING ? n.isTextual() : n.isBoolean();
        if (!ok) {
            String got = value instanceof Iface && n.isNull() ? "interface {}" : GoValues.concreteTypeName(n);
            throw error("wrong type for value; expected " + type.goName + "; got " + got);
        }
        return n;
    }

    void printValue(TemplateNode n, Object v) {
        at(n);
        JsonNode c = v instanceof Iface i ? i.value() : (JsonNode) v;
        if (c == null || c.isNull() && !(v instanceof Iface)) {
            write("<no value>");
            return;
        }
        write(GoPrint.sprint(c, false));
    }

}
