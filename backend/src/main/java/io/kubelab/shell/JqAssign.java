package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.kubelab.shell.JqValues.JSON;

/** jq's updates: {@code path = v}, {@code path |= f}, {@code path += v} and friends, and {@code del(paths)}. */
final class JqAssign {

    private JqAssign() {
    }

    static JqFilter of(String op, JqFilter target, JqFilter value) {
        return (in, env, out) -> {
            if (op.equals("|=")) {
                JsonNode result = in;
                for (JqFilter.PathValue p : paths(target, in, env)) {
                    JsonNode[] first = {null};
                    value.run(getPath(result, p.path()), env, v -> {
                        if (first[0] == null) {
                            first[0] = v;
                        }
                    });
                    result = first[0] == null ? delete(result, List.of(p.path())) : setPath(result, p.path(), first[0]);
                }
                out.accept(result);
                return;
            }
            value.run(in, env, v -> {
                JsonNode result = in;
                for (JqFilter.PathValue p : paths(target, in, env)) {
                    JsonNode nv = op.equals("=") ? v : op.equals("//=")
                            ? (JqValues.truthy(getPath(result, p.path())) ? getPath(result, p.path()) : v)
                            : JqValues.arith(op.charAt(0), getPath(result, p.path()), v);
                    result = setPath(result, p.path(), nv);
                }
                out.accept(result);
            });
        };
    }

    static List<JqFilter.PathValue> paths(JqFilter target, JsonNode in, JqFilter.Env env) {
        List<JqFilter.PathValue> out = new ArrayList<>();
        target.paths(new JqFilter.PathValue(List.of(), in), env, out::add);
        return out;
    }

    static JsonNode getPath(JsonNode root, List<Object> path) {
        JsonNode v = root;
        for (Object k : path) {
            if (v == null || v.isNull()) {
                return JSON.nullNode();
            }
            v = k instanceof Integer i ? v.get(i < 0 ? v.size() + i : i) : v.get((String) k);
        }
        return v == null ? JSON.nullNode() : v;
    }

    static JsonNode setPath(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        Object k = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (k instanceof Integer i) {
            if (!root.isNull() && !root.isArray()) {
                throw new JqValues.JqError("Cannot index " + JqValues.type(root) + " with number");
            }
            ArrayNode a = root.isNull() ? JSON.arrayNode() : ((ArrayNode) root).deepCopy();
            int idx = i < 0 ? a.size() + i : i;
            if (idx < 0 || idx > 100_000) {
                throw new JqValues.JqError("Out of bounds negative array index");
            }
            while (a.size() <= idx) {
                a.addNull();
            }
            a.set(idx, setPath(a.get(idx), rest, value));
            return a;
        }
        if (!root.isNull() && !root.isObject()) {
            throw new JqValues.JqError("Cannot index " + JqValues.type(root) + " with \"" + k + "\"");
        }
        ObjectNode o = root.isNull() ? JSON.objectNode() : ((ObjectNode) root).deepCopy();
        JsonNode child = o.get((String) k);
        o.set((String) k, setPath(child == null ? JSON.nullNode() : child, rest, value));
        return o;
    }

    /** Removes the paths, deepest and last first so array indexes stay valid. */
    static JsonNode delete(JsonNode root, List<List<Object>> paths) {
        List<List<Object>> sorted = new ArrayList<>(paths);
        sorted.sort((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                int c = x instanceof Integer xi && y instanceof Integer yi ? Integer.compare(yi, xi)
                        : String.valueOf(y).compareTo(String.valueOf(x));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(b.size(), a.size());
        });
        JsonNode result = root.deepCopy();
        for (List<Object> p : sorted) {
            result = deleteOne(result, p);
        }
        return result;
    }

    private static JsonNode deleteOne(JsonNode root, List<Object> path) {
        if (path.isEmpty()) {
            return JSON.nullNode();
        }
        if (root == null || root.isNull()) {
            return root;
        }
        Object k = path.get(0);
        if (path.size() == 1) {
            if (k instanceof Integer i && root.isArray()) {
                int idx = i < 0 ? root.size() + i : i;
                if (idx >= 0 && idx < root.size()) {
                    ((ArrayNode) root).remove(idx);
                }
            } else if (k instanceof String s && root.isObject()) {
                ((ObjectNode) root).remove(s);
            }
            return root;
        }
        JsonNode child = k instanceof Integer i ? root.get(i) : root.get((String) k);
        if (child != null) {
            JsonNode updated = deleteOne(child, path.subList(1, path.size()));
            if (k instanceof Integer i && root.isArray()) {
                ((ArrayNode) root).set(i, updated);
            } else if (root.isObject()) {
                ((ObjectNode) root).set((String) k, updated);
            }
        }
        return root;
    }
}
