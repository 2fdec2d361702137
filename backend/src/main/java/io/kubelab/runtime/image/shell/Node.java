package io.kubelab.runtime.image.shell;

import java.util.List;

/** A parsed shell program. Words stay as written (quotes included) and are expanded when they run. */
public sealed interface Node {

    /** {@code >}, {@code >>}, {@code <}, {@code 2>}, {@code 2>>}, {@code 2>&1}, {@code >&2}, {@code &>}. */
    record Redirect(String op, String target) {
    }

    record Simple(List<String> assignments, List<String> words, List<Redirect> redirects) implements Node {
    }

    record Pipeline(List<Node> commands, boolean negated) implements Node {
    }

    /** {@code a && b || c}: {@code ops.get(i)} joins {@code items.get(i)} and {@code items.get(i + 1)}. */
    record AndOr(List<Node> items, List<String> ops) implements Node {
    }

    record Sequence(List<Node> items) implements Node {
    }

    record If(List<Node> conditions, List<Node> bodies, Node otherwise) implements Node {
    }

    record Loop(Node condition, Node body, boolean until) implements Node {
    }

    /** {@code words} null means {@code for x; do} (over the positional parameters). */
    record For(String variable, List<String> words, Node body) implements Node {
    }

    record Group(Node body, boolean subshell, List<Redirect> redirects) implements Node {
    }

    record Case(String word, List<List<String>> patterns, List<Node> bodies) implements Node {
    }

    record Function(String name, Node body) implements Node {
    }
}
