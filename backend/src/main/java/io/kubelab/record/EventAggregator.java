package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.EventSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * client-go's {@code EventAggregator}: events that differ only in their message are "similar"; once
 * {@link #MAX_EVENTS} distinct messages of one group are seen, each without more than
 * {@link #MAX_INTERVAL} since the group's previous one, the event is replaced by a combined one that the
 * logger then counts like any repeat.
 */
final class EventAggregator {

    /** {@code defaultAggregateMaxEvents}. */
    static final int MAX_EVENTS = 10;
    /** {@code defaultAggregateIntervalInSeconds}. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(600);
    static final String COMBINED_PREFIX = "(combined from similar events): ";

    private static final class Group {
        // Insertion order makes Go's PopAny (an arbitrary element of a map) deterministic: the oldest goes.
        final Set<String> messages = new LinkedHashSet<>();
        Instant last;
    }

    /** The event to log, and the logger's cache key for it. */
    record Aggregated(ObjectNode event, String key) {
    }

    private final Map<String, Group> cache = new Lru<>(Lru.MAX_ENTRIES);

    Aggregated aggregate(ObjectNode event, Instant now) {
        String eventKey = CoreEvents.eventKey(event);
        String aggregateKey = CoreEvents.aggregateKey(event);
        Group group = cache.get(aggregateKey);
        // Go compares with the zero time when there is no record, which is always too old.
        if (group == null || Duration.between(group.last, now).compareTo(MAX_INTERVAL) > 0) {
            group = new Group();
        }
        group.messages.add(CoreEvents.text(event, "message"));
        group.last = now;
        cache.put(aggregateKey, group);
        if (group.messages.size() < MAX_EVENTS) {
            return new Aggregated(event, eventKey);
        }
        Iterator<String> oldest = group.messages.iterator();
        oldest.next();
        oldest.remove();
        ObjectNode io = (ObjectNode) event.get("involvedObject");
        ObjectNode combined = CoreEvents.make(new CoreEvents.Fields(CoreEvents.name(CoreEvents.text(io, "name"), now),
                event.path("metadata").path("namespace").asText(""), Map.of(), io, CoreEvents.text(event, "reason"),
                COMBINED_PREFIX + CoreEvents.text(event, "message"),
                new EventSource(CoreEvents.text(event.path("source"), "component"),
                        CoreEvents.text(event.path("source"), "host")),
                now, CoreEvents.text(event, "type"), "", ""));
        return new Aggregated(combined, aggregateKey);
    }
}
