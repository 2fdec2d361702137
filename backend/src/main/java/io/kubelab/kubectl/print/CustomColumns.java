package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.TabWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -o custom-columns=NAME:.metadata.name,...} and {@code -o custom-columns-file=FILE}: kubectl's
 * CustomColumnsPrinter (pkg/cmd/get/customcolumn.go). Each column's path is relaxed to a braced JSONPath
 * ({@code metadata.name}, {@code .metadata.name}, {@code {metadata.name}} all become {@code {.metadata.name}}) and
 * evaluated with missing keys allowed; no result prints {@code <none>}, several are joined with commas, each
 * through fmt.Sprint and the terminal escaper. Rows go through a tab writer with padding 3.
 */
public final class CustomColumns {

    /** A user-given column: its header and its braced JSONPath. */
    public record Column(String header, String fieldSpec) {
    }

    static final String NO_COLUMNS = "custom-columns format specified but no custom columns given";
    static final String BAD_PATH = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    static final String MISSING_HEADER_LINE = "invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.";
    static final String MISSING_SPEC_LINE = "invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.";
    static final String NONE = "<none>";

    private static final Pattern RELAXED_PATH = Pattern.compile("^\\{\\.?([^{}]+)\\}$|^\\.?([^{}]+)$");
    private static final Pattern WHITESPACE = Pattern.compile("[\\t\\n\\x0B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");

    private final List<Column> columns;
    private final boolean noHeaders;

    private CustomColumns(List<Column> columns, boolean noHeaders) {
        this.columns = List.copyOf(columns);
        this.noHeaders = noHeaders;
    }

    /** {@code -o custom-columns=<spec>}: comma-separated {@code HEADER:path} pairs. */
    public static CustomColumns fromSpec(String spec, boolean noHeaders) {
        if (spec.isEmpty()) {
            throw new PrintException(NO_COLUMNS);
        }
        List<Column> columns = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new PrintException("unexpected custom-columns spec: " + part + ", expected <header>:<json-path-expr>");
            }
            columns.add(new Column(part.substring(0, colon), relaxedPath(part.substring(colon + 1))));
        }
        return new CustomColumns(columns, noHeaders);
    }

    /**
     * {@code -o custom-columns-file=<file>}: a line of headers and a line of paths, both whitespace-separated.
     * kubectl builds this printer with headers always on (it ignores {@code --no-headers}).
     */
    public static CustomColumns fromTemplate(String template) {
        String[] lines = template.split("\r?\n", -1);
        if (template.isEmpty()) {
            throw new PrintException(MISSING_HEADER_LINE);
        }
        if (lines.length < 2 || (lines.length == 2 && lines[1].isEmpty())) {
            throw new PrintException(MISSING_SPEC_LINE);
        }
        List<String> headers = words(lines[0]);
        List<String> specs = words(lines[1]);
        if (headers.size() != specs.size()) {
            throw new PrintException("number of headers (" + headers.size() + ") and field specifications ("
                    + specs.size() + ") don't match");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new Column(headers.get(i), relaxedPath(specs.get(i))));
        }
        return new CustomColumns(columns, false);
    }

    public List<Column> columns() {
        return columns;
    }

    /** The table for objects printed together (a get's items, or one object); one header line unless disabled. */
    public String print(List<? extends JsonNode> objects, PathEvaluator evaluator) {
        StringBuilder text = new StringBuilder(64 * (objects.size() + 1));
        if (!noHeaders) {
            for (int i = 0; i < columns.size(); i++) {
                text.append(i == 0 ? "" : "\t").append(columns.get(i).header());
            }
            text.append('\n');
        }
        for (JsonNode object : objects) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                String spec = columns.get(i).fieldSpec();
                // an empty path parses to a template without nodes, which finds nothing
                cell(text, spec.isEmpty() ? List.of() : evaluator.evaluate(spec, object));
            }
            text.append('\n');
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        TabWriter.kubectl(out).write(text).flush();
        return out.toString();
    }

    private static void cell(StringBuilder text, List<List<JsonNode>> results) {
        boolean first = true;
        if (results.isEmpty() || results.get(0).isEmpty()) {
            text.append(NONE);
            first = false;
        }
        for (List<JsonNode> result : results) {
            for (JsonNode value : result) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                text.append(escapeTerminal(GoSprint.of(value)));
            }
        }
    }

    /** cli-runtime's EscapeTerminal: ESC as {@code ^[}, CR as {@code \r}. */
    static String escapeTerminal(String s) {
        if (s.indexOf('\u001b') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\u001b", "^[").replace("\r", "\\r");
    }

    /** kubectl's RelaxedJSONPathExpression. */
    static String relaxedPath(String path) {
        if (path.isEmpty()) {
            return path;
        }
        Matcher m = RELAXED_PATH.matcher(path);
        if (!m.matches()) {
            throw new PrintException(BAD_PATH);
        }
        String field = m.group(1) != null && !m.group(1).isEmpty() ? m.group(1) : m.group(2);
        return "{." + field + "}";
    }

    /** bufio.ScanWords: fields separated by Unicode white space. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String word : WHITESPACE.split(line)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
