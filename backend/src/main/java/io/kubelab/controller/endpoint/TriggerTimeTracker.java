package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code TriggerTimeTracker}: the time of the earliest change (a pod's Ready transition, the service's
 * creation) not yet reflected, which becomes {@code endpoints.kubernetes.io/last-change-trigger-time}.
 * Like Kubernetes' it remembers what it saw last in memory; after a restart the first sync of a service
 * reports the service's creation, exactly as a restarted kube-controller-manager does.
 */
public final class TriggerTimeTracker {

    private record State(Map<String, String> podTimes, String serviceTime) {
    }

    private final Map<String, State> states = new HashMap<>();

    /** The trigger time to write (RFC 3339), or empty to clear the annotation. */
    public Optional<String> compute(String serviceKey, JsonNode service, Collection<? extends JsonNode> pods) {
        State state = states.get(serviceKey);
        String min = null;
        Map<String, String> podTimes = new HashMap<>();
        for (JsonNode pod : pods) {
            Optional<String> time = PodEndpoints.readyTransition(pod);
            if (time.isPresent()) {
                podTimes.put(ObjectMeta.name(pod), time.get());
                String last = state == null ? null : state.podTimes().get(ObjectMeta.name(pod));
                if (last == null || time.get().compareTo(last) > 0) {
                    min = min == null || time.get().compareTo(min) < 0 ? time.get() : min;
                }
            }
        }
        String serviceTime = service.path("metadata").path("creationTimestamp").asText("");
        if (state != null && serviceTime.compareTo(state.serviceTime()) > 0) {
            min = min == null || serviceTime.compareTo(min) < 0 ? serviceTime : min;
        }
        states.put(serviceKey, new State(podTimes, serviceTime));
        if (state == null) {
            return serviceTime.isEmpty() ? Optional.empty() : Optional.of(serviceTime);
        }
        return Optional.ofNullable(min);
    }

    public void delete(String serviceKey) {
        states.remove(serviceKey);
    }
}
