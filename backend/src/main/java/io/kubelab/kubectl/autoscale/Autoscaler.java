package io.kubelab.kubectl.autoscale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HorizontalPodAutoscaler {@code kubectl autoscale} sends: autoscaling/v1, named after the target
 * (or {@code --name}), {@code minReplicas} and {@code targetCPUUtilizationPercentage} only when given,
 * fields in the order of Kubernetes' Go types so that {@code -o json} prints as kubectl does.
 */
record Autoscaler(String name, long min, long max, long cpuPercent) {

    static final String API_VERSION = "autoscaling/v1";
    /** The version our API server serves the autoscaler in (it has no autoscaling/v1 endpoint). */
    static final String SERVED_VERSION = "autoscaling/v2";
    static final String KIND = "HorizontalPodAutoscaler";

    ObjectNode build(ObjectNode target) {
        ObjectNode hpa = JsonNodeFactory.instance.objectNode();
        hpa.put("kind", KIND).put("apiVersion", API_VERSION);
        ObjectNode metadata = hpa.putObject("metadata");
        metadata.put("name", name.isEmpty() ? target.path("metadata").path("name").asText() : name);
        metadata.putNull("creationTimestamp");
        ObjectNode spec = hpa.putObject("spec");
        spec.putObject("scaleTargetRef")
                .put("kind", target.path("kind").asText())
                .put("name", target.path("metadata").path("name").asText())
                .put("apiVersion", target.path("apiVersion").asText());
        if (min > -1) {
            spec.put("minReplicas", min);
        }
        spec.put("maxReplicas", max);
        if (cpuPercent > -1) {
            spec.put("targetCPUUtilizationPercentage", cpuPercent);
        }
        hpa.putObject("status").put("currentReplicas", 0).put("desiredReplicas", 0);
        return hpa;
    }

    /**
     * The same autoscaler in autoscaling/v2, converted as kube-apiserver converts v1: the CPU target
     * becomes a Resource metric with a Utilization target.
     */
    static ObjectNode toV2(ObjectNode v1) {
        ObjectNode hpa = v1.deepCopy();
        hpa.put("apiVersion", SERVED_VERSION);
        hpa.remove("status");
        ObjectNode spec = (ObjectNode) hpa.path("spec");
        if (spec.has("targetCPUUtilizationPercentage")) {
            long percent = spec.remove("targetCPUUtilizationPercentage").asLong();
            ObjectNode resource = spec.putArray("metrics").addObject().put("type", "Resource").putObject("resource");
            resource.put("name", "cpu");
            resource.putObject("target").put("type", "Utilization").put("averageUtilization", percent);
        }
        return hpa;
    }
}
