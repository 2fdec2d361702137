package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.kubelab.apiserver.printers.Column.age;
import static io.kubelab.apiserver.printers.Column.nameColumn;
import static io.kubelab.apiserver.printers.Column.string;

/** printers.go's {@code printHorizontalPodAutoscaler} and {@code formatHPAMetrics} ({@code cpu: 50%/80%}). */
final class HpaPrinter {

    static final String UNKNOWN = "<unknown>";

    static final Printer PRINTER = new Printer(List.of(nameColumn(),
            string("Reference", Docs.HPA_SPEC_SCALE_TARGET_REF), string("Targets", Docs.HPA_SPEC_METRICS),
            string("MinPods", Docs.HPA_SPEC_MIN_REPLICAS),
            string("MaxPods", Docs.HPA_SPEC_MAX_REPLICAS), string("Replicas",
            Docs.HPA_STATUS_CURRENT_REPLICAS), age()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                JsonNode ref = spec.path("scaleTargetRef");
                row.str(o.path("metadata").path("name").asText())
                        .str(ref.path("kind").asText("") + "/" + ref.path("name").asText(""))
                        .str(metrics(spec.path("metrics"), o.path("status").path("currentMetrics")));
                row.str(spec.path("minReplicas").isNumber() ? Long.toString(spec.path("minReplicas").asLong()) : Row.UNSET)
                        .num(spec.path("maxReplicas").asLong()).num(o.path("status").path("currentReplicas").asLong())
                        .age(o);
            });

    private HpaPrinter() {
    }

    static String metrics(JsonNode specs, JsonNode statuses) {
        if (specs.size() == 0) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            JsonNode spec = specs.get(i);
            JsonNode status = i < statuses.size() ? statuses.get(i) : null;
            switch (spec.path("type").asText("")) {
                case "External" -> list.add(valueOrAverage(spec.path("external").path("target"),
                        current(status, "external")));
                case "Object" -> list.add(valueOrAverage(spec.path("object").path("target"), current(status,
                        "object")));
                case "Pods" -> {
                    JsonNode current = current(status, "pods");
                    list.add((current == null ? UNKNOWN : quantity(current.path("averageValue"))) + "/"
                            + quantity(spec.path("pods").path("target").path("averageValue")));
                }
                case "Resource" -> list.add(resource(spec.path("resource"), current(status, "resource")));
                case "ContainerResource" -> list.add(resource(spec.path("containerResource"),
                        current(status, "containerResource")));
                default -> list.add("<unknown type>");
            }
        }
        String more = "";
        if (list.size() > 2) {
            more = " + " + (list.size() - 2) + " more...";
            list = list.subList(0, 2);
        }
        return String.join(", ", list) + more;
    }

    /** A {@code *resource.Quantity}'s {@code String()}: {@code <nil>} when absent. */
    private static String quantity(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "<nil>" : Formats.quantity(value);
    }

    /** The status entry's {@code current} for that source, null when the status has none. */
    private static JsonNode current(JsonNode status, String source) {
        if (status == null || !status.path(source).isObject()) {
            return null;
        }
        return status.path(source).path("current");
    }

    private static String valueOrAverage(JsonNode target, JsonNode current) {
        if (target.has("averageValue")) {
            String c = current != null && current.has("averageValue")
                    ? quantity(current.path("averageValue")) : UNKNOWN;
            return c + "/" + quantity(target.path("averageValue")) + " (avg)";
        }
        String c = current != null ? quantity(current.path("value")) : UNKNOWN;
        return c + "/" + quantity(target.path("value"));
    }

    private static String resource(JsonNode source, JsonNode current) {
        String name = source.path("name").asText("");
        JsonNode target = source.path("target");
        if (target.has("averageValue")) {
            String c = current != null ? quantity(current.path("averageValue")) : UNKNOWN;
            return name + ": " + c + "/" + quantity(target.path("averageValue"));
        }
        String c = current != null && current.has("averageUtilization")
                ? current.path("averageUtilization").asLong() + "%" : UNKNOWN;
        String t = target.has("averageUtilization") ? target.path("averageUtilization").asLong() + "%" : "<auto>";
        return name + ": " + c + "/" + t;
    }
}
