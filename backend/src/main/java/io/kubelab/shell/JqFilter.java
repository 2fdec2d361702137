package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * A compiled jq filter: given an input it emits zero or more outputs. Filters that denote locations
 * ({@code .a}, {@code .[0]}, {@code .[]}, {@code select}) also emit paths, for {@code =}, {@code |=} and
 * {@code del}.
 */
interface JqFilter {

    /** A location inside the root input and the value found there. */
    record PathValue(List<Object> path, JsonNode value) {
    }

    /** Variables bound with {@code as $x} and {@code --arg}, and the work budget shared by one run. */
    record Env(String name, JsonNode value, Env parent, long[] budget) {
        JsonNode lookup(String n) {
            for (Env e = this; e != null; e = e.parent) {
                if (n.equals(e.name)) {
                    return e.value;
                }
            }
            return null;
        }

        Env bind(String n, JsonNode v) {
            return new Env(n, v, this, budget);
        }

        /** Counts one step; fails once the run has done more work than a sandbox allows. */
        void step() {
            if (--budget[0] < 0) {
                throw new JqValues.JqError("jq program exceeded " + Jq.MAX_STEPS + " steps");
            }
        }
    }

    void run(JsonNode in, Env env, Consumer<JsonNode> out);

    default void paths(PathValue in, Env env, Consumer<PathValue> out) {
        throw new JqValues.JqError("Invalid path expression with result " + JqValues.text(
                first(this, in.value(), env), false));
    }

    private static JsonNode first(JqFilter f, JsonNode in, Env env) {
        JsonNode[] one = new JsonNode[1];
        try {
            f.run(in, env, v -> {
                if (one[0] == null) {
                    one[0] = v;
                }
            });
        } catch (JqValues.JqError e) {
            return JqValues.JSON.nullNode();
        }
        return one[0] == null ? JqValues.JSON.nullNode() : one[0];
    }
}
