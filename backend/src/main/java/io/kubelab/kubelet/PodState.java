package io.kubelab.kubelet;

import io.kubelab.clock.SimClock;

import java.util.HashMap;
import java.util.Map;

/**
 * What the kubelet remembers about one pod between syncs, all of it rebuildable: the last reason a
 * container could not start (its waiting reason and message, the kubelet's reason cache), the retry timer,
 * and whether the pod is being killed. Losing it (a kubelet restart) costs at most one retry.
 */
final class PodState {

    record Waiting(String reason, String message) {
    }

    final String uid;
    final Map<String, Waiting> waiting = new HashMap<>();
    SimClock.Timer retry;
    boolean retryIsWork;
    /** The ConfigMap or Secret ({@code namespace/name}) a container waits for, if any. */
    String waitsFor;
    boolean killing;
    boolean finished;
    /** The status this kubelet last computed for the pod: another writer's change shows against it. */
    com.fasterxml.jackson.databind.JsonNode reported;
    /** The status as the API server stored our last write of it (its normal form). */
    com.fasterxml.jackson.databind.JsonNode stored;
    /** Containers a liveness or startup probe condemned, by instance id, already being killed. */
    final Map<String, Boolean> condemned = new HashMap<>();
    /** Containers stopped because their spec changed: restarted at once, whatever the restart policy. */
    final java.util.Set<String> redefined = new java.util.HashSet<>();

    PodState(String uid) {
        this.uid = uid;
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }
}
