package io.kubelab.kubelet;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * client-go's {@code flowcontrol.Backoff} without jitter (the kubelet creates its back-offs without):
 * per key, a delay that starts at {@code initial}, doubles on each {@link #next} up to {@code max}, and
 * starts over once nothing happened for twice {@code max} (so a container that ran 10 minutes crash-loops
 * from 10 s again).
 */
final class Backoff {

    private record Entry(Duration backoff, Instant lastUpdate) {
    }

    private final Duration initial;
    private final Duration max;
    private final Map<String, Entry> entries = new HashMap<>();

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The current delay of {@code key} (zero when none). */
    Duration get(String key) {
        Entry e = entries.get(key);
        return e == null ? Duration.ZERO : e.backoff;
    }

    void next(String key, Instant eventTime, Instant now) {
        Entry e = entries.get(key);
        Duration delay;
        if (e == null || expired(eventTime, e.lastUpdate)) {
            delay = initial;
        } else {
            delay = e.backoff.multipliedBy(2);
            if (delay.compareTo(max) > 0) {
                delay = max;
            }
        }
        entries.put(key, new Entry(delay, now));
    }

    /** Takes up a back-off another kubelet process was in (a woken sandbox), as of {@code lastUpdate}. */
    void seed(String key, Duration delay, Instant lastUpdate) {
        entries.put(key, new Entry(delay, lastUpdate));
    }

    /** {@code IsInBackOffSince}: whether less than the delay has passed since {@code eventTime}. */
    boolean inBackOffSince(String key, Instant eventTime, Instant now) {
        Entry e = entries.get(key);
        if (e == null || expired(eventTime, e.lastUpdate)) {
            return false;
        }
        return Duration.between(eventTime, now).compareTo(e.backoff) < 0;
    }

    /** {@code IsInBackOffSinceUpdate}: whether less than the delay has passed since the last {@link #next}. */
    boolean inBackOffSinceUpdate(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null || expired(now, e.lastUpdate)) {
            return false;
        }
        return Duration.between(e.lastUpdate, now).compareTo(e.backoff) < 0;
    }

    /** When the delay of {@code key} counted from {@code since} runs out. */
    Instant until(String key, Instant since) {
        return since.plus(get(key));
    }

    void forget(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private boolean expired(Instant eventTime, Instant lastUpdate) {
        return Duration.between(lastUpdate, eventTime).compareTo(max.multipliedBy(2)) > 0;
    }
}
