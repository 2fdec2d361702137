package io.kubelab.kubectl.print.jsonpath;

import java.util.List;

/** The nodes of a parsed JSONPath template, as client-go's {@code util/jsonpath/node.go} names them. */
sealed interface PathNode {

    /** A {@code {...}} action, or the whole template, or one branch of a union. */
    record ListNode(List<PathNode> nodes) implements PathNode {
    }

    record TextNode(String text) implements PathNode {
    }

    record FieldNode(String name) implements PathNode {
    }

    /** {@code [start:end:step]}; an index {@code [n]} is the slice {@code [n:n+1]} with a derived end. */
    record ArrayNode(Param start, Param end, Param step) implements PathNode {
    }

    record Param(long value, boolean known, boolean derived) {
        static final Param UNKNOWN = new Param(0, false, false);
    }

    /** {@code ?(left op right)}; op {@code exists} has an empty right side. */
    record FilterNode(ListNode left, ListNode right, String operator) implements PathNode {
    }

    record IntNode(long value) implements PathNode {
    }

    record FloatNode(double value) implements PathNode {
    }

    record BoolNode(boolean value) implements PathNode {
    }

    record WildcardNode() implements PathNode {
    }

    record RecursiveNode() implements PathNode {
    }

    record UnionNode(List<ListNode> branches) implements PathNode {
    }

    /** {@code range} or {@code end} (any other identifier fails when the template runs). */
    record IdentifierNode(String name) implements PathNode {
    }
}
