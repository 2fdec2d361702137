package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.PodConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which pods a ReplicaSet deletes first when it scales down: Kubernetes' {@code ActivePodsWithRanks} with
 * the rank {@code getPodsRankedByRelatedPodsOnSameNode} gives (how many related pods share the node), and
 * the {@code PodDeletionCost} and {@code LogarithmicScaleDown} features on, as they are in 1.32.
 */
public final class PodRanking {

    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private PodRanking() {
    }

    /**
     * The first {@code count} of {@code pods} to delete, ranked against {@code related} (the pods of every
     * ReplicaSet with the same owner, these included).
     */
    public static List<JsonNode> toDelete(List<JsonNode> pods, List<JsonNode> related, int count, Instant now) {
        if (count >= pods.size()) {
            return pods;
        }
        Map<String, Integer> perNode = new HashMap<>();
        for (JsonNode pod : related) {
            String node = pod.path("spec").path("nodeName").asText("");
            if (!node.isEmpty() && PodConditions.active(pod)) {
                perNode.merge(node, 1, Integer::sum);
            }
        }
        List<JsonNode> ranked = new ArrayList<>(pods);
        ranked.sort(order(perNode, now));
        return ranked.subList(0, count);
    }

    private static int rank(JsonNode pod, Map<String, Integer> perNode) {
        String node = pod.path("spec").path("nodeName").asText("");
        return node.isEmpty() ? 0 : perNode.getOrDefault(node, 0);
    }

    /** Smaller sorts first, that is, is deleted first. */
    static Comparator<JsonNode> order(Map<String, Integer> perNode, Instant now) {
        return (a, b) -> {
            // 1. Unassigned < assigned.
            boolean assignedA = !a.path("spec").path("nodeName").asText("").isEmpty();
            boolean assignedB = !b.path("spec").path("nodeName").asText("").isEmpty();
            if (assignedA != assignedB) {
                return assignedA ? 1 : -1;
            }
            // 2. Pending < Unknown < Running.
            int phase = Integer.compare(phaseOrdinal(a), phaseOrdinal(b));
            if (phase != 0) {
                return phase;
            }
            // 3. Not ready < ready.
            boolean readyA = PodConditions.ready(a);
            boolean readyB = PodConditions.ready(b);
            if (readyA != readyB) {
                return readyA ? 1 : -1;
            }
            // 4. Lower pod-deletion-cost < higher.
            int cost = Integer.compare(deletionCost(a), deletionCost(b));
            if (cost != 0) {
                return cost;
            }
            // 5. Doubled up (more related pods on the node) < not.
            int rank = Integer.compare(rank(b, perNode), rank(a, perNode));
            if (rank != 0) {
                return rank;
            }
            // 6. Ready for a shorter time < longer, in log2 buckets of the time since.
            if (readyA) {
                int since = recentFirst(PodConditions.readySince(a), PodConditions.readySince(b), a, b, now);
                if (since != 0) {
                    return since;
                }
            }
            // 7. More container restarts < fewer.
            int restarts = Integer.compare(restarts(b), restarts(a));
            if (restarts != 0) {
                return restarts;
            }
            // 8. Newer < older, in the same buckets.
            return recentFirst(created(a), created(b), a, b, now);
        };
    }

    private static int phaseOrdinal(JsonNode pod) {
        return switch (pod.path("status").path("phase").asText()) {
            case "Pending" -> 0;
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 3;
        };
    }

    private static int deletionCost(JsonNode pod) {
        try {
            return Integer.parseInt(pod.path("metadata").path("annotations").path(DELETION_COST).asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int restarts(JsonNode pod) {
        int max = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            max = Math.max(max, status.path("restartCount").asInt());
        }
        return max;
    }

    /**
     * The later time first; a missing time before any; times in the same power-of-two bucket of their age
     * tie, broken by uid ({@code logarithmicRankDiff}).
     */
    private static int recentFirst(Optional<Instant> ta, Optional<Instant> tb, JsonNode a, JsonNode b, Instant now) {
        if (ta.equals(tb)) {
            return 0;
        }
        if (ta.isEmpty() || tb.isEmpty()) {
            return ta.isEmpty() ? -1 : 1;
        }
        long diff = bucket(ta.get(), now) - bucket(tb.get(), now);
        if (diff == 0) {
            return ObjectMeta.uid(a).compareTo(ObjectMeta.uid(b));
        }
        return diff < 0 ? -1 : 1;
    }

    private static long bucket(Instant time, Instant now) {
        long nanos = Duration.between(time, now).toNanos();
        return nanos <= 0 ? -1 : 63 - Long.numberOfLeadingZeros(nanos);
    }

    private static Optional<Instant> created(JsonNode object) {
        String text = object.path("metadata").path("creationTimestamp").asText("");
        return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
