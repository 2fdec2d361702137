package io.kubelab.controller;

import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.store.StoreException;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.HashMap;

/**
 * A level-triggered controller as Kubernetes writes them: informers' handlers only enqueue keys, and
 * {@link #sync(String)} reconciles one key from the current state. The queue drains on the sandbox clock
 * (so {@code sim settle} sees pending work as pending timers); a failed sync is retried with client-go's
 * default backoff (5 ms doubling, at most 1000 s).
 */
public abstract class Controller {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Controller.class);
    private static final Duration BASE_DELAY = Duration.ofMillis(5);
    private static final Duration MAX_DELAY = Duration.ofSeconds(1000);

    private final String name;
    private final SimClock clock;
    private final LinkedHashSet<String> queue = new LinkedHashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, SimClock.Timer> retries = new HashMap<>();
    /**
     * Retries past this many in a row wait in the background: a refusal that persists (etcd down, the API
     * server stopped) is not work time alone will finish, so {@code sim settle} does not wait for it.
     */
    private static final int FOREGROUND_RETRIES = 5;
    private boolean scheduled;
    private boolean running = true;

    protected Controller(String name, SimClock clock) {
        this.name = name;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** Reconciles the object {@code key} ({@code namespace/name}) names, which may no longer exist. */
    protected abstract void sync(String key);

    public final void enqueue(String key) {
        queue.add(key);
        scheduleDrain(Duration.ZERO);
    }

    /**
     * Whether a refused write leaves nothing to do: the object is already there (409), or its namespace is
     * going or gone (403, 404). Controllers that create what should exist treat these as done.
     */
    protected static boolean alreadySettled(io.kubelab.apiserver.StatusException e) {
        int code = e.status().code();
        return code == 409 || code == 403 || code == 404;
    }

    /** Looks at {@code key} again after {@code delay} of simulated time (a requeue-after). */
    public final void enqueueAfter(String key, Duration delay) {
        clock.schedule(delay, () -> enqueue(key));
    }

    private void scheduleDrain(Duration delay) {
        if (!scheduled && running) {
            scheduled = true;
            clock.schedule(delay, this::drain);
        }
    }

    private void drain() {
        scheduled = false;
        if (!running) {
            return;
        }
        while (!queue.isEmpty()) {
            String key = queue.iterator().next();
            queue.remove(key);
            try {
                sync(key);
                failures.remove(key);
                SimClock.Timer retry = retries.remove(key);
                if (retry != null) {
                    retry.cancel();
                }
            } catch (RuntimeException e) {
                // A refused request is routine (retry later); anything else is our bug, but the student's
                // command must not die of it and the rest of the queue must still run.
                if (e instanceof StatusException || e instanceof StoreException) {
                    LOG.debug("{} failed to sync {}: {}", name, key, e.getMessage());
                } else {
                    LOG.error("{} failed to sync {}", name, key, e);
                }
                int count = failures.merge(key, 1, Integer::sum);
                Duration delay = BASE_DELAY.multipliedBy(1L << Math.min(count - 1, 30));
                delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
                // One pending retry per key, as client-go's rate-limited queue keeps one entry per item.
                SimClock.Timer previous = retries.remove(key);
                if (previous != null) {
                    previous.cancel();
                }
                Runnable again = () -> {
                    retries.remove(key);
                    enqueue(key);
                };
                retries.put(key, count <= FOREGROUND_RETRIES ? clock.schedule(delay, again)
                        : clock.scheduleBackground(delay, again));
            }
        }
    }

    /** A stopped controller ({@code sim stop controller-manager}) queues work but does none. */
    public void setRunning(boolean value) {
        running = value;
        if (value && !queue.isEmpty()) {
            scheduleDrain(Duration.ZERO);
        }
    }
}
