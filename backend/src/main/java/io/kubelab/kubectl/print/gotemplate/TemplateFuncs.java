package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kubelab.kubectl.print.gotemplate.GoValues.GoInt;
import io.kubelab.kubectl.print.gotemplate.GoValues.Iface;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The functions a kubectl go-template can call: Go's built-ins ({@code and or not len index slice print
 * printf println eq ne lt le gt ge html js urlquery call}) and the two kubectl adds in cli-runtime's
 * {@code printers/template.go}: {@code exists} and {@code base64decode} (kubectl 1.32 has no sprig).
 * Argument counts, types and errors as Go's {@code evalCall} checks and words them.
 */
final class TemplateFuncs {

    /** A parameter's Go type: {@code reflect.Value}, {@code any}, {@code string}. */
    enum ArgType {
        ANY_VALUE("reflect.Value"), ANY("interface {}"), STRING("string");

        final String goName;

        ArgType(String goName) {
            this.goName = goName;
        }
    }

    /** An error the function returns; Go reports it as {@code error calling NAME: MESSAGE}. */
    static final class FuncError extends RuntimeException {
        FuncError(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    interface Impl {
        Object apply(List<Object> args);
    }

    record Func(String name, List<ArgType> fixed, ArgType variadic, Impl impl) {
    }

    private static final Map<String, Func> FUNCS = Map.ofEntries(
            fn("and", List.of(ArgType.ANY_VALUE), ArgType.ANY_VALUE, a -> null),
            fn("or", List.of(ArgType.ANY_VALUE), ArgType.ANY_VALUE, a -> null),
            fn("not", List.of(ArgType.ANY_VALUE), null, a -> BooleanNode.valueOf(!GoValues.truth(GoValues.concrete(a.get(0))))),
            fn("len", List.of(ArgType.ANY_VALUE), null, a -> length(a.get(0))),
            fn("index", List.of(ArgType.ANY_VALUE), ArgType.ANY_VALUE, TemplateFuncs::index),
            fn("slice", List.of(ArgType.ANY_VALUE), ArgType.ANY_VALUE, TemplateFuncs::slice),
            fn("print", List.of(), ArgType.ANY, a -> TextNode.valueOf(sprint(a, false))),
            fn("println", List.of(), ArgType.ANY, a -> TextNode.valueOf(sprint(a, true))),
            fn("printf", List.of(ArgType.STRING), ArgType.ANY, TemplateFuncs::printf),
            fn("eq", List.of(ArgType.ANY_VALUE), ArgType.ANY_VALUE, a -> BooleanNode.valueOf(GoCompareValues.eq(a))),
            fn("ne", List.of(ArgType.ANY_VALUE, ArgType.ANY_VALUE), null,
                    a -> BooleanNode.valueOf(!GoCompareValues.eq(a))),
            fn("lt", List.of(ArgType.ANY_VALUE, ArgType.ANY_VALUE), null,
                    a -> BooleanNode.valueOf(GoCompareValues.lt(a.get(0), a.get(1)))),
            fn("le", List.of(ArgType.ANY_VALUE, ArgType.ANY_VALUE), null,
                    a -> BooleanNode.valueOf(GoCompareValues.le(a.get(0), a.get(1)))),
            fn("gt", List.of(ArgType.ANY_VALUE, ArgType.ANY_VALUE), null,
                    a -> BooleanNode.valueOf(!GoCompareValues.le(a.get(0), a.get(1)))),
            fn("ge", List.of(ArgType.ANY_VALUE, ArgType.ANY_VALUE), null,
                    a -> BooleanNode.valueOf(!GoCompareValues.lt(a.get(0), a.get(1)))),
            fn("html", List.of(), ArgType.ANY, a -> TextNode.valueOf(GoEscapes.html(evalArgs(a)))),
            fn("js", List.of(), ArgType.ANY, a -> TextNode.valueOf(GoEscapes.js(evalArgs(a)))),
            fn("urlquery", List.of(), ArgType.ANY, a -> TextNode.valueOf(GoEscapes.urlQuery(evalArgs(a)))),
            fn("call", List.of(ArgType.ANY_VALUE), ArgType.ANY_VALUE, a -> {
                throw new FuncError("non-function " + GoPrint.sprint(GoValues.concrete(a.get(0)), false)
                        + " of type " + GoValues.typeName(a.get(0)));
            }),
            fn("exists", List.of(ArgType.ANY), ArgType.ANY, a -> BooleanNode.valueOf(exists(a))),
            fn("base64decode", List.of(ArgType.STRING), null, a -> base64decode(a.get(0))));

    private TemplateFuncs() {
    }

    private static Map.Entry<String, Func> fn(String name, List<ArgType> fixed, ArgType variadic, Impl impl) {
        return Map.entry(name, new Func(name, fixed, variadic, impl));
    }

    static boolean exists(String name) {
        return FUNCS.containsKey(name);
    }

    static Func lookup(String name) {
        return FUNCS.get(name);
    }

    /** Go's {@code evalCall}: arity check, and/or short circuit, typed argument evaluation, the call. */
    static Object call(TemplateExec s, Object dot, Func f, TemplateNode node, List<TemplateNode> args, Object fin) {
        List<TemplateNode> params = args.isEmpty() ? List.of() : args.subList(1, args.size());
        int numIn = params.size() + (fin != TemplateExec.MISSING ? 1 : 0);
        int numFixed = f.fixed().size();
        if (f.variadic() != null) {
            if (numIn < numFixed) {
                throw s.error("wrong number of args for " + f.name() + ": want at least " + numFixed + " got " + numIn);
            }
        } else if (numIn != numFixed) {
            throw s.error("wrong number of args for " + f.name() + ": want " + numFixed + " got " + numIn);
        }
        if (f.name().equals("and") || f.name().equals("or")) {
            Object v = null;
            for (TemplateNode arg : params) {
                v = unwrap(s.evalArg(dot, ArgType.ANY_VALUE, arg));
                if (GoValues.truth(GoValues.concrete(v)) == f.name().equals("or")) {
                    return v;
                }
            }
            if (fin != TemplateExec.MISSING) {
                v = unwrap(fin);
            }
            return v;
        }
        List<Object> argv = new ArrayList<>(numIn);
        for (int i = 0; i < params.size(); i++) {
            ArgType t = i < numFixed ? f.fixed().get(i) : f.variadic();
            argv.add(s.evalArg(dot, t, params.get(i)));
        }
        if (fin != TemplateExec.MISSING) {
            ArgType t = argv.size() < numFixed ? f.fixed().get(argv.size()) : f.variadic();
            argv.add(s.validateType(fin, t));
        }
        try {
            return f.impl().apply(argv);
        } catch (FuncError e) {
            s.at(node);
            throw s.error("error calling " + f.name() + ": " + e.getMessage());
        }
    }

    /** A value leaving an and/or: Go returns the argument itself, its interface opened. */
    private static Object unwrap(Object v) {
        return v instanceof Iface i ? (i.value().isNull() ? null : i.value()) : v;
    }

    private static JsonNode length(Object item) {
        JsonNode n = GoValues.concrete(item);
        if (n == null) {
            if (item == null) {
                throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
            }
            throw new FuncError("len of nil pointer");
        }
        if (n.isObject() || n.isArray()) {
            return new GoInt(n.size());
        }
        if (n.isTextual()) {
            return new GoInt(n.textValue().getBytes(StandardCharsets.UTF_8).length);
        }
        throw new FuncError("len of type " + GoValues.concreteTypeName(n));
    }

    private static Object index(List<Object> a) {
        JsonNode item = GoValues.concrete(a.get(0));
        if (item == null) {
            throw new FuncError("index of untyped nil");
        }
        Object result = item;
        for (int k = 1; k < a.size(); k++) {
            JsonNode cur = GoValues.concrete(result);
            if (cur == null) {
                throw new FuncError("index of untyped nil");
            }
            JsonNode idx = GoValues.concrete(a.get(k));
            if (cur.isArray() || cur.isTextual()) {
                int len = cur.isArray() ? cur.size() : cur.textValue().getBytes(StandardCharsets.UTF_8).length;
                long x = indexArg(idx, len);
                if (x == len) {
                    // Go's reflect panics here; text/template reports the panic as the call's error
                    throw new FuncError(cur.isArray() ? "reflect: slice index out of range" : "reflect: string index out of range");
                }
                result = cur.isArray() ? new Iface(cur.get((int) x))
                        : new GoInt(cur.textValue().getBytes(StandardCharsets.UTF_8)[(int) x] & 0xFF);
            } else if (cur.isObject()) {
                if (idx == null) {
                    throw new FuncError("value is nil; should be of type string");
                }
                if (!idx.isTextual()) {
                    throw new FuncError("value has type " + GoValues.concreteTypeName(idx) + "; should be string");
                }
                JsonNode v = cur.get(idx.textValue());
                result = new Iface(v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v);
            } else {
                throw new FuncError("can't index item of type " + GoValues.concreteTypeName(cur));
            }
        }
        return result;
    }

    private static long indexArg(JsonNode idx, int cap) {
        if (idx == null) {
            throw new FuncError("cannot index slice/array with nil");
        }
        if (!GoValues.isInt(idx)) {
            throw new FuncError("cannot index slice/array with type " + GoValues.concreteTypeName(idx));
        }
        long x = GoNumbers.longValue(idx);
        if (x < 0 || x > cap) {
            throw new FuncError("index out of range: " + x);
        }
        return x;
    }

    private static Object slice(List<Object> a) {
        JsonNode item = GoValues.concrete(a.get(0));
        if (item == null) {
            throw new FuncError("slice of untyped nil");
        }
        if (a.size() > 4) {
            throw new FuncError("too many slice indexes: " + (a.size() - 1));
        }
        int cap;
        if (item.isTextual()) {
            if (a.size() == 4) {
                throw new FuncError("cannot 3-index slice a string");
            }
            cap = item.textValue().getBytes(StandardCharsets.UTF_8).length;
        } else if (item.isArray()) {
            cap = item.size();
        } else {
            throw new FuncError("can't slice item of type " + GoValues.concreteTypeName(item));
        }
        long[] idx = {0, cap};
        for (int k = 1; k < a.size(); k++) {
            idx[Math.min(k - 1, 1)] = indexArg(GoValues.concrete(a.get(k)), cap);
            if (k == 3) {
                idx = new long[] {idx[0], idx[1]};
            }
        }
        if (idx[0] > idx[1]) {
            throw new FuncError("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (item.isTextual()) {
            byte[] bytes = item.textValue().getBytes(StandardCharsets.UTF_8);
            return TextNode.valueOf(new String(bytes, (int) idx[0], (int) (idx[1] - idx[0]), StandardCharsets.UTF_8));
        }
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (long i = idx[0]; i < idx[1]; i++) {
            out.add(item.get((int) i));
        }
        return out;
    }

    /** fmt.Sprint / Sprintln over template values (a nil or missing value is Go's {@code <nil>}). */
    static String sprint(List<Object> args, boolean ln) {
        StringBuilder b = new StringBuilder();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            JsonNode n = GoValues.concrete(args.get(i));
            boolean isString = n != null && n.isTextual();
            if (i > 0 && (ln || (!isString && !prevString))) {
                b.append(' ');
            }
            b.append(n == null ? "<nil>" : GoPrint.sprint(n, false));
            prevString = isString;
        }
        if (ln) {
            b.append('\n');
        }
        return b.toString();
    }

    private static Object printf(List<Object> a) {
        String format = ((JsonNode) a.get(0)).textValue();
        List<JsonNode> rest = new ArrayList<>(a.size());
        for (int i = 1; i < a.size(); i++) {
            rest.add(GoValues.concrete(a.get(i)));
        }
        return TextNode.valueOf(GoPrintf.sprintf(format, rest));
    }

    /** Go's {@code evalArgs} for html/js/urlquery: one string as is, else fmt.Sprint. */
    private static String evalArgs(List<Object> a) {
        if (a.size() == 1) {
            JsonNode n = GoValues.concrete(a.get(0));
            if (n != null && n.isTextual()) {
                return n.textValue();
            }
        }
        return sprint(a, false);
    }

    private static boolean exists(List<Object> a) {
        JsonNode v = GoValues.concrete(a.get(0));
        for (int k = 1; k < a.size(); k++) {
            if (v == null) {
                return false;
            }
            JsonNode idx = GoValues.concrete(a.get(k));
            if (v.isArray() || v.isTextual()) {
                if (idx == null || !GoValues.isInt(idx)) {
                    return false;
                }
                long x = GoNumbers.longValue(idx);
                int len = v.isArray() ? v.size() : v.textValue().getBytes(StandardCharsets.UTF_8).length;
                if (x < 0 || x >= len) {
                    return false;
                }
                v = v.isArray() ? v.get((int) x) : new GoInt(v.textValue().getBytes(StandardCharsets.UTF_8)[(int) x]);
            } else if (v.isObject()) {
                if (idx == null || !idx.isTextual()) {
                    return false;
                }
                v = v.get(idx.textValue());
            } else {
                return false;
            }
            if (v != null && v.isNull()) {
                v = null;
            }
        }
        return v != null;
    }

    private static Object base64decode(Object arg) {
        String s = ((JsonNode) arg).textValue();
        try {
            return TextNode.valueOf(new String(GoEscapes.base64Std(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new FuncError("base64 decode failed: " + e.getMessage());
        }
    }
}
