package io.kubelab.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Optional;

/**
 * The two faces of one stored HorizontalPodAutoscaler: autoscaling/v2 (stored) and autoscaling/v1, converted
 * as Kubernetes' {@code pkg/apis/autoscaling/v1/conversion.go} does. v1 has only a CPU utilization target;
 * the other metrics, the current metrics and the conditions travel in annotations so that a v1 round trip
 * keeps them. v1 has no behavior: a write through v1 drops it, as upstream's does.
 */
public final class HpaConversion {

    public static final String V1 = "autoscaling/v1";
    public static final String V2 = "autoscaling/v2";
    static final String METRICS_ANNOTATION = "autoscaling.alpha.kubernetes.io/metrics";
    static final String CURRENT_METRICS_ANNOTATION = "autoscaling.alpha.kubernetes.io/current-metrics";
    static final String CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";
    /** autoscaling.DefaultCPUUtilization: the target v1 implied when it named none. */
    static final int DEFAULT_CPU_UTILIZATION = 80;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPU = "cpu";
    private static final String RESOURCE = "Resource";

    private HpaConversion() {
    }

    /** A stored autoscaling/v2 object as autoscaling/v1 shows it. */
    public static ObjectNode toV1(ObjectNode v2) {
        ObjectNode out = NODES.objectNode();
        out.put("kind", "HorizontalPodAutoscaler").put("apiVersion", V1);
        ObjectNode metadata = v2.path("metadata").deepCopy();
        out.set("metadata", metadata);
        JsonNode spec = v2.path("spec");
        ObjectNode outSpec = out.putObject("spec");
        copy(spec, outSpec, "scaleTargetRef", "minReplicas", "maxReplicas");
        ArrayNode others = NODES.arrayNode();
        for (JsonNode metric : spec.path("metrics")) {
            if (isCpu(metric) && metric.path("resource").path("target").has("averageUtilization")) {
                continue;
            }
            others.add(MetricsV1.specToV1(metric));
        }
        for (JsonNode metric : spec.path("metrics")) {
            if (isCpu(metric)) {
                JsonNode utilization = metric.path("resource").path("target").path("averageUtilization");
                if (!utilization.isMissingNode() && !utilization.isNull()) {
                    outSpec.set("targetCPUUtilizationPercentage", utilization);
                }
                break;
            }
        }
        JsonNode status = v2.path("status");
        ObjectNode outStatus = out.putObject("status");
        copy(status, outStatus, "observedGeneration", "lastScaleTime");
        outStatus.put("currentReplicas", status.path("currentReplicas").asLong());
        outStatus.put("desiredReplicas", status.path("desiredReplicas").asLong());
        ArrayNode current = NODES.arrayNode();
        for (JsonNode metric : status.path("currentMetrics")) {
            current.add(MetricsV1.statusToV1(metric));
            JsonNode utilization = metric.path("resource").path("current").path("averageUtilization");
            if (isCpu(metric) && !utilization.isMissingNode() && !utilization.isNull()) {
                outStatus.set("currentCPUUtilizationPercentage", utilization);
            }
        }
        ArrayNode conditions = NODES.arrayNode();
        for (JsonNode condition : status.path("conditions")) {
            ObjectNode c = conditions.addObject();
            copy(condition, c, "type", "status", "lastTransitionTime", "reason", "message");
        }
        annotate(metadata, METRICS_ANNOTATION, others);
        annotate(metadata, CURRENT_METRICS_ANNOTATION, current);
        annotate(metadata, CONDITIONS_ANNOTATION, conditions);
        return out;
    }

