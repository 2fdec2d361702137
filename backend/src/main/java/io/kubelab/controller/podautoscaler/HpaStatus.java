package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;

/**
 * The HPA's status as the controller rebuilds it on every sync ({@code setStatus}, {@code setCondition}):
 * conditions keep their order and their transition time unless their status changes.
 */
final class HpaStatus {

    static final String ABLE_TO_SCALE = "AbleToScale";
    static final String SCALING_ACTIVE = "ScalingActive";
    static final String SCALING_LIMITED = "ScalingLimited";

    private final ArrayNode conditions;
    private final JsonNode original;
    private final Instant now;
    private String lastScaleTime;
    private int currentReplicas;
    private int desiredReplicas;
    private ArrayNode currentMetrics;

    HpaStatus(ObjectNode hpa, Instant now) {
        JsonNode status = hpa.path("status");
        this.original = status.deepCopy();
        this.now = now;
        this.conditions = status.path("conditions").isArray() ? ((ArrayNode) status.get("conditions")).deepCopy()
                : JsonNodeFactory.instance.arrayNode();
        this.lastScaleTime = status.path("lastScaleTime").asText(null);
        this.currentReplicas = status.path("currentReplicas").asInt(0);
        this.desiredReplicas = status.path("desiredReplicas").asInt(0);
        this.currentMetrics = status.path("currentMetrics").isArray() ? ((ArrayNode) status.get("currentMetrics")).deepCopy()
                : null;
    }

    void setCondition(String type, String status, String reason, String message) {
        ObjectNode existing = null;
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                existing = (ObjectNode) c;
                break;
            }
        }
        if (existing == null) {
            existing = conditions.addObject();
            existing.put("type", type);
        }
        String transition = existing.path("lastTransitionTime").asText(null);
        if (!status.equals(existing.path("status").asText())) {
            transition = ObjectMeta.time(now);
        }
        existing.removeAll();
        existing.put("type", type).put("status", status);
        if (transition != null) {
            existing.put("lastTransitionTime", transition);
        }
        existing.put("reason", reason).put("message", message);
    }

    void setCondition(Normalizer.Condition c, String type) {
        setCondition(type, c.status(), c.reason(), c.message());
    }

    int desiredReplicas() {
        return desiredReplicas;
    }

    /** {@code setStatus}: replicas and metrics now; a rescale stamps lastScaleTime. */
    void set(int current, int desired, ArrayNode metrics, boolean rescale) {
        currentReplicas = current;
        desiredReplicas = desired;
        currentMetrics = metrics;
        if (rescale) {
            lastScaleTime = ObjectMeta.time(now);
        }
    }

    /** The status in autoscaling/v2's field order, empty fields left out as Go's encoder does. */
    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (lastScaleTime != null) {
            out.put("lastScaleTime", lastScaleTime);
        }
        if (currentReplicas != 0) {
            out.put("currentReplicas", currentReplicas);
        }
        out.put("desiredReplicas", desiredReplicas);
        if (currentMetrics != null && currentMetrics.size() > 0) {
            out.set("currentMetrics", currentMetrics);
        }
        if (conditions.size() > 0) {
            out.set("conditions", conditions);
        }
        return out;
    }

    boolean changed() {
        return !toJson().equals(original);
    }
}
