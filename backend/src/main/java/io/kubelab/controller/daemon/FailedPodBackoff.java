package io.kubelab.controller.daemon;

import io.kubelab.clock.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * flowcontrol.Backoff as the controller uses it for failed daemon pods (1 s doubling to 15 min), so a
 * node whose kubelet keeps rejecting the pod is not hot-looped. Only rate limiting lives here: losing it
 * on a restart costs at most one early retry, as in Kubernetes.
 */
final class FailedPodBackoff {

    static final Duration INITIAL = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(15);

    private record Entry(Duration backoff, Instant lastUpdate) {
    }

    private final SimClock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    FailedPodBackoff(SimClock clock) {
        this.clock = clock;
    }

    boolean inBackoff(String key) {
        Entry entry = entries.get(key);
        return entry != null && Duration.between(entry.lastUpdate, clock.now()).compareTo(entry.backoff) < 0;
    }

    Duration delay(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Duration.ZERO : entry.backoff;
    }

    void next(String key) {
        Instant now = clock.now();
        Entry entry = entries.get(key);
        Duration backoff;
        if (entry == null || Duration.between(entry.lastUpdate, now).compareTo(MAX.multipliedBy(2)) > 0) {
            backoff = INITIAL;
        } else {
            backoff = entry.backoff.multipliedBy(2);
            if (backoff.compareTo(MAX) > 0) {
                backoff = MAX;
            }
        }
        entries.put(key, new Entry(backoff, now));
    }
}
