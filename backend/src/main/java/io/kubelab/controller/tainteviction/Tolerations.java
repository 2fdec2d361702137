package io.kubelab.controller.tainteviction;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a pod's tolerations match a node's NoExecute taints ({@code GetMatchingTolerations},
 * {@code ToleratesTaint}) and how long they let the pod stay ({@code getMinTolerationTime}).
 */
final class Tolerations {

    private Tolerations() {
    }

    static List<JsonNode> noExecuteTaints(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode taint : node.path("spec").path("taints")) {
            if (taint.path("effect").asText().equals("NoExecute")) {
                out.add(taint);
            }
        }
        return out;
    }

    /**
     * For each taint the first toleration that tolerates it, or empty if some taint is not tolerated (the pod
     * must go at once).
     */
    static Optional<List<JsonNode>> matching(List<JsonNode> taints, JsonNode tolerations) {
        List<JsonNode> used = new ArrayList<>();
        for (JsonNode taint : taints) {
            JsonNode match = null;
            for (JsonNode toleration : tolerations) {
                if (tolerates(toleration, taint)) {
                    match = toleration;
                    break;
                }
            }
            if (match == null) {
                return Optional.empty();
            }
            used.add(match);
        }
        return Optional.of(used);
    }

    static boolean tolerates(JsonNode toleration, JsonNode taint) {
        String effect = toleration.path("effect").asText("");
        if (!effect.isEmpty() && !effect.equals(taint.path("effect").asText())) {
            return false;
        }
        String key = toleration.path("key").asText("");
        if (!key.isEmpty() && !key.equals(taint.path("key").asText())) {
            return false;
        }
        return switch (toleration.path("operator").asText("")) {
            case "", "Equal" -> toleration.path("value").asText("").equals(taint.path("value").asText(""));
            case "Exists" -> true;
            default -> false;
        };
    }

    /**
     * The shortest {@code tolerationSeconds} among the used tolerations: zero (go now) for none or a
     * non-positive one, empty for "forever" (no used toleration has a limit).
     */
    static Optional<Duration> minTolerationTime(List<JsonNode> used) {
        if (used.isEmpty()) {
            return Optional.of(Duration.ZERO);
        }
        Long min = null;
        for (JsonNode toleration : used) {
            JsonNode seconds = toleration.path("tolerationSeconds");
            if (seconds.isNumber()) {
                if (seconds.asLong() <= 0) {
                    return Optional.of(Duration.ZERO);
                }
                min = min == null ? seconds.asLong() : Math.min(min, seconds.asLong());
            }
        }
        return min == null ? Optional.empty() : Optional.of(Duration.ofSeconds(min));
    }
}
