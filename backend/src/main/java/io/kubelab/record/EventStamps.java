package io.kubelab.record;

import io.kubelab.clock.SimClock;

import java.time.Instant;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The instants that new events are named after. An event's name is its object's name plus the nanosecond of
 * its creation; real clocks never repeat a nanosecond, but a simulated one stands still while a whole chain
 * of work runs, and two events about one object at one instant would get one name (the second would be
 * refused as AlreadyExists). So each sandbox's stamps are kept strictly increasing, one nanosecond at least,
 * across all of its components' recorders: invisible in any timestamp, which show seconds or microseconds.
 */
final class EventStamps {

    // Keyed by the sandbox's clock, so that recorders built apart still share one sequence; weak so that a
    // finished sandbox is not kept alive by it.
    private static final Map<SimClock, Instant> LAST = new WeakHashMap<>();

    private EventStamps() {
    }

    static Instant next(SimClock clock) {
        synchronized (LAST) {
            Instant now = clock.now();
            Instant last = LAST.get(clock);
            Instant stamp = last != null && !now.isAfter(last) ? last.plusNanos(1) : now;
            LAST.put(clock, stamp);
            return stamp;
        }
    }
}
