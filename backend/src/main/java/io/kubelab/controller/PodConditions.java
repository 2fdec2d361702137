package io.kubelab.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.Optional;

/**
 * What the components read off a pod's (or a node's) status: {@code pkg/api/v1/pod}'s {@code IsPodReady},
 * {@code IsPodAvailable} and {@code FilterActivePods} of pkg/controller.
 */
public final class PodConditions {

    public static final String READY = "Ready";

    private PodConditions() {
    }

    public static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("");
    }

    /** Succeeded or Failed: the pod will not run again. */
    public static boolean terminal(JsonNode pod) {
        String phase = phase(pod);
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    /** Neither finished nor being deleted: the pods a ReplicaSet counts (terminating ones do not). */
    public static boolean active(JsonNode pod) {
        return !terminal(pod) && !ObjectMeta.deleting(pod);
    }

    /** The object's status condition of {@code type}, if it has one. */
    public static Optional<JsonNode> condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** The status of the object's Ready condition ({@code True}, {@code False}, {@code Unknown}), "" without one. */
    public static String readyStatus(JsonNode object) {
        return condition(object, READY).map(c -> c.path("status").asText()).orElse("");
    }

    /** {@code IsPodReady} (and a node's Ready condition): the Ready condition is True. */
    public static boolean ready(JsonNode object) {
        return readyStatus(object).equals("True");
    }

    /** When the pod became Ready, if it is and the condition has a transition time. */
    public static Optional<Instant> readySince(JsonNode pod) {
        return condition(pod, READY).filter(c -> c.path("status").asText().equals("True"))
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
}
