package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.HpaConversion.copy;

/**
 * An autoscaler's metric specs and statuses in autoscaling/v1's annotation form (v2beta1's flat fields:
 * {@code metricName}, {@code targetAverageValue}...) and back, as {@code pkg/apis/autoscaling/v1/conversion.go}
 * converts each source; fields in the order of the Go types.
 */
final class MetricsV1 {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A Go resource.Quantity's zero value, written where a v1 field is not a pointer. */
    private static final String ZERO = "0";
    private static final String VALUE = "Value";
    private static final String AVERAGE_VALUE = "AverageValue";

    private MetricsV1() {
    }

    static ObjectNode specToV1(JsonNode m) {
        ObjectNode out = NODES.objectNode();
        out.set("type", m.path("type"));
        if (m.path("object").isObject()) {
            JsonNode s = m.path("object");
            ObjectNode o = out.putObject("object");
            o.set("target", s.path("describedObject").deepCopy());
            o.put("metricName", s.path("metric").path("name").asText());
            o.put("targetValue", s.path("target").path("value").asText(ZERO));
            copyAs(s.path("metric"), "selector", o, "selector");
            copyAs(s.path("target"), "averageValue", o, "averageValue");
        }
        if (m.path("pods").isObject()) {
            JsonNode s = m.path("pods");
            ObjectNode o = out.putObject("pods").put("metricName", s.path("metric").path("name").asText());
            o.put("targetAverageValue", s.path("target").path("averageValue").asText(ZERO));
            copyAs(s.path("metric"), "selector", o, "selector");
        }
        resourceSpecToV1(m, "resource", out);
        resourceSpecToV1(m, "containerResource", out);
        if (m.path("external").isObject()) {
            JsonNode s = m.path("external");
            ObjectNode o = out.putObject("external").put("metricName", s.path("metric").path("name").asText());
            copyAs(s.path("metric"), "selector", o, "metricSelector");
            copyAs(s.path("target"), "value", o, "targetValue");
            copyAs(s.path("target"), "averageValue", o, "targetAverageValue");
        }
        return out;
    }

    private static void resourceSpecToV1(JsonNode m, String field, ObjectNode out) {
        if (!m.path(field).isObject()) {
            return;
        }
        JsonNode s = m.path(field);
        ObjectNode o = out.putObject(field).put("name", s.path("name").asText());
        copyAs(s.path("target"), "averageUtilization", o, "targetAverageUtilization");
        copyAs(s.path("target"), "averageValue", o, "targetAverageValue");
        copy(s, o, "container");
    }

    static ObjectNode specToV2(JsonNode m) {
        ObjectNode out = NODES.objectNode();
        out.set("type", m.path("type"));
        if (m.path("object").isObject()) {
            JsonNode s = m.path("object");
            ObjectNode o = out.putObject("object");
            o.set("describedObject", s.path("target").deepCopy());
            ObjectNode target = o.putObject("target")
                    .put("type", s.path("averageValue").isTextual() ? AVERAGE_VALUE : VALUE)
                    .put("value", s.path("targetValue").asText(ZERO));
            copy(s, target, "averageValue");
            identifier(o, s, "metricName", "selector");
        }
        if (m.path("pods").isObject()) {
            JsonNode s = m.path("pods");
            ObjectNode o = out.putObject("pods");
            identifier(o, s, "metricName", "selector");
            o.putObject("target").put("type", AVERAGE_VALUE).put("averageValue", s.path("targetAverageValue").asText(ZERO));
        }
        resourceSpecToV2(m, "resource", out);
        resourceSpecToV2(m, "containerResource", out);
        if (m.path("external").isObject()) {
            JsonNode s = m.path("external");
            ObjectNode o = out.putObject("external");
            identifier(o, s, "metricName", "metricSelector");
            ObjectNode target = o.putObject("target").put("type", s.path("targetValue").isTextual() ? VALUE : AVERAGE_VALUE);
            copyAs(s, "targetValue", target, "value");
            copyAs(s, "targetAverageValue", target, "averageValue");
        }
        return out;
    }

    private static void resourceSpecToV2(JsonNode m, String field, ObjectNode out) {
        if (!m.path(field).isObject()) {
            return;
        }
        JsonNode s = m.path(field);
        ObjectNode o = out.putObject(field).put("name", s.path("name").asText());
        boolean utilization = s.path("targetAverageUtilization").isNumber();
        ObjectNode target = o.putObject("target").put("type", utilization ? "Utilization" : AVERAGE_VALUE);
        copyAs(s, "targetAverageValue", target, "averageValue");
        copyAs(s, "targetAverageUtilization", target, "averageUtilization");
        copy(s, o, "container");
    }

