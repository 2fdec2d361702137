package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Go's JSON encoding adds that defaulting does not: struct fields that are values rather than
 * pointers are always written, and a zero {@code metav1.Time} is written as {@code null}. So every container
 * shows {@code resources: {}}, every pod template {@code metadata: {creationTimestamp: null}}, a new
 * Deployment {@code status: {}} and a new ReplicaSet {@code status: {replicas: 0}}, as Kubernetes stores them.
 */
final class GoZeroValues {

    private GoZeroValues() {
    }

    static void apply(ObjectNode object) {
        String kind = object.path("kind").asText();
        String group = object.path("apiVersion").asText();
        JsonNode spec = object.path("spec");
        switch (kind) {
            case "Pod" -> {
                podSpec(spec);
                status(object);
            }
            case "Deployment" -> {
                template(spec);
                status(object);
            }
            case "ReplicaSet" -> {
                template(spec);
                status(object).putIfAbsent("replicas", zero());
            }
            case "DaemonSet" -> {
                template(spec);
                ObjectNode status = status(object);
                for (String field : new String[]{"currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled",
                        "numberReady"}) {
                    status.putIfAbsent(field, zero());
                }
            }
            case "StatefulSet" -> {
                template(spec);
                ObjectNode status = status(object);
                status.putIfAbsent("replicas", zero());
                status.putIfAbsent("availableReplicas", zero());
            }
            case "Job" -> {
                template(spec);
                status(object);
            }
            case "CronJob" -> {
                JsonNode jobTemplate = spec.path("jobTemplate");
                if (jobTemplate instanceof ObjectNode job) {
                    zeroTime(job);
                    template(job.path("spec"));
                }
                status(object);
            }
            case "PodTemplate" -> template(object);
            case "ResourceQuota" -> status(object);
            case "HorizontalPodAutoscaler" -> {
                if (group.equals("autoscaling/v2")) {
                    ObjectNode status = status(object);
                    status.putIfAbsent("desiredReplicas", zero());
                    if (!status.has("currentMetrics")) {
                        status.putNull("currentMetrics");
                    }
                }
            }
            case "Role", "ClusterRole" -> {
                if (!object.has("rules")) {
                    object.putNull("rules");
                }
            }
            case "EndpointSlice" -> {
                if (!object.has("endpoints")) {
                    object.putNull("endpoints");
                }
            }
            case "Ingress" -> status(object).putIfAbsent("loadBalancer", object.objectNode());
            default -> {
            }
        }
    }

    private static com.fasterxml.jackson.databind.node.IntNode zero() {
        return com.fasterxml.jackson.databind.node.IntNode.valueOf(0);
    }

    private static ObjectNode status(ObjectNode object) {
        JsonNode status = object.get("status");
        return status instanceof ObjectNode s ? s : object.putObject("status");
    }

    private static void template(JsonNode owner) {
        if (owner instanceof ObjectNode o && o.get("template") instanceof ObjectNode template) {
            zeroTime(template);
            podSpec(template.path("spec"));
        }
    }

    private static void zeroTime(ObjectNode templateLike) {
        JsonNode metadata = templateLike.get("metadata");
        ObjectNode meta = metadata instanceof ObjectNode m ? m : templateLike.putObject("metadata");
        if (!meta.has("creationTimestamp")) {
            meta.putNull("creationTimestamp");
        }
    }

    private static void podSpec(JsonNode spec) {
        for (String list : new String[]{"initContainers", "containers"}) {
            for (JsonNode container : spec.path(list)) {
                if (container instanceof ObjectNode c && !c.has("resources")) {
                    c.putObject("resources");
                }
            }
        }
    }
}
