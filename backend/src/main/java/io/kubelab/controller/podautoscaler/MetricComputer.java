package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Quantity;
import io.kubelab.record.EventRecorder;

import java.math.BigDecimal;

/**
 * {@code computeReplicasForMetrics}: a proposal per metric of the HPA's spec, the largest wins; a metric that
 * cannot be computed records its event and condition, and when every metric fails (or some fail and the rest
 * would scale down) the HPA does not scale at all.
 */
final class MetricComputer {

    /** {@code replicas} is -1 when the HPA must not scale; {@code error} is then FailedComputeMetricsReplicas' text. */
    record Outcome(int replicas, String metricName, ArrayNode statuses, String error) {
    }

    private record Failure(String reason, String error, String wrapped) {
    }

    private final ReplicaCalculator calculator;
    private final EventRecorder recorder;

    MetricComputer(ReplicaCalculator calculator, EventRecorder recorder) {
        this.calculator = calculator;
        this.recorder = recorder;
    }

    Outcome compute(ObjectNode hpa, ObjectNode scale, HpaStatus status) {
        String selectorText = scale.path("status").path("selector").asText("");
        if (selectorText.isEmpty()) {
            recorder.event(hpa, EventRecorder.WARNING, "SelectorRequired", "selector is required");
            status.setCondition(HpaStatus.SCALING_ACTIVE, "False", "InvalidSelector",
                    "the HPA target's scale is missing a selector");
            return new Outcome(-1, "", null, "selector is required");
        }
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(selectorText);
        } catch (LabelSelector.ParseException e) {
            recorder.event(hpa, EventRecorder.WARNING, "InvalidSelector", e.getMessage());
            status.setCondition(HpaStatus.SCALING_ACTIVE, "False", "InvalidSelector",
                    "the HPA target's pod selector could not be parsed: " + e.getMessage());
            return new Outcome(-1, "", null, e.getMessage());
        }
        int specReplicas = scale.path("spec").path("replicas").asInt(0);
        String namespace = ObjectMeta.namespace(hpa);
        JsonNode specs = hpa.path("spec").path("metrics");
        ArrayNode statuses = JsonNodeFactory.instance.arrayNode();
        int replicas = 0;
        String metric = "";
        int invalid = 0;
        Failure first = null;
        for (JsonNode spec : specs) {
            ObjectNode metricStatus = statuses.addObject();
            metricStatus.put("type", "");
            Failure failure = null;
            String type = spec.path("type").asText();
            if (type.equals("Resource") || type.equals("ContainerResource")) {
                JsonNode source = spec.path(type.equals("Resource") ? "resource" : "containerResource");
                String resource = source.path("name").asText();
                JsonNode target = source.path("target");
                try {
                    ReplicaCalculator.Proposal p;
                    String name;
                    ObjectNode current = JsonNodeFactory.instance.objectNode();
                    if (target.hasNonNull("averageValue")) {
                        p = calculator.rawResourceReplicas(specReplicas, Quantity.parse(target.path("averageValue").asText())
                                .milliValue(), resource, namespace, selector);
                        name = resource + " resource";
                        current.put("averageValue", milli(p.rawAverage()));
                    } else if (target.hasNonNull("averageUtilization")) {
                        p = calculator.resourceReplicas(specReplicas, target.path("averageUtilization").asInt(), resource,
                                namespace, selector);
                        name = resource + " resource utilization (percentage of request)";
                        current.put("averageValue", milli(p.rawAverage())).put("averageUtilization", p.utilization());
                    } else {
                        throw new ReplicaCalculator.CalculationException(
                                "invalid resource metric source: neither a utilization target nor a value target was set");
                    }
                    metricStatus.removeAll();
                    metricStatus.put("type", type);
                    ObjectNode body = metricStatus.putObject(type.equals("Resource") ? "resource" : "containerResource");
                    body.put("name", resource);
                    if (type.equals("ContainerResource")) {
                        body.put("container", source.path("container").asText());
                    }
                    body.set("current", current);
                    if (replicas == 0 || p.replicas() > replicas) {
                        replicas = p.replicas();
                        metric = name;
                    }
                } catch (ReplicaCalculator.CalculationException e) {
                    String reason = type.equals("Resource") ? "FailedGetResourceMetric" : "FailedGetContainerResourceMetric";
                    failure = new Failure(reason, e.getMessage(), "failed to get " + resource + " resource metric value: "
                            + "failed to get " + resource + " utilization: " + e.getMessage());
                }
            } else if (type.equals("Pods") || type.equals("Object")) {
                String name = spec.path(type.equals("Pods") ? "pods" : "object").path("metric").path("name").asText();
                String error = "unable to get metric " + name + ": unable to fetch metrics from custom metrics API: "
                        + "no custom metrics API (custom.metrics.k8s.io) registered";
                failure = new Failure("FailedGet" + type + "Metric", error, "failed to get " + type.toLowerCase(java.util.Locale.ROOT)
                        + " metric value: " + error);
            } else if (type.equals("External")) {
                String name = spec.path("external").path("metric").path("name").asText();
                String error = "unable to get external metric " + namespace + "/" + name
                        + ": unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered";
                failure = new Failure("FailedGetExternalMetric", error, "failed to get external metric value: " + error);
            } else {
                String error = "unknown metric source type \"" + type + "\"";
                failure = new Failure("InvalidMetricSourceType", error, error);
            }
            if (failure != null) {
                // getUnableComputeReplicaCountCondition: the event at once, the condition if this is the first failure
                recorder.event(hpa, EventRecorder.WARNING, failure.reason, failure.error);
                if (first == null) {
                    first = failure;
                }
                invalid++;
            }
        }
        if (first != null && (invalid >= specs.size() || replicas < specReplicas)) {
            status.setCondition(HpaStatus.SCALING_ACTIVE, "False", first.reason,
                    "the HPA was unable to compute the replica count: " + first.error);
            return new Outcome(-1, "", statuses, "invalid metrics (" + invalid + " invalid out of " + specs.size()
                    + "), first error is: " + first.wrapped);
        }
        status.setCondition(HpaStatus.SCALING_ACTIVE, "True", "ValidMetricFound",
                "the HPA was able to successfully calculate a replica count from " + metric);
        return new Outcome(replicas, metric, statuses, "");
    }

    /** {@code resource.NewMilliQuantity(v, DecimalSI)} in its canonical form ({@code 500m}, {@code 1}). */
    static String milli(long value) {
        return Quantity.of(BigDecimal.valueOf(value, 3), Quantity.Format.DECIMAL_SI).canonical();
    }
}
