package io.kubelab.controller.tainteviction;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's NoExecute taints and how long the tolerations a pod uses against them let it stay
 * ({@code getNoExecuteTaints}, {@code getMinTolerationTime}); matching itself is {@code model.Tolerations}.
 */
final class NoExecuteTaints {

    private NoExecuteTaints() {
    }

    static List<JsonNode> of(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode taint : node.path("spec").path("taints")) {
            if (taint.path("effect").asText().equals("NoExecute")) {
                out.add(taint);
            }
        }
        return out;
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
