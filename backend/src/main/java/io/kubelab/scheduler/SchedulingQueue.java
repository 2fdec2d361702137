package io.kubelab.scheduler;

import io.kubelab.clock.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * kube-scheduler's {@code PriorityQueue} in small. A pod is active (waiting for a cycle, highest priority
 * first, then the earliest added), in flight, backing off, or unschedulable (waiting for a cluster change).
 * A failed pod backs off 1 s, doubling per attempt up to 10 s, before it may run again. Unschedulable pods
 * move on relevant cluster events; those left for {@value #MAX_UNSCHEDULABLE_MINUTES} minutes move anyway,
 * checked every 30 s ({@code flushUnschedulablePodsLeftover}).
 *
 * <p>Timing: reactions to cluster changes (a backoff that ends after an event) are work; the leftover flush
 * is background, since time alone will not make such a pod fit.
 */
final class SchedulingQueue {

    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    static final int MAX_UNSCHEDULABLE_MINUTES = 5;
    static final Duration FLUSH_PERIOD = Duration.ofSeconds(30);

    enum State { ACTIVE, IN_FLIGHT, BACKOFF, UNSCHEDULABLE }

    private static final class Entry {
        final Instant added;
        State state = State.ACTIVE;
        int attempts;
        Instant lastFailure;
        boolean moveRequested;
        SimClock.Timer backoffTimer;

        Entry(Instant added) {
            this.added = added;
        }
    }

    private final SimClock clock;
    private final Runnable onActive;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private SimClock.Timer flushTimer;

    /** @param onActive called whenever a pod becomes active, to get a cycle scheduled */
    SchedulingQueue(SimClock clock, Runnable onActive) {
        this.clock = clock;
        this.onActive = onActive;
    }

    /** A new pending pod, active at once; one already queued keeps its place. */
    void add(String key) {
        if (!entries.containsKey(key)) {
            entries.put(key, new Entry(clock.now()));
            onActive.run();
        }
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    void delete(String key) {
        Entry entry = entries.remove(key);
        if (entry != null && entry.backoffTimer != null) {
            entry.backoffTimer.cancel();
        }
    }

    /** The active pod to schedule next, now in flight. */
    Optional<String> pop(ToIntFunction<String> priority) {
        Optional<String> next = entries.entrySet().stream().filter(e -> e.getValue().state == State.ACTIVE)
                .sorted(Comparator.<Map.Entry<String, Entry>>comparingInt(e -> -priority.applyAsInt(e.getKey()))
                        .thenComparing(e -> e.getValue().added))
                .map(Map.Entry::getKey).findFirst();
        next.ifPresent(key -> {
            Entry entry = entries.get(key);
            entry.state = State.IN_FLIGHT;
            entry.moveRequested = false;
        });
        return next;
    }

    /** The pod's cycle ended with it bound (or gone): it leaves the queue. */
    void done(String key) {
        delete(key);
    }

    /**
     * The pod's cycle failed. If the cluster changed while it was in flight it backs off and runs again;
     * otherwise it waits as unschedulable for a change.
     */
    void failed(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return;
        }
        entry.attempts++;
        entry.lastFailure = clock.now();
        if (entry.moveRequested) {
            backoffOrActivate(key, entry);
        } else {
            entry.state = State.UNSCHEDULABLE;
            scheduleFlush();
        }
    }

    /** {@code MoveAllToActiveOrBackoffQueue}: a cluster change that may help the pods {@code relevant} accepts. */
    void moveAll(Predicate<String> relevant) {
        for (Map.Entry<String, Entry> e : List.copyOf(entries.entrySet())) {
            Entry entry = e.getValue();
            if (!relevant.test(e.getKey())) {
                continue;
            }
            if (entry.state == State.IN_FLIGHT) {
                entry.moveRequested = true;
            } else if (entry.state == State.UNSCHEDULABLE) {
                backoffOrActivate(e.getKey(), entry);
            }
        }
    }

    /** Every queued pod active again, as a freshly started scheduler would have them. */
    void activateAll() {
        entries.values().forEach(entry -> {
            if (entry.backoffTimer != null) {
                entry.backoffTimer.cancel();
                entry.backoffTimer = null;
            }
            entry.state = State.ACTIVE;
        });
        if (!entries.isEmpty()) {
            onActive.run();
        }
    }

    private void backoffOrActivate(String key, Entry entry) {
        Instant until = entry.lastFailure == null ? clock.now() : entry.lastFailure.plus(backoff(entry.attempts));
        if (until.isAfter(clock.now())) {
            entry.state = State.BACKOFF;
            if (entry.backoffTimer == null) {
                entry.backoffTimer = clock.scheduleAt(until, () -> {
                    entry.backoffTimer = null;
                    if (entries.get(key) == entry && entry.state == State.BACKOFF) {
                        entry.state = State.ACTIVE;
                        onActive.run();
                    }
                });
            }
        } else {
            entry.state = State.ACTIVE;
            onActive.run();
        }
    }

    /** {@code calculateBackoffDuration}: 1 s for the first attempt, doubling, at most 10 s. */
    static Duration backoff(int attempts) {
        Duration d = INITIAL_BACKOFF;
        for (int i = 1; i < attempts && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private void scheduleFlush() {
        if (flushTimer == null) {
            flushTimer = clock.scheduleBackground(FLUSH_PERIOD, this::flushLeftover);
        }
    }

    private void flushLeftover() {
        flushTimer = null;
        Instant cutoff = clock.now().minus(Duration.ofMinutes(MAX_UNSCHEDULABLE_MINUTES));
        moveAll(key -> {
            Entry entry = entries.get(key);
            return entry.state == State.UNSCHEDULABLE && !entry.lastFailure.isAfter(cutoff);
        });
        if (entries.values().stream().anyMatch(e -> e.state == State.UNSCHEDULABLE)) {
            scheduleFlush();
        }
    }

    State state(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.state;
    }
}
