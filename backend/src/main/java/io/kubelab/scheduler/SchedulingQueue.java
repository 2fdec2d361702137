package io.kubelab.scheduler;

import io.kubelab.clock.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
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
        final String key;
        final long seq;
        final Instant added;
        State state;
        int priority;
        int attempts;
        Instant lastFailure;
        boolean moveRequested;
        SimClock.Timer backoffTimer;

        Entry(String key, long seq, Instant added) {
            this.key = key;
            this.seq = seq;
            this.added = added;
        }
    }

    /** {@code activeQ}'s order: highest priority first, then the earliest added, then the first queued. */
    private static final Comparator<Entry> ACTIVE_ORDER = Comparator.<Entry>comparingInt(e -> -e.priority)
            .thenComparing(e -> e.added).thenComparingLong(e -> e.seq);

    private final SimClock clock;
    private final Runnable onActive;
    private final ToIntFunction<String> priority;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** The active pods in the order they are popped. */
    private final TreeSet<Entry> active = new TreeSet<>(ACTIVE_ORDER);
    /** The pods a cluster change can move (in flight or unschedulable), in queue order. */
    private final TreeMap<Long, Entry> movable = new TreeMap<>();
    private long nextSeq;
    private SimClock.Timer flushTimer;

    /**
     * @param onActive called whenever a pod becomes active, to get a cycle scheduled
     * @param priority a queued pod's priority (a pod's priority cannot change, so it is read as it becomes active)
     */
    SchedulingQueue(SimClock clock, Runnable onActive, ToIntFunction<String> priority) {
        this.clock = clock;
        this.onActive = onActive;
        this.priority = priority;
    }

    /** Moves an entry to {@code state}, keeping the active order and the movable set in step. */
    private void setState(Entry entry, State state) {
        unlink(entry);
        entry.state = state;
        if (state == State.ACTIVE) {
            entry.priority = priority.applyAsInt(entry.key);
            active.add(entry);
        } else if (state == State.IN_FLIGHT || state == State.UNSCHEDULABLE) {
            movable.put(entry.seq, entry);
        }
    }

    private void unlink(Entry entry) {
        if (entry.state == State.ACTIVE) {
            active.remove(entry);
        } else if (entry.state == State.IN_FLIGHT || entry.state == State.UNSCHEDULABLE) {
            movable.remove(entry.seq);
        }
    }

    /** A new pending pod, active at once; one already queued keeps its place. */
    void add(String key) {
        if (!entries.containsKey(key)) {
            Entry entry = new Entry(key, nextSeq++, clock.now());
            entries.put(key, entry);
            setState(entry, State.ACTIVE);
            onActive.run();
        }
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    void delete(String key) {
        Entry entry = entries.remove(key);
        if (entry != null) {
            unlink(entry);
            if (entry.backoffTimer != null) {
                entry.backoffTimer.cancel();
            }
        }
    }

    /** The active pod to schedule next, now in flight. */
    Optional<String> pop() {
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = active.first();
        setState(entry, State.IN_FLIGHT);
        entry.moveRequested = false;
        return Optional.of(entry.key);
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
            setState(entry, State.UNSCHEDULABLE);
            scheduleFlush();
        }
    }

    /** {@code MoveAllToActiveOrBackoffQueue}: a cluster change that may help the pods {@code relevant} accepts. */
    void moveAll(Predicate<String> relevant) {
        // Active and backing-off pods are not waiting for a change: only the movable ones are asked.
        for (Entry entry : List.copyOf(movable.values())) {
            if (entries.get(entry.key) != entry || !relevant.test(entry.key)) {
                continue;
            }
            if (entry.state == State.IN_FLIGHT) {
                entry.moveRequested = true;
            } else if (entry.state == State.UNSCHEDULABLE) {
                backoffOrActivate(entry.key, entry);
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
            setState(entry, State.ACTIVE);
        });
        if (!entries.isEmpty()) {
            onActive.run();
        }
    }

    private void backoffOrActivate(String key, Entry entry) {
        Instant until = entry.lastFailure == null ? clock.now() : entry.lastFailure.plus(backoff(entry.attempts));
        if (until.isAfter(clock.now())) {
            setState(entry, State.BACKOFF);
            if (entry.backoffTimer == null) {
                entry.backoffTimer = clock.scheduleAt(until, () -> {
                    entry.backoffTimer = null;
                    if (entries.get(key) == entry && entry.state == State.BACKOFF) {
                        setState(entry, State.ACTIVE);
                        onActive.run();
                    }
                });
            }
        } else {
            setState(entry, State.ACTIVE);
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
