package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.go.TabWriter;
import io.kubelab.model.GoFloats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * cli-runtime's {@code HumanReadablePrinter} for server-side Tables ({@code decorateTable} and
 * {@code printTable}): one per kind, as {@code kubectl get} makes one per REST mapping. It prints the header
 * once, again only when a table brings different columns.
 */
final class TablePrinter {

    private static final JsonNode NIL = JsonNodeFactory.instance.nullNode();

    private final TableOptions options;
    private final String groupKind;
    private JsonNode lastColumns;
    private boolean printedHeaders;

    /**
     * @param groupKind Go's {@code GroupKind.String()} ({@code Deployment.apps}, {@code Pod}) for the
     *                  {@code kind/name} prefix
     * @param namespaced whether a NAMESPACE column applies (cluster-scoped kinds never get one)
     */
    TablePrinter(TableOptions options, String groupKind, boolean namespaced) {
        this.options = namespaced ? options : options.withNamespaceColumn(false);
        this.groupKind = groupKind;
    }

    private record Col(String name, int priority) {
    }

    void print(ObjectNode table, TabWriter out) {
        print(table, out, "");
    }

    /**
     * @param eventType a watch event's type ({@code ADDED}, {@code MODIFIED}, {@code DELETED}) for
     *                  {@code --output-watch-events}'s EVENT column, or empty
     */
    void print(ObjectNode table, TabWriter out, String eventType) {
        JsonNode definitions = table.path("columnDefinitions");
        JsonNode rowsIn = table.path("rows");
        boolean noHeaders = options.noHeaders();
        if (printedHeaders && (definitions.size() == 0 || definitions.equals(lastColumns))) {
            noHeaders = true;
        }
        if (definitions.size() == 0) {
            definitions = lastColumns == null ? definitions : lastColumns;
        } else if (!definitions.equals(lastColumns)) {
            lastColumns = definitions;
            printedHeaders = false;
        }
        if (rowsIn.size() > 0) {
            printedHeaders = true;
        }

        // decorateTable
        List<Col> columns = new ArrayList<>();
        boolean withNamespace = options.withNamespace();
        if (withNamespace) {
            columns.add(new Col("Namespace", 0));
        }
        int nameColumn = -1;
        for (int i = 0; i < definitions.size(); i++) {
            JsonNode d = definitions.get(i);
            columns.add(new Col(d.path("name").asText(), d.path("priority").asInt()));
            if (nameColumn < 0 && options.withKind() && !groupKind.isEmpty()
                    && "name".equals(d.path("format").asText()) && "string".equals(d.path("type").asText())) {
                nameColumn = i;
            }
        }
        for (String label : options.labelColumns()) {
            columns.add(new Col(label.substring(label.lastIndexOf('/') + 1), 0));
        }
        if (options.showLabels()) {
            columns.add(new Col("Labels", 0));
        }
        boolean includeLabels = !options.labelColumns().isEmpty() || options.showLabels();
        String kindPrefix = groupKind.toLowerCase(Locale.ROOT) + "/";

        List<List<JsonNode>> rows = new ArrayList<>(rowsIn.size());
        for (JsonNode row : rowsIn) {
            List<JsonNode> cells = new ArrayList<>(columns.size());
            row.path("cells").forEach(cells::add);
            if (nameColumn >= 0 && nameColumn < cells.size()) {
                cells.set(nameColumn, JsonNodeFactory.instance.textNode(kindPrefix + goString(cells.get(nameColumn))));
            }
            JsonNode metadata = row.path("object").path("metadata");
            if (includeLabels || withNamespace) {
                if (!metadata.isObject()) {
                    if (withNamespace) {
                        cells.add(0, NIL);
                    }
                    // Go's loop re-reads the shrinking gap while j grows, so only about half the gap is filled.
                    for (int j = 0; j < columns.size() - cells.size(); j++) {
                        cells.add(NIL);
                    }
                } else {
                    if (withNamespace) {
                        cells.add(0, JsonNodeFactory.instance.textNode(metadata.path("namespace").asText("")));
                    }
                    if (includeLabels) {
                        appendLabels(cells, metadata.path("labels"));
                    }
                }
            }
            rows.add(cells);
        }

        if (!eventType.isEmpty()) {
            columns.add(0, new Col("Event", 0));
            JsonNode formatted = JsonNodeFactory.instance.textNode(formatEventType(eventType));
            for (List<JsonNode> cells : rows) {
                cells.add(0, formatted);
            }
        }

        // printTable
        StringBuilder text = new StringBuilder();
        if (!noHeaders) {
            if (rows.isEmpty()) {
                return;
            }
            boolean first = true;
            for (Col c : columns) {
                if (!options.wide() && c.priority() != 0) {
                    continue;
                }
                if (!first) {
                    text.append('\t');
                }
                first = false;
                text.append(c.name().toUpperCase(Locale.ROOT));
            }
            text.append('\n');
        }
        for (List<JsonNode> cells : rows) {
            boolean first = true;
            for (int i = 0; i < cells.size() && i < columns.size(); i++) {
                if (!options.wide() && columns.get(i).priority() != 0) {
                    continue;
                }
                if (!first) {
                    text.append('\t');
                }
                first = false;
                appendCell(text, cells.get(i));
            }
            text.append('\n');
        }
        out.write(text);
    }

    /** {@code formatEventType}: the known types padded to the width of MODIFIED. */
    static String formatEventType(String eventType) {
        return switch (eventType) {
            case "ADDED" -> "ADDED   ";
            case "MODIFIED" -> "MODIFIED";
            case "DELETED" -> "DELETED ";
            case "ERROR" -> "ERROR   ";
            default -> eventType;
        };
    }

    private void appendLabels(List<JsonNode> cells, JsonNode labels) {
        for (String key : options.labelColumns()) {
            cells.add(JsonNodeFactory.instance.textNode(labels.path(key).asText("")));
        }
        if (options.showLabels()) {
            cells.add(JsonNodeFactory.instance.textNode(formatLabels(labels)));
        }
    }

    /** {@code labels.FormatLabels}. */
    static String formatLabels(JsonNode labels) {
        if (labels.size() == 0) {
            return "<none>";
        }
        Map<String, String> sorted = new TreeMap<>();
        labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder s = new StringBuilder();
        sorted.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return s.toString();
    }

    /** A cell as printTable writes it: strings cut at the first newline (then "..."), nil as nothing. */
    private static void appendCell(StringBuilder text, JsonNode cell) {
        if (cell == null || cell.isNull() || cell.isMissingNode()) {
            return;
        }
        if (cell.isTextual()) {
            String s = cell.asText();
            int cut = lineBreak(s);
            appendEscaped(text, cut >= 0 ? s.substring(0, cut) : s);
            if (cut >= 0) {
                text.append("...");
            }
            return;
        }
        appendEscaped(text, goString(cell));
    }

    /** {@code printers.WriteEscaped}: an escape character is shown as {@code ^[}, so cells cannot drive the terminal. */
    private static void appendEscaped(StringBuilder text, String s) {
        if (s.indexOf('\u001b') < 0) {
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                text.append("^[");
            } else {
                text.append(c);
            }
        }
    }

    /** {@code strings.IndexAny(s, "\f\n\r")}: where the tabwriter would break the line. */
    private static int lineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\f' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** {@code fmt.Sprint} of a JSON-decoded value: int64, float64, bool or string. */
    static String goString(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return GoFloats.shortestG(v.asDouble());
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "true" : "false";
        }
        if (v.isNull()) {
            return "<nil>";
        }
        return v.toString();
    }
}
