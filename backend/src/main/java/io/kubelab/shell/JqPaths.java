package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.kubelab.shell.JqValues.JSON;

/** jq's path filters ({@code .}, {@code .a}, {@code .[0]}, {@code .[]}, {@code .[1:2]}, {@code ?}) with their paths. */
final class JqPaths {

    private JqPaths() {
    }

    static final JqFilter IDENTITY = new JqFilter() {
        public void run(JsonNode in, Env env, Consumer<JsonNode> out) {
            out.accept(in);
        }

        public void paths(PathValue in, Env env, Consumer<PathValue> out) {
            out.accept(in);
        }
    };

    static final JqFilter ITERATE = new JqFilter() {
        public void run(JsonNode in, Env env, Consumer<JsonNode> out) {
            if (in.isArray() || in.isObject()) {
                for (JsonNode v : in) {
                    env.step();
                    out.accept(v);
                }
            } else {
                throw new JqValues.JqError("Cannot iterate over " + JqValues.type(in)
                        + (in.isNull() ? "" : " (" + JqValues.text(in, false) + ")"));
            }
        }

        public void paths(PathValue in, Env env, Consumer<PathValue> out) {
            JsonNode v = in.value();
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    out.accept(new PathValue(append(in.path(), i), v.get(i)));
                }
            } else if (v.isObject()) {
                v.fieldNames().forEachRemaining(k -> out.accept(new PathValue(append(in.path(), k), v.get(k))));
            } else if (!v.isNull()) {
                run(v, env, x -> { });
            }
        }
    };

    static List<Object> append(List<Object> path, Object key) {
        List<Object> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(key);
        return out;
    }

    /** {@code .[key]}: a name on an object, a number on an array; null on null. */
    static JqFilter index(JqFilter key) {
        return new JqFilter() {
            public void run(JsonNode in, Env env, Consumer<JsonNode> out) {
                key.run(in, env, k -> out.accept(get(in, k)));
            }

            public void paths(PathValue in, Env env, Consumer<PathValue> out) {
                key.run(in.value(), env, k -> out.accept(new PathValue(append(in.path(), k.isTextual() ? k.asText()
                        : (Object) k.asInt()), in.value().isNull() ? JSON.nullNode() : get(in.value(), k))));
            }
        };
    }

    static JsonNode get(JsonNode in, JsonNode k) {
        if (in.isNull()) {
            if (k.isTextual() || k.isNumber() || k.isNull()) {
                return JSON.nullNode();
            }
        } else if (in.isObject() && k.isTextual()) {
            JsonNode v = in.get(k.asText());
            return v == null ? JSON.nullNode() : v;
        } else if (in.isArray() && k.isNumber()) {
            int i = (int) Math.floor(k.doubleValue());
            i = i < 0 ? in.size() + i : i;
            JsonNode v = i >= 0 ? in.get(i) : null;
            return v == null ? JSON.nullNode() : v;
        }
        String what = k.isTextual() ? "string \"" + k.asText() + "\"" : JqValues.type(k);
        throw new JqValues.JqError("Cannot index " + JqValues.type(in) + " with " + what);
    }

    static JqFilter slice(JqFilter from, JqFilter to) {
        return (in, env, out) -> {
            List<JsonNode> starts = new ArrayList<>();
            if (from == null) {
                starts.add(JSON.nullNode());
            } else {
                from.run(in, env, starts::add);
            }
            for (JsonNode s : starts) {
                List<JsonNode> ends = new ArrayList<>();
                if (to == null) {
                    ends.add(JSON.nullNode());
                } else {
                    to.run(in, env, ends::add);
                }
                for (JsonNode e : ends) {
                    out.accept(slice(in, s, e));
                }
            }
        };
    }

    private static JsonNode slice(JsonNode in, JsonNode s, JsonNode e) {
        if (in.isNull()) {
            return JSON.nullNode();
        }
        int len = in.isTextual() ? in.asText().length() : in.size();
        int a = s.isNull() ? 0 : (int) Math.floor(s.doubleValue());
        int b = e.isNull() ? len : (int) Math.ceil(e.doubleValue());
        a = Math.max(0, Math.min(len, a < 0 ? len + a : a));
        b = Math.max(0, Math.min(len, b < 0 ? len + b : b));
        b = Math.max(a, b);
        if (in.isTextual()) {
            return JSON.textNode(in.asText().substring(a, b));
        }
        if (!in.isArray()) {
            throw new JqValues.JqError("Cannot index " + JqValues.type(in) + " with object");
        }
        ArrayNode out = JSON.arrayNode();
        for (int i = a; i < b; i++) {
            out.add(in.get(i));
        }
        return out;
    }

    /** {@code left} then {@code right} on each of its outputs ({@code .a.b}, {@code .[0].x}). */
    static JqFilter then(JqFilter left, JqFilter right) {
        return new JqFilter() {
            public void run(JsonNode in, Env env, Consumer<JsonNode> out) {
                left.run(in, env, v -> right.run(v, env, out));
            }

            public void paths(PathValue in, Env env, Consumer<PathValue> out) {
                left.paths(in, env, p -> right.paths(p, env, out));
            }
        };
    }

    /** {@code f?}: errors produce no output. */
    static JqFilter optional(JqFilter f) {
        return new JqFilter() {
            public void run(JsonNode in, Env env, Consumer<JsonNode> out) {
                try {
                    f.run(in, env, out);
                } catch (JqValues.JqError e) {
                    // suppressed, as ? says
                }
            }

            public void paths(PathValue in, Env env, Consumer<PathValue> out) {
                try {
                    f.paths(in, env, out);
                } catch (JqValues.JqError e) {
                    // suppressed
                }
            }
        };
    }
}
