package io.kubelab.scheduler.framework;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/** Taints and tolerations ({@code v1helper.TolerationsTolerateTaint}, {@code FindMatchingUntoleratedTaint}). */
public final class Tolerations {

    private Tolerations() {
    }

    /** {@code Toleration.ToleratesTaint}: empty effect matches all effects, empty key with Exists matches all keys. */
    public static boolean tolerates(JsonNode toleration, JsonNode taint) {
        String effect = toleration.path("effect").asText("");
        if (!effect.isEmpty() && !effect.equals(taint.path("effect").asText(""))) {
            return false;
        }
        String key = toleration.path("key").asText("");
        if (!key.isEmpty() && !key.equals(taint.path("key").asText(""))) {
            return false;
        }
        return switch (toleration.path("operator").asText("")) {
            case "Exists" -> true;
            case "", "Equal" -> toleration.path("value").asText("").equals(taint.path("value").asText(""));
            default -> false;
        };
    }

    public static boolean tolerated(JsonNode tolerations, JsonNode taint) {
        for (JsonNode toleration : tolerations) {
            if (tolerates(toleration, taint)) {
                return true;
            }
        }
        return false;
    }

    /** The first of the node's taints with one of {@code effects} that no toleration tolerates. */
    public static Optional<JsonNode> firstUntolerated(JsonNode taints, JsonNode tolerations, Set<String> effects) {
        for (JsonNode taint : taints) {
            if (effects.contains(taint.path("effect").asText()) && !tolerated(tolerations, taint)) {
                return Optional.of(taint);
            }
        }
        return Optional.empty();
    }
}
