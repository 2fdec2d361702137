package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import static io.kubelab.shell.JqValues.JSON;

/** jq's builtin functions and {@code @formats}, as jq 1.6 defines them. */
final class JqBuiltins {

    private JqBuiltins() {
    }

    static final JqFilter RECURSE = (in, env, out) -> recurse(in, env, out);

    private static void recurse(JsonNode v, JqFilter.Env env, Consumer<JsonNode> out) {
        env.step();
        out.accept(v);
        if (v.isArray() || v.isObject()) {
            for (JsonNode child : v) {
                recurse(child, env, out);
            }
        }
    }

    /** A function of no arguments applied to its input. */
    private interface Unary {
        JsonNode apply(JsonNode in);
    }

    private static JqFilter of(Unary f) {
        return (in, env, out) -> out.accept(f.apply(in));
    }

    /** All outputs of {@code f} on {@code in}. */
    private static List<JsonNode> all(JqFilter f, JsonNode in, JqFilter.Env env) {
        List<JsonNode> out = new ArrayList<>();
        f.run(in, env, out::add);
        return out;
    }

    static JqFilter call(String name, List<JqFilter> a) {
        int n = a.size();
        switch (name + "/" + n) {
            case "empty/0":
                return (in, env, out) -> { };
            case "not/0":
                return of(in -> JSON.booleanNode(!JqValues.truthy(in)));
            case "length/0":
                return of(JqBuiltins::length);
            case "utf8bytelength/0":
                return of(in -> JSON.numberNode(in.asText().getBytes(StandardCharsets.UTF_8).length));
            case "keys/0":
                return of(in -> keys(in, true));
            case "keys_unsorted/0":
                return of(in -> keys(in, false));
            case "values/0":
                return (in, env, out) -> {
                    if (!in.isNull()) {
                        out.accept(in);
                    }
                };
            case "type/0":
                return of(in -> JSON.textNode(JqValues.type(in)));
            case "tostring/0":
                return of(in -> in.isTextual() ? in : JSON.textNode(JqValues.text(in, false)));
            case "tonumber/0":
                return of(in -> {
                    if (in.isNumber()) {
                        return in;
                    }
                    try {
                        return JqValues.number(Double.parseDouble(in.asText().strip()));
                    } catch (NumberFormatException e) {
                        throw new JqValues.JqError("Cannot parse '" + in.asText() + "' as JSON");
                    }
                });
            case "tojson/0":
                return of(in -> JSON.textNode(JqValues.text(in, false)));
            case "fromjson/0":
                return of(in -> Jq.parseOne(in.asText()));
            case "ascii_downcase/0":
                return of(in -> JSON.textNode(string(in, "ascii_downcase").toLowerCase(java.util.Locale.ROOT)));
            case "ascii_upcase/0":
                return of(in -> JSON.textNode(string(in, "ascii_upcase").toUpperCase(java.util.Locale.ROOT)));
            case "floor/0":
                return of(in -> JqValues.number(Math.floor(in.doubleValue())));
            case "sqrt/0":
                return of(in -> JqValues.number(Math.sqrt(in.doubleValue())));
            case "add/0":
                return of(in -> {
                    JsonNode acc = JSON.nullNode();
                    for (JsonNode v : in) {
                        acc = JqValues.arith('+', acc, v);
                    }
                    return acc;
                });
            case "any/0":
                return of(in -> JSON.booleanNode(stream(in).anyMatch(JqValues::truthy)));
            case "all/0":
                return of(in -> JSON.booleanNode(stream(in).allMatch(JqValues::truthy)));
            case "reverse/0":
                return of(in -> {
                    ArrayNode out = JSON.arrayNode();
                    for (int i = in.size() - 1; i >= 0; i--) {
                        out.add(in.get(i));
                    }
                    return in.isNull() ? JSON.arrayNode() : out;
                });
            case "sort/0":
                return of(in -> sorted(in, v -> v));
            case "unique/0":
                return of(in -> unique(sorted(in, v -> v), v -> v));
            case "min/0":
                return of(in -> stream(in).min(JqValues::compare).orElse(JSON.nullNode()));
            case "max/0":
                return of(in -> stream(in).max(JqValues::compare).orElse(JSON.nullNode()));
            case "first/0":
                return of(in -> JqPaths.get(in, JSON.numberNode(0)));
            case "last/0":
                return of(in -> JqPaths.get(in, JSON.numberNode(-1)));
            case "flatten/0":
                return of(in -> flatten(in, JSON.arrayNode(), Integer.MAX_VALUE));
            case "to_entries/0":
                return of(JqBuiltins::toEntries);
            case "from_entries/0":
                return of(JqBuiltins::fromEntries);
            case "tostream/0", "paths/0", "leaf_paths/0":
                return null;
            case "select/1":
                return new JqFilter() {
                    public void run(JsonNode in, Env env, Consumer<JsonNode> out) {
                        a.get(0).run(in, env, c -> {
                            if (JqValues.truthy(c)) {
                                out.accept(in);
                            }
                        });
                    }

                    public void paths(PathValue in, Env env, Consumer<PathValue> out) {
                        a.get(0).run(in.value(), env, c -> {
                            if (JqValues.truthy(c)) {
                                out.accept(in);
                            }
                        });
                    }
                };
            case "recurse/0":
                return RECURSE;
            case "map/1":
                return (in, env, out) -> {
                    ArrayNode result = JSON.arrayNode();
                    JqPaths.ITERATE.run(in, env, v -> a.get(0).run(v, env, result::add));
                    out.accept(result);
                };
            case "map_values/1":
                return JqAssign.of("|=", JqPaths.ITERATE, a.get(0));
            case "with_entries/1":
                return (in, env, out) -> {
                    ArrayNode mapped = JSON.arrayNode();
                    for (JsonNode e : toEntries(in)) {
                        a.get(0).run(e, env, mapped::add);
                    }
                    out.accept(fromEntries(mapped));
                };
            case "has/1":
                return (in, env, out) -> a.get(0).run(in, env, k -> out.accept(JSON.booleanNode(
                        in.isObject() ? in.has(k.asText()) : in.isArray() && k.isNumber() && k.asInt() >= 0
                                && k.asInt() < in.size())));
            case "contains/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(JSON.booleanNode(contains(in, b))));
            case "inside/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(JSON.booleanNode(contains(b, in))));
            case "startswith/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(JSON.booleanNode(
                        string(in, "startswith").startsWith(b.asText()))));
            case "endswith/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(JSON.booleanNode(
                        string(in, "endswith").endsWith(b.asText()))));
            case "ltrimstr/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(in.isTextual()
                        && in.asText().startsWith(b.asText()) ? JSON.textNode(in.asText().substring(b.asText().length())) : in));
            case "rtrimstr/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(in.isTextual() && in.asText().endsWith(b.asText())
                        ? JSON.textNode(in.asText().substring(0, in.asText().length() - b.asText().length())) : in));
            case "split/1":
                return (in, env, out) -> a.get(0).run(in, env, b -> out.accept(JqValues.arith('/', in, b)));
            case "join/1":
                return (in, env, out) -> a.get(0).run(in, env, sep -> {
                    StringBuilder s = new StringBuilder();
                    boolean first = true;
                    for (JsonNode v : in) {
                        s.append(first ? "" : sep.asText());
                        first = false;
                        if (v.isTextual()) {
                            s.append(v.asText());
                        } else if (!v.isNull()) {
                            if (v.isArray() || v.isObject()) {
                                throw new JqValues.JqError("Cannot join with " + JqValues.type(v));
                            }
                            s.append(JqValues.text(v, false));
                        }
                    }
                    out.accept(JSON.textNode(s.toString()));
                });
            case "sort_by/1":
                return (in, env, out) -> out.accept(sorted(in, v -> key(a.get(0), v, env)));
            case "group_by/1":
                return (in, env, out) -> {
                    ArrayNode sortedItems = sorted(in, v -> key(a.get(0), v, env));
                    ArrayNode groups = JSON.arrayNode();
                    JsonNode lastKey = null;
                    ArrayNode group = null;
                    for (JsonNode v : sortedItems) {
                        JsonNode k = key(a.get(0), v, env);
                        if (group == null || JqValues.compare(k, lastKey) != 0) {
                            group = groups.addArray();
                            lastKey = k;
                        }
                        group.add(v);
                    }
                    out.accept(groups);
                };
            case "unique_by/1":
                return (in, env, out) -> out.accept(unique(sorted(in, v -> key(a.get(0), v, env)), v -> key(a.get(0), v, env)));
            case "min_by/1":
                return (in, env, out) -> out.accept(stream(in).min((x, y) -> JqValues.compare(key(a.get(0), x, env),
                        key(a.get(0), y, env))).orElse(JSON.nullNode()));
            case "max_by/1":
                return (in, env, out) -> out.accept(stream(in).max((x, y) -> JqValues.compare(key(a.get(0), x, env),
                        key(a.get(0), y, env))).orElse(JSON.nullNode()));
            case "any/1":
                return (in, env, out) -> out.accept(JSON.booleanNode(stream(in).anyMatch(v -> JqValues.truthy(key(a.get(0), v, env)))));
            case "all/1":
                return (in, env, out) -> out.accept(JSON.booleanNode(stream(in).allMatch(v -> JqValues.truthy(key(a.get(0), v, env)))));
            case "first/1":
                return (in, env, out) -> {
                    List<JsonNode> values = all(a.get(0), in, env);
                    if (!values.isEmpty()) {
                        out.accept(values.get(0));
                    }
                };
            case "last/1":
                return (in, env, out) -> {
                    List<JsonNode> values = all(a.get(0), in, env);
                    if (!values.isEmpty()) {
                        out.accept(values.get(values.size() - 1));
                    }
                };
            case "limit/2":
                return (in, env, out) -> a.get(0).run(in, env, nv -> {
                    List<JsonNode> values = all(a.get(1), in, env);
                    values.stream().limit(Math.max(0, nv.asInt())).forEach(out);
                });
            case "range/1":
                return (in, env, out) -> a.get(0).run(in, env, to -> range(0, to.doubleValue(), 1, env, out));
            case "range/2":
                return (in, env, out) -> a.get(0).run(in, env, from -> a.get(1).run(in, env,
                        to -> range(from.doubleValue(), to.doubleValue(), 1, env, out)));
            case "error/1":
                return (in, env, out) -> a.get(0).run(in, env, msg -> {
                    throw new JqValues.JqError(msg);
                });
            case "error/0":
                return (in, env, out) -> {
                    throw new JqValues.JqError(in);
                };
            case "del/1":
                return (in, env, out) -> {
                    List<List<Object>> paths = new ArrayList<>();
                    for (JqFilter.PathValue p : JqAssign.paths(a.get(0), in, env)) {
                        paths.add(p.path());
                    }
                    out.accept(JqAssign.delete(in, paths));
                };
            case "path/1":
                return (in, env, out) -> {
                    for (JqFilter.PathValue p : JqAssign.paths(a.get(0), in, env)) {
                        ArrayNode path = JSON.arrayNode();
                        p.path().forEach(k -> path.add(k instanceof Integer i ? JSON.numberNode(i) : JSON.textNode((String) k)));
                        out.accept(path);
                    }
                };
            case "test/1", "test/2":
                return (in, env, out) -> a.get(0).run(in, env, re -> out.accept(JSON.booleanNode(
                        regex(re, n > 1 ? all(a.get(1), in, env).get(0) : null).matcher(string(in, "test")).find())));
            case "sub/2", "gsub/2", "sub/3", "gsub/3":
                return (in, env, out) -> a.get(0).run(in, env, re -> out.accept(substitute(in, regex(re,
                        n > 2 ? all(a.get(2), in, env).get(0) : null), a.get(1), env, name.startsWith("g"))));
            case "getpath/1":
                return (in, env, out) -> a.get(0).run(in, env, p -> {
                    List<Object> path = new ArrayList<>();
                    p.forEach(k -> path.add(k.isNumber() ? (Object) k.asInt() : k.asText()));
                    out.accept(JqAssign.getPath(in, path));
                });
            default:
                return null;
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode in) {
        return java.util.stream.StreamSupport.stream(in.spliterator(), false);
    }

    private static String string(JsonNode in, String fn) {
        if (!in.isTextual()) {
            throw new JqValues.JqError(fn + " input must be a string");
        }
        return in.asText();
    }

    private static JsonNode key(JqFilter f, JsonNode v, JqFilter.Env env) {
        List<JsonNode> keys = all(f, v, env);
        if (keys.size() == 1) {
            return keys.get(0);
        }
        ArrayNode out = JSON.arrayNode();
        keys.forEach(out::add);
        return out;
    }

    private static void range(double from, double to, double by, JqFilter.Env env, Consumer<JsonNode> out) {
        for (double x = from; x < to; x += by) {
            env.step();
            out.accept(JqValues.number(x));
        }
    }

    private static JsonNode length(JsonNode in) {
        if (in.isNull()) {
            return JSON.numberNode(0);
        }
        if (in.isBoolean()) {
            throw new JqValues.JqError("boolean (" + in.booleanValue() + ") has no length");
        }
        if (in.isNumber()) {
            return JqValues.number(Math.abs(in.doubleValue()));
        }
        if (in.isTextual()) {
            return JSON.numberNode(in.asText().codePointCount(0, in.asText().length()));
        }
        return JSON.numberNode(in.size());
    }

    private static JsonNode keys(JsonNode in, boolean sort) {
        if (in.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (int i = 0; i < in.size(); i++) {
                out.add(i);
            }
            return out;
        }
        if (!in.isObject()) {
            throw new JqValues.JqError(JqValues.type(in) + " (" + JqValues.text(in, false) + ") has no keys");
        }
        if (sort) {
            return JqValues.sortedKeys(in);
        }
        ArrayNode out = JSON.arrayNode();
        in.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static ArrayNode sorted(JsonNode in, java.util.function.Function<JsonNode, JsonNode> key) {
        if (!in.isArray()) {
            throw new JqValues.JqError(JqValues.describe(in) + " cannot be sorted, as it is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        in.forEach(items::add);
        items.sort(Comparator.comparing(key, JqValues::compare));
        ArrayNode out = JSON.arrayNode();
        items.forEach(out::add);
        return out;
    }

    private static ArrayNode unique(ArrayNode sortedItems, java.util.function.Function<JsonNode, JsonNode> key) {
        ArrayNode out = JSON.arrayNode();
        JsonNode last = null;
        for (JsonNode v : sortedItems) {
            JsonNode k = key.apply(v);
            if (last == null || JqValues.compare(k, last) != 0) {
                out.add(v);
            }
            last = k;
        }
        return out;
    }

    private static ArrayNode flatten(JsonNode in, ArrayNode out, int depth) {
        for (JsonNode v : in) {
            if (v.isArray() && depth > 0) {
                flatten(v, out, depth - 1);
            } else {
                out.add(v);
            }
        }
        return out;
    }

    private static JsonNode toEntries(JsonNode in) {
        if (!in.isObject()) {
            throw new JqValues.JqError(JqValues.describe(in) + " has no keys");
        }
        ArrayNode out = JSON.arrayNode();
        in.fields().forEachRemaining(e -> out.addObject().put("key", e.getKey()).set("value", e.getValue()));
        return out;
    }

    private static JsonNode fromEntries(JsonNode in) {
        ObjectNode out = JSON.objectNode();
        for (JsonNode e : in) {
            JsonNode k = e.has("key") ? e.get("key") : e.has("k") ? e.get("k") : e.has("name") ? e.get("name")
                    : e.get("Name") != null ? e.get("Name") : e.get("Key");
            JsonNode v = e.has("value") ? e.get("value") : e.has("v") ? e.get("v") : e.get("Value");
            out.set(k == null ? "null" : k.isTextual() ? k.asText() : JqValues.text(k, false),
                    v == null ? JSON.nullNode() : v);
        }
        return out;
    }

    private static boolean contains(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            var it = b.fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode av = a.get(e.getKey());
                if (av == null || !contains(av, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            for (JsonNode bv : b) {
                if (stream(a).noneMatch(av -> contains(av, bv))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.asText().contains(b.asText());
        }
        if (!JqValues.type(a).equals(JqValues.type(b))) {
            throw new JqValues.JqError(JqValues.describe(a) + " and " + JqValues.describe(b) + " cannot have their containment checked");
        }
        return JqValues.compare(a, b) == 0;
    }

    private static Pattern regex(JsonNode re, JsonNode flags) {
        String f = flags == null || flags.isNull() ? "" : flags.asText();
        try {
            return Pattern.compile(re.asText(), (f.contains("i") ? Pattern.CASE_INSENSITIVE : 0)
                    | (f.contains("s") ? Pattern.DOTALL : 0));
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new JqValues.JqError(re.asText() + " (at offset 0) is not a valid regex: " + e.getDescription());
        }
    }

    private static JsonNode substitute(JsonNode in, Pattern p, JqFilter replacement, JqFilter.Env env, boolean global) {
        String s = string(in, "sub");
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start());
            ObjectNode captures = JSON.objectNode();
            List<JsonNode> r = all(replacement, captures, env);
            out.append(r.isEmpty() ? "" : r.get(0).asText());
            last = m.end();
            if (!global || m.end() == m.start()) {
                break;
            }
        }
        out.append(s.substring(last));
        return JSON.textNode(out.toString());
    }

    /** {@code @text @json @base64 @base64d @csv @tsv @sh @uri @html}. */
    static JqFilter format(String name) {
        return switch (name) {
            case "text" -> of(in -> in.isTextual() ? in : JSON.textNode(JqValues.text(in, false)));
            case "json" -> of(in -> JSON.textNode(JqValues.text(in, false)));
            case "base64" -> of(in -> JSON.textNode(Base64.getEncoder().encodeToString(
                    (in.isTextual() ? in.asText() : JqValues.text(in, false)).getBytes(StandardCharsets.UTF_8))));
            case "base64d" -> of(in -> {
                try {
                    return JSON.textNode(new String(Base64.getMimeDecoder().decode(in.asText()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new JqValues.JqError(JqValues.describe(in) + " is not valid base64 data");
                }
            });
            case "csv", "tsv" -> of(in -> {
                if (!in.isArray()) {
                    throw new JqValues.JqError(JqValues.describe(in) + " cannot be " + name + "-formatted, only an array can be");
                }
                StringBuilder s = new StringBuilder();
                boolean first = true;
                for (JsonNode v : in) {
                    s.append(first ? "" : name.equals("csv") ? "," : "\t");
                    first = false;
                    if (v.isTextual()) {
                        s.append(name.equals("csv") ? "\"" + v.asText().replace("\"", "\"\"") + "\""
                                : v.asText().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
                    } else if (!v.isNull()) {
                        s.append(JqValues.text(v, false));
                    }
                }
                return JSON.textNode(s.toString());
            });
            case "sh" -> of(in -> JSON.textNode(in.isArray() ? String.join(" ", stream(in).map(v -> "'"
                    + v.asText().replace("'", "'\\''") + "'").toList()) : "'" + in.asText().replace("'", "'\\''") + "'"));
            case "uri" -> of(in -> JSON.textNode(java.net.URLEncoder.encode(in.asText(), StandardCharsets.UTF_8)
                    .replace("+", "%20")));
            case "html" -> of(in -> JSON.textNode((in.isTextual() ? in.asText() : JqValues.text(in, false))
                    .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                    .replace("\"", "&quot;")));
            default -> throw new JqParser.CompileError(name + " is not a valid format");
        };
    }
}
