package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * metrics-server's own Tables for {@code nodes.metrics.k8s.io} and {@code pods.metrics.k8s.io}: Name, one
 * column per resource of the first item's usage (sorted: cpu, memory), Window. A pod's usage is the sum of its
 * containers'. An empty list has no columns at all (Go's nil slices marshal as null).
 */
final class MetricsTables {

    static final String NAME_DESCRIPTION = "Name of the resource";

    private MetricsTables() {
    }

    static void fill(ObjectNode table, List<ObjectNode> items, boolean pods, IncludeObject include,
                     BiFunction<ObjectNode, IncludeObject, JsonNode> rowObject) {
        if (items.isEmpty()) {
            table.putNull("columnDefinitions");
            table.putNull("rows");
            return;
        }
        List<String> names = null;
        ArrayNode rows = null;
        for (ObjectNode item : items) {
            Map<String, String> usage = pods ? podUsage(item) : nodeUsage(item);
            if (names == null) {
                names = new ArrayList<>(usage.keySet());
                ArrayNode columns = table.putArray("columnDefinitions");
                column(columns, "Name", "name", NAME_DESCRIPTION);
                for (String name : names) {
                    column(columns, name, "quantity", "");
                }
                column(columns, "Window", "duration", "");
                rows = table.putArray("rows");
            }
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(item.path("metadata").path("name").asText());
            for (String name : names) {
                cells.add(usage.getOrDefault(name, "0"));
            }
            cells.add(item.path("window").asText(""));
            row.set("object", rowObject.apply(item, include));
        }
    }

    private static void column(ArrayNode columns, String name, String format, String description) {
        columns.addObject().put("name", name).put("type", Column.STRING).put("format", format)
                .put("description", description).put("priority", 0);
    }

    private static Map<String, String> nodeUsage(JsonNode node) {
        Map<String, String> usage = new TreeMap<>();
        node.path("usage").properties().forEach(e -> usage.put(e.getKey(), e.getValue().asText()));
        return usage;
    }

    private static Map<String, String> podUsage(JsonNode pod) {
        Map<String, Quantity> sums = new TreeMap<>();
        for (JsonNode container : pod.path("containers")) {
            container.path("usage").properties().forEach(e ->
                    sums.merge(e.getKey(), Quantity.parse(e.getValue().asText()), Quantity::add));
        }
        Map<String, String> usage = new TreeMap<>();
        sums.forEach((k, v) -> usage.put(k, v.canonical()));
        return usage;
    }
}
