package io.kubelab.controller.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.Optional;

/** pkg/api/v1/pod: whether a pod is Ready, and Available after {@code minReadySeconds}. */
public final class PodReadiness {

    private PodReadiness() {
    }

    public static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("");
    }

    static Optional<JsonNode> readyCondition(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** IsPodReady: the Ready condition is True. */
    public static boolean ready(JsonNode pod) {
        return readyCondition(pod).map(c -> c.path("status").asText().equals("True")).orElse(false);
    }

    /** IsPodAvailable: Ready, and Ready for longer than {@code minReadySeconds} (strictly before now). */
    public static boolean available(JsonNode pod, int minReadySeconds, Instant now) {
        if (!ready(pod)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        return readySince(pod).map(t -> t.plusSeconds(minReadySeconds).isBefore(now)).orElse(false);
    }

    /** When the pod turned Ready; empty without a transition time. */
    public static Optional<Instant> readySince(JsonNode pod) {
        return readyCondition(pod).map(c -> c.path("lastTransitionTime").asText(""))
                .filter(t -> !t.isEmpty()).map(Instant::parse);
    }

    public static boolean terminating(JsonNode pod) {
        return ObjectMeta.deleting(pod);
    }
}
