package io.kubelab.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Taints against tolerations, as core/v1's helpers do it ({@code Toleration.ToleratesTaint},
 * {@code v1helper.TolerationsTolerateTaint}, {@code FindMatchingUntoleratedTaint},
 * {@code GetMatchingTolerations}): the one matching rule the scheduler, the DaemonSet controller, taint
 * eviction and the kubelet all share.
 */
public final class Tolerations {

    /** The effects that keep a pod off a node (the scheduler's and the DaemonSet controller's filter). */
    public static final Set<String> NO_SCHEDULE_OR_EXECUTE = Set.of("NoSchedule", "NoExecute");
    public static final Set<String> NO_EXECUTE = Set.of("NoExecute");

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

    /** The first of {@code tolerations} that tolerates the taint. */
    public static Optional<JsonNode> firstTolerating(JsonNode tolerations, JsonNode taint) {
        for (JsonNode toleration : tolerations) {
            if (tolerates(toleration, taint)) {
                return Optional.of(toleration);
            }
        }
        return Optional.empty();
    }

    /** {@code TolerationsTolerateTaint}. */
    public static boolean tolerated(JsonNode tolerations, JsonNode taint) {
        return firstTolerating(tolerations, taint).isPresent();
    }

    /** The first of the node's taints with one of {@code effects} that no toleration tolerates. */
    public static Optional<JsonNode> firstUntolerated(JsonNode taints, JsonNode tolerations, Set<String> effects) {
        for (JsonNode taint : taints) {
            if (effects.contains(taint.path("effect").asText("")) && !tolerated(tolerations, taint)) {
                return Optional.of(taint);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code GetMatchingTolerations}: for each taint the first toleration that tolerates it, or empty if some
     * taint is not tolerated.
     */
    public static Optional<List<JsonNode>> matching(List<JsonNode> taints, JsonNode tolerations) {
        List<JsonNode> used = new ArrayList<>();
        for (JsonNode taint : taints) {
            Optional<JsonNode> match = firstTolerating(tolerations, taint);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            used.add(match.get());
        }
        return Optional.of(used);
    }
}
