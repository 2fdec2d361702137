package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.ListNode;

import java.util.List;

/**
 * A parsed JSONPath template, as kubectl's {@code -o jsonpath=TEMPLATE} (and {@code -o jsonpath-file=FILE},
 * whose file content the verb reads and passes here), {@code custom-columns} and {@code --sort-by} use it:
 * client-go's {@code util/jsonpath} over the object's JSON. kubectl's printer runs it with
 * {@code allowMissingKeys} true unless {@code --allow-missing-template-keys=false}.
 * <p>
 * Evaluation is bounded: a template may produce at most {@link #MAX_VALUES} values (every intermediate
 * step counts) and print at most {@link #MAX_OUTPUT} characters (nested ranges over recursive descent grow
 * fast) and nest ranges 1000 deep; past that it fails with an error of ours.
 * Numbers are Go's: an integer is an int64 and anything else a float64, as in the object kubectl fetched.
 * When kubectl prints several objects it first gathers them into a {@code List} and re-encodes that, which
 * turns a float such as {@code 3e6} into the int64 {@code 3000000}: pass such a list through
 * {@link io.kubelab.kubectl.print.gotemplate.GoNumbers#reencoded} first (and sort its items after that).
 * <p>
 * Instances are immutable and may be shared; each execution has its own state.
 */
public final class JsonPath {

    /** Most values one execution may produce, counting every intermediate step. */
    public static final int MAX_VALUES = 2_000_000;
    /** Most characters {@link #execute} may print. */
    public static final int MAX_OUTPUT = 8 * 1024 * 1024;

    private final String template;
    private final ListNode root;

    private JsonPath(String template, ListNode root) {
        this.template = template;
        this.root = root;
    }

    /** Parses a template; the exception's message is client-go's, e.g. {@code unclosed action}. */
    public static JsonPath parse(String template) throws JsonPathException {
        try {
            return new JsonPath(template, JsonPathParser.parse(template));
        } catch (StackOverflowError e) {
            throw new JsonPathException(JsonPathParser.TOO_DEEP); // the limits above should make this unreachable
        }
    }

    public String template() {
        return template;
    }

    /** Runs the template and prints its results as kubectl does; the exception's message is client-go's. */
    public String execute(JsonNode data, boolean allowMissingKeys) throws JsonPathException {
        List<List<JsonNode>> results = findResults(data, allowMissingKeys);
        StringBuilder out = new StringBuilder();
        for (List<JsonNode> result : results) {
            ResultText.print(out, result);
            if (out.length() > MAX_OUTPUT) {
                throw new JsonPathException("output exceeds " + MAX_OUTPUT + " characters");
            }
        }
        return out.toString();
    }

    /**
     * The raw results, one list per top-level piece of the template (text, action, range iteration), as
     * client-go's {@code FindResults} with missing keys not allowed (custom-columns and sort-by use this).
     */
    public List<List<JsonNode>> findResults(JsonNode data) throws JsonPathException {
        return findResults(data, false);
    }

    public List<List<JsonNode>> findResults(JsonNode data, boolean allowMissingKeys) throws JsonPathException {
        try {
            return new PathEvaluation(allowMissingKeys).findResults(root.nodes(), data);
        } catch (StackOverflowError e) {
            throw new JsonPathException(JsonPathParser.TOO_DEEP);
        }
    }

    /** The literal nodes of the template's text and strings: Go values behind {@code reflect.ValueOf}. */
    static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    static JsonNode intValue(long v) {
        return LongNode.valueOf(v);
    }

    static JsonNode floatValue(double v) {
        return DoubleNode.valueOf(v);
    }

    static JsonNode boolValue(boolean v) {
        return BooleanNode.valueOf(v);
    }
}
