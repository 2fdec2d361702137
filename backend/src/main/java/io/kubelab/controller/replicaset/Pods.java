package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the controllers read off a pod: {@code podutil} and {@code FilterActivePods} of Kubernetes. */
public final class Pods {

    private Pods() {
    }

    /** Neither finished nor being deleted: the pods a ReplicaSet counts (terminating ones do not). */
    public static boolean active(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText();
        return !phase.equals("Succeeded") && !phase.equals("Failed") && !ObjectMeta.deleting(pod);
    }

    private static Optional<JsonNode> readyCondition(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    public static boolean ready(JsonNode pod) {
        return readyCondition(pod).map(c -> c.path("status").asText().equals("True")).orElse(false);
    }

    /** When the pod became Ready, if it is. */
    public static Optional<Instant> readySince(JsonNode pod) {
        return readyCondition(pod).filter(c -> c.path("status").asText().equals("True"))
                .map(c -> c.path("lastTransitionTime").asText(""))
                .filter(t -> !t.isEmpty())
                .map(Instant::parse);
    }

    /**
     * {@code IsPodAvailable}: Ready, and Ready for more than {@code minReadySeconds} (strictly, as
     * {@code Time.Before} compares).
     */
    public static boolean available(JsonNode pod, long minReadySeconds, Instant now) {
        if (!ready(pod)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        return readySince(pod).map(t -> t.plusSeconds(minReadySeconds).isBefore(now)).orElse(false);
    }

    public static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    public static Optional<Instant> created(JsonNode object) {
        String text = object.path("metadata").path("creationTimestamp").asText("");
        return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
