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
}
