package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.ArrayNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.BoolNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.FieldNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.FilterNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.FloatNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.IdentifierNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.IntNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.ListNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.RecursiveNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.TextNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.UnionNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.WildcardNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One execution of a template: client-go's {@code JSONPath.FindResults} and {@code walk}, with its range
 * bookkeeping (counters for {@code {range}} and {@code {end}}, and the position of the last {@code {end}}
 * met, where the template resumes after a range). Go iterates a map in random order for {@code *} and
 * {@code ..} (kubectl's output then varies from run to run); we use key order.
 */
final class PathEvaluation {

    /** Each nested {@code {range}} is a level of recursion here; deeper than this is refused. */
    static final int MAX_RANGE_DEPTH = 1000;

    private final boolean allowMissingKeys;
    private int beginRange;
    private int inRange;
    private int endRange;
    private int lastEndNode = -1;
    private long produced;

    PathEvaluation(boolean allowMissingKeys) {
        this.allowMissingKeys = allowMissingKeys;
    }

    /** A failed step, with what the step returned alongside its error (a filter's existence test reads it). */
    static final class StepError extends RuntimeException {
        final List<JsonNode> partial;

        StepError(List<JsonNode> partial, String message) {
            super(message, null, false, false);
            this.partial = partial;
        }
    }

    List<List<JsonNode>> findResults(List<PathNode> nodes, JsonNode data) {
        try {
            return find(nodes, 0, data);
        } catch (StepError e) {
            throw new JsonPathException(e.getMessage());
        }
    }

    /**
     * client-go's {@code FindResults} over {@code nodes[from:]}: a range runs the nodes after it once per
     * value (or once over nothing, to find its end), then resumes after the {@code {end}} met last.
     */
    private List<List<JsonNode>> find(List<PathNode> nodes, int from, JsonNode data) {
        List<JsonNode> cur = Collections.singletonList(data);
        List<List<JsonNode>> full = new ArrayList<>();
        for (int i = from; i < nodes.size(); i++) {
            List<JsonNode> results = walk(cur, nodes.get(i), null);
            if (endRange > 0 && endRange <= inRange) {
                endRange--;
                lastEndNode = i;
                break;
            }
            if (beginRange > 0) {
                beginRange--;
                inRange++;
                if (inRange > MAX_RANGE_DEPTH) {
                    throw new StepError(List.of(), "more than " + MAX_RANGE_DEPTH + " nested ranges");
                }
                if (!results.isEmpty()) {
                    for (JsonNode value : results) {
                        full.addAll(find(nodes, i + 1, value));
                    }
                } else {
                    find(nodes, i + 1, null);
                }
                inRange--;
                for (int k = i + 1; k < nodes.size(); k++) {
                    if (k == lastEndNode) {
                        i = k;
                        break;
                    }
                }
                continue;
            }
            full.add(results);
        }
        return full;
    }

    private List<JsonNode> walk(List<JsonNode> value, PathNode node, PathNode nextNode) {
        if (node instanceof ListNode n) {
            return evalList(value, n);
        } else if (node instanceof TextNode n) {
            return count(List.of(JsonPath.text(n.text())));
        } else if (node instanceof FieldNode n) {
            return evalField(value, n);
        } else if (node instanceof ArrayNode n) {
            return evalArray(value, n);
        } else if (node instanceof FilterNode n) {
            return evalFilter(value, n);
        } else if (node instanceof IntNode n) {
            return repeat(value.size(), JsonPath.intValue(n.value()));
        } else if (node instanceof FloatNode n) {
            return repeat(value.size(), JsonPath.floatValue(n.value()));
        } else if (node instanceof BoolNode n) {
            return repeat(value.size(), JsonPath.boolValue(n.value()));
        } else if (node instanceof WildcardNode) {
            return evalWildcard(value);
        } else if (node instanceof RecursiveNode) {
            return evalRecursive(value, !(nextNode instanceof FieldNode));
        } else if (node instanceof UnionNode n) {
            return evalUnion(value, n);
        } else if (node instanceof IdentifierNode n) {
            return evalIdentifier(value, n);
        }
        throw new StepError(value, "unexpected Node " + node);
    }

    private List<JsonNode> repeat(int n, JsonNode v) {
        List<JsonNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(v);
        }
        return count(out);
    }

    private List<JsonNode> count(List<JsonNode> values) {
        produced += values.size();
        if (produced > JsonPath.MAX_VALUES) {
            throw new StepError(List.of(), "template produces more than " + JsonPath.MAX_VALUES + " values");
        }
        return values;
    }

    private List<JsonNode> evalList(List<JsonNode> value, ListNode node) {
        List<JsonNode> curValue = value;
        List<PathNode> nodes = node.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            curValue = walk(curValue, nodes.get(i), i + 1 < nodes.size() ? nodes.get(i + 1) : null);
        }
        return curValue;
    }

    private List<JsonNode> evalIdentifier(List<JsonNode> input, IdentifierNode node) {
        switch (node.name()) {
            case "range" -> {
                beginRange++;
                return input;
            }
            case "end" -> {
                if (inRange > 0) {
                    endRange++;
                    return List.of();
                }
                throw new StepError(List.of(), "not in range, nothing to end");
            }
            default -> throw new StepError(input, "unrecognized identifier " + node.name());
        }
    }

    private static boolean isNil(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private List<JsonNode> evalArray(List<JsonNode> input, ArrayNode node) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode value : input) {
            if (isNil(value)) {
                continue;
            }
            if (!value.isArray()) {
                throw new StepError(input, GoTypes.typeName(value) + " is not array or slice");
            }
            long len = value.size();
            long start = node.start().known() ? node.start().value() : 0;
            if (start < 0) {
                start += len;
            }
            long end = node.end().known() ? node.end().value() : len;
            if (end < 0 || (end == 0 && node.end().derived())) {
                end += len;
            }
            if (end == start) {
                return result;
            }
            if (start >= len || start < 0) {
                throw new StepError(input, "array index out of bounds: index " + start + ", length " + len);
            }
            if (end > len || end < 0) {
                throw new StepError(input, "array index out of bounds: index " + (end - 1) + ", length " + len);
            }
            if (start > end) {
                throw new StepError(input, "starting index " + start + " is greater than ending index " + end);
            }
            long step = 1;
            if (node.step().known()) {
                if (node.step().value() <= 0) {
                    throw new StepError(input, "step must be > 0");
                }
                step = node.step().value();
            }
            for (long i = start; i < end; i += step) {
                result.add(value.get((int) i));
            }
        }
        return count(result);
    }

    private List<JsonNode> evalUnion(List<JsonNode> input, UnionNode node) {
        List<JsonNode> result = new ArrayList<>();
        for (ListNode branch : node.branches()) {
            List<JsonNode> temp;
            try {
                temp = evalList(input, branch);
            } catch (StepError e) {
                throw new StepError(input, e.getMessage());
            }
            result.addAll(temp);
        }
        return count(result);
    }

    private List<JsonNode> evalField(List<JsonNode> input, FieldNode node) {
        List<JsonNode> results = new ArrayList<>();
        if (input.isEmpty()) {
            return results;
        }
        for (JsonNode value : input) {
            if (isNil(value) || !value.isObject()) {
                continue;
            }
            JsonNode found = value.get(node.name());
            if (found != null) {
                results.add(found);
            }
        }
        if (results.isEmpty() && !allowMissingKeys) {
            throw new StepError(results, node.name() + " is not found");
        }
        return count(results);
    }

    private List<JsonNode> evalWildcard(List<JsonNode> input) {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode value : input) {
            if (!isNil(value)) {
                children(value, results, true);
            }
        }
        return count(results);
    }

    /** Go's wildcard/recursion children: map values, list items, and a string's UTF-8 bytes (as uint8). */
    private static void children(JsonNode value, List<JsonNode> out, boolean withBytes) {
        if (value.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            out.addAll(sorted.values());
        } else if (value.isArray()) {
            value.forEach(out::add);
        } else if (value.isTextual() && withBytes) {
            for (byte b : value.textValue().getBytes(StandardCharsets.UTF_8)) {
                out.add(LongNode.valueOf(b & 0xFF));
            }
        }
    }

    /**
     * {@code ..}: every value that has children, then its descendants. A following field only ever matches
     * maps, so then the bytes of strings (which Go lists too) are skipped: same result, less work.
     */
    private List<JsonNode> evalRecursive(List<JsonNode> input, boolean withBytes) {
        List<JsonNode> result = new ArrayList<>();
        Deque<Iterator<JsonNode>> work = new ArrayDeque<>();
        work.push(input.iterator());
        while (!work.isEmpty()) {
            Iterator<JsonNode> it = work.peek();
            if (!it.hasNext()) {
                work.pop();
                continue;
            }
            JsonNode value = it.next();
            if (isNil(value)) {
                continue;
            }
            List<JsonNode> kids = new ArrayList<>();
            children(value, kids, true);
            if (!kids.isEmpty()) {
                if (withBytes || !value.isTextual()) {
                    result.add(value);
                }
                if (!withBytes && value.isTextual()) {
                    continue;
                }
                count(kids);
                work.push(kids.iterator());
            }
        }
        return count(result);
    }

    private List<JsonNode> evalFilter(List<JsonNode> input, FilterNode node) {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode value : input) {
            if (value == null || !value.isArray()) {
                String shown = value == null ? "<invalid reflect.Value>" : GoTypes.valueString(value);
                throw new StepError(input, shown + " is not array or slice and cannot be filtered");
            }
            for (JsonNode item : value) {
                List<JsonNode> temp = List.of(item);
                List<JsonNode> lefts;
                StepError leftError = null;
                try {
                    lefts = evalList(temp, node.left());
                } catch (StepError e) {
                    lefts = e.partial;
                    leftError = e;
                }
                if (node.operator().equals("exists")) {
                    if (!lefts.isEmpty()) {
                        results.add(item);
                    }
                    continue;
                }
                if (leftError != null) {
                    throw new StepError(input, leftError.getMessage());
                }
                if (lefts.isEmpty()) {
                    continue;
                }
                if (lefts.size() > 1) {
                    throw new StepError(input, "can only compare one element at a time");
                }
                List<JsonNode> rights;
                try {
                    rights = evalList(temp, node.right());
                } catch (StepError e) {
                    throw new StepError(input, e.getMessage());
                }
                if (rights.isEmpty()) {
                    continue;
                }
                if (rights.size() > 1) {
                    throw new StepError(input, "can only compare one element at a time");
                }
                boolean pass;
                try {
                    pass = GoCompare.compare(node.operator(), lefts.get(0), rights.get(0));
                } catch (JsonPathException e) {
                    throw new StepError(results, e.getMessage());
                }
                if (pass) {
                    results.add(item);
                }
            }
        }
        return count(results);
    }
}
