package io.kubelab.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A sandbox's stream of component events: numbers them, keeps the most recent for late subscribers
 * (a browser that reconnects), and hands each to the subscribers in order. Subscribers must not block:
 * they run on the simulation's thread.
 */
public final class ComponentEvents {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComponentEvents.class);

    public static final int RETAINED = 500;

    private final Supplier<Instant> clock;
    private final ArrayDeque<ComponentEvent> recent = new ArrayDeque<>();
    private final List<Consumer<ComponentEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long seq;
    private boolean muted;

    /** {@code lastSeq} continues a sandbox's numbering after it moved or woke: no number is reused. */
    public ComponentEvents(Supplier<Instant> clock, long lastSeq) {
        this.clock = clock;
        this.seq = lastSeq;
    }

    /** While muted (a sandbox's bootstrap), nothing is emitted: there is no one to show it to yet. */
    public synchronized void mute(boolean value) {
        muted = value;
    }

    public ComponentEvent emit(String component, String node, String action, String object,
                               String from, String to, String message) {
        ComponentEvent event;
        synchronized (this) {
            if (muted) {
                return null;
            }
            event = new ComponentEvent(++seq, clock.get(), component, Optional.ofNullable(node), action,
                    object, from, to, message);
            recent.addLast(event);
            if (recent.size() > RETAINED) {
                recent.removeFirst();
            }
        }
        for (Consumer<ComponentEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // A subscriber that fails (a closed browser connection) is dropped; the cluster carries on.
                LOG.warn("component-event subscriber failed and was removed", e);
                subscribers.remove(subscriber);
            }
        }
        return event;
    }

    public Runnable subscribe(Consumer<ComponentEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The retained events after {@code afterSeq}, oldest first. */
    public synchronized List<ComponentEvent> since(long afterSeq) {
        List<ComponentEvent> out = new ArrayList<>();
        for (ComponentEvent event : recent) {
            if (event.seq() > afterSeq) {
                out.add(event);
            }
        }
        return out;
    }

    public synchronized long lastSeq() {
        return seq;
    }
}