    /** An autoscaling/v1 object as it is stored, in autoscaling/v2; the round-trip annotations are consumed. */
    public static ObjectNode toV2(ObjectNode v1) {
        ObjectNode out = NODES.objectNode();
        out.put("apiVersion", V2).put("kind", "HorizontalPodAutoscaler");
        ObjectNode metadata = v1.path("metadata").deepCopy();
        out.set("metadata", metadata);
        JsonNode spec = v1.path("spec");
        ObjectNode outSpec = out.putObject("spec");
        copy(spec, outSpec, "scaleTargetRef", "minReplicas", "maxReplicas");
        ArrayNode metrics = NODES.arrayNode();
        unannotate(metadata, METRICS_ANNOTATION)
                .ifPresent(others -> others.forEach(m -> metrics.add(MetricsV1.specToV2(m))));
        JsonNode cpu = spec.path("targetCPUUtilizationPercentage");
        if (!cpu.isMissingNode() && !cpu.isNull()) {
            metrics.add(cpuMetric(cpu.asLong()));
        }
        if (metrics.isEmpty()) {
            metrics.add(cpuMetric(DEFAULT_CPU_UTILIZATION));
        }
        outSpec.set("metrics", metrics);
        JsonNode status = v1.path("status");
        if (status.isObject()) {
            ObjectNode outStatus = out.putObject("status");
            copy(status, outStatus, "observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas");
            Optional<ArrayNode> current = unannotate(metadata, CURRENT_METRICS_ANNOTATION);
            JsonNode percent = status.path("currentCPUUtilizationPercentage");
            if (current.isPresent()) {
                // The annotation's statuses are richer than the CPU percentage: they win, as upstream's do.
                ArrayNode converted = outStatus.putArray("currentMetrics");
                current.get().forEach(m -> converted.add(MetricsV1.statusToV2(m)));
            } else if (!percent.isMissingNode() && !percent.isNull()) {
                ObjectNode resource = outStatus.putArray("currentMetrics").addObject().put("type", RESOURCE)
                        .putObject("resource").put("name", CPU);
                resource.putObject("current").set("averageUtilization", percent);
            }
            unannotate(metadata, CONDITIONS_ANNOTATION).ifPresent(conditions -> outStatus.set("conditions", conditions));
        } else {
            unannotate(metadata, CURRENT_METRICS_ANNOTATION);
            unannotate(metadata, CONDITIONS_ANNOTATION);
        }
        if (metadata.path("annotations").isObject() && metadata.path("annotations").isEmpty()) {
            metadata.remove("annotations");
        }
        return out;
    }

    private static ObjectNode cpuMetric(long percent) {
        ObjectNode metric = NODES.objectNode().put("type", RESOURCE);
        metric.putObject("resource").put("name", CPU).putObject("target").put("type", "Utilization")
                .put("averageUtilization", percent);
        return metric;
    }

    private static boolean isCpu(JsonNode metric) {
        return metric.path("type").asText().equals(RESOURCE) && metric.path("resource").path("name").asText().equals(CPU);
    }

    /** Go's json.Marshal of the list into the annotation, only when the list has members. */
    private static void annotate(ObjectNode metadata, String key, ArrayNode values) {
        if (values.isEmpty()) {
            return;
        }
        ObjectNode annotations = metadata.path("annotations") instanceof ObjectNode a ? a : metadata.putObject("annotations");
        try {
            annotations.put(key, JSON.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sortKeys(annotations);
    }

    /** The annotation's list, removed from the metadata, if there was one. */
    private static Optional<ArrayNode> unannotate(ObjectNode metadata, String key) {
        if (!(metadata.path("annotations") instanceof ObjectNode annotations) || !annotations.has(key)) {
            return Optional.empty();
        }
        String encoded = annotations.remove(key).asText();
        try {
            JsonNode parsed = JSON.readTree(encoded);
            return Optional.of(parsed instanceof ArrayNode array ? array : NODES.arrayNode());
        } catch (JsonProcessingException e) {
            throw new StatusException(Status.badRequest("error decoding " + key + ": " + e.getOriginalMessage()));
        }
    }

    /** Go writes a map's keys sorted. */
    private static void sortKeys(ObjectNode object) {
        java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            sorted.put(name, object.get(name));
        }
        object.removeAll();
        object.setAll(sorted);
    }

    static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            JsonNode value = from.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                to.set(field, value.deepCopy());
            }
        }
    }
}