    static ObjectNode statusToV1(JsonNode m) {
        ObjectNode out = NODES.objectNode();
        out.set("type", m.path("type"));
        if (m.path("object").isObject()) {
            JsonNode s = m.path("object");
            ObjectNode o = out.putObject("object");
            o.set("target", s.path("describedObject").deepCopy());
            o.put("metricName", s.path("metric").path("name").asText());
            o.put("currentValue", s.path("current").path("value").asText(ZERO));
            copyAs(s.path("metric"), "selector", o, "selector");
            copyAs(s.path("current"), "averageValue", o, "averageValue");
        }
        if (m.path("pods").isObject()) {
            JsonNode s = m.path("pods");
            ObjectNode o = out.putObject("pods").put("metricName", s.path("metric").path("name").asText());
            o.put("currentAverageValue", s.path("current").path("averageValue").asText(ZERO));
            copyAs(s.path("metric"), "selector", o, "selector");
        }
        resourceStatusToV1(m, "resource", out);
        resourceStatusToV1(m, "containerResource", out);
        if (m.path("external").isObject()) {
            JsonNode s = m.path("external");
            ObjectNode o = out.putObject("external").put("metricName", s.path("metric").path("name").asText());
            copyAs(s.path("metric"), "selector", o, "metricSelector");
            o.put("currentValue", s.path("current").path("value").asText(ZERO));
            copyAs(s.path("current"), "averageValue", o, "currentAverageValue");
        }
        return out;
    }

    private static void resourceStatusToV1(JsonNode m, String field, ObjectNode out) {
        if (!m.path(field).isObject()) {
            return;
        }
        JsonNode s = m.path(field);
        ObjectNode o = out.putObject(field).put("name", s.path("name").asText());
        copyAs(s.path("current"), "averageUtilization", o, "currentAverageUtilization");
        o.put("currentAverageValue", s.path("current").path("averageValue").asText(ZERO));
        copy(s, o, "container");
    }

    static ObjectNode statusToV2(JsonNode m) {
        ObjectNode out = NODES.objectNode();
        out.set("type", m.path("type"));
        if (m.path("object").isObject()) {
            JsonNode s = m.path("object");
            ObjectNode o = out.putObject("object");
            identifier(o, s, "metricName", "selector");
            ObjectNode current = o.putObject("current").put("value", s.path("currentValue").asText(ZERO));
            copy(s, current, "averageValue");
            o.set("describedObject", s.path("target").deepCopy());
        }
        if (m.path("pods").isObject()) {
            JsonNode s = m.path("pods");
            ObjectNode o = out.putObject("pods");
            identifier(o, s, "metricName", "selector");
            o.putObject("current").put("averageValue", s.path("currentAverageValue").asText(ZERO));
        }
        resourceStatusToV2(m, "resource", out);
        resourceStatusToV2(m, "containerResource", out);
        if (m.path("external").isObject()) {
            JsonNode s = m.path("external");
            ObjectNode o = out.putObject("external");
            identifier(o, s, "metricName", "metricSelector");
            ObjectNode current = o.putObject("current").put("value", s.path("currentValue").asText(ZERO));
            copyAs(s, "currentAverageValue", current, "averageValue");
        }
        return out;
    }

    private static void resourceStatusToV2(JsonNode m, String field, ObjectNode out) {
        if (!m.path(field).isObject()) {
            return;
        }
        JsonNode s = m.path(field);
        ObjectNode o = out.putObject(field).put("name", s.path("name").asText());
        ObjectNode current = o.putObject("current").put("averageValue", s.path("currentAverageValue").asText(ZERO));
        copyAs(s, "currentAverageUtilization", current, "averageUtilization");
        copy(s, o, "container");
    }

    /** v2's MetricIdentifier from v1's flat name and selector fields. */
    private static void identifier(ObjectNode o, JsonNode s, String nameField, String selectorField) {
        ObjectNode metric = o.putObject("metric").put("name", s.path(nameField).asText());
        copyAs(s, selectorField, metric, "selector");
    }

    private static void copyAs(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.path(field);
        if (!value.isMissingNode() && !value.isNull()) {
            to.set(as, value.deepCopy());
        }
    }
}
