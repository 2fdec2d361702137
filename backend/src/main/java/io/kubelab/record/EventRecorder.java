package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.EventSource;
import io.kubelab.apiserver.ObjectReferences;
import io.kubelab.apiserver.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;

/**
 * client-go's {@code tools/record} recorder and broadcaster for one component: core/v1 events with
 * {@code source}, counted, aggregated and rate-limited by an {@link EventCorrelator}, written through the
 * API server as the component's user. The kubelet and the controller managers' controllers use it (see
 * {@link Recorders}).
 *
 * <p>Writing never fails the caller. As in client-go, a server error drops the event; an unreachable server
 * (a stopped kube-apiserver) is retried up to {@link #MAX_TRIES} times, {@link #SLEEP} apart (the first
 * sleep a random part of it), and the events recorded meanwhile wait behind it in order.
 */
public final class EventRecorder {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    /** {@code maxTriesPerEvent}. */
    static final int MAX_TRIES = 12;
    /** {@code defaultSleepDuration}. */
    static final Duration SLEEP = Duration.ofSeconds(10);
    /** {@code maxQueuedEvents}. */
    static final int MAX_QUEUED = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final EventSink sink;
    private final EventSource source;
    private final EventCorrelator correlator = new EventCorrelator();
    private final ArrayDeque<ObjectNode> queue = new ArrayDeque<>();
    private boolean sleeping;

    public EventRecorder(EventSink sink, EventSource source) {
        this.sink = sink;
        this.source = source;
    }

    public EventSource source() {
        return source;
    }

    /**
     * Records an event about {@code object}: a full object, or a reference (from {@link ObjectReferences},
     * e.g. one with a {@code fieldPath}). {@code type} is {@link #NORMAL} or {@link #WARNING}.
     */
    public void event(ObjectNode object, String type, String reason, String message) {
        generate(object, Map.of(), type, reason, message);
    }

    /** {@link #event} with the message formatted; Java's format syntax ({@code %s} where Go has {@code %v}). */
    public void eventf(ObjectNode object, String type, String reason, String format, Object... args) {
        event(object, type, reason, String.format(format, args));
    }

    public void annotatedEventf(ObjectNode object, Map<String, String> annotations, String type, String reason,
                                String format, Object... args) {
        generate(object, annotations, type, reason, String.format(format, args));
    }

    private void generate(ObjectNode object, Map<String, String> annotations, String type, String reason,
                          String message) {
        Optional<ObjectNode> ref = ObjectReferences.of(object);
        if (ref.isEmpty()) {
            LOG.error("Could not construct reference, will not report event: object has no kind or apiVersion "
                    + "(eventType={}, reason={}, message={})", type, reason, message);
            return;
        }
        if (!NORMAL.equals(type) && !WARNING.equals(type)) {
            LOG.error("Unsupported event type: {}", type);
            return;
        }
        Instant now = sink.stamp();
        String namespace = ref.get().path("namespace").asText("");
        ObjectNode event = CoreEvents.make(new CoreEvents.Fields(CoreEvents.name(ref.get().path("name").asText(""), now),
                namespace.isEmpty() ? "default" : namespace, annotations, ref.get(), reason, message, source, now, type,
                source.component(), source.host()));
        if (queue.size() >= MAX_QUEUED) {
            LOG.error("Unable to record event: too many queued events, dropped event {}", event);
            return;
        }
        queue.add(event);
        drain();
    }

    /** Hands queued events to the sink one at a time, stopping while one sleeps before a retry. */
    private void drain() {
        while (!sleeping && !queue.isEmpty()) {
            ObjectNode event = queue.poll();
            Optional<EventCorrelator.Result> result = correlator.correlate(event, sink.stamp());
            result.ifPresent(r -> attempt(r, 0));
        }
    }

    private void attempt(EventCorrelator.Result result, int triesSoFar) {
        if (record(result)) {
            return;
        }
        int tries = triesSoFar + 1;
        if (tries >= MAX_TRIES) {
            LOG.error("Unable to write event (retry limit exceeded!) {}", result.event());
            return;
        }
        // The first sleep is randomised so that clients do not all come back at once.
        Duration delay = tries == 1 ? Duration.ofNanos((long) (SLEEP.toNanos() * sink.random().nextDouble())) : SLEEP;
        sleeping = true;
        // Background: a write that failed (etcd down) is retried, but settling does not wait on it.
        sink.clock().scheduleBackground(delay, () -> {
            sleeping = false;
            attempt(result, tries);
            drain();
        });
    }

    /** {@code recordEvent}: true when the event was written or given up on, false to retry it. */
    private boolean record(EventCorrelator.Result result) {
        ObjectNode event = result.event();
        boolean update = event.path("count").asInt(0) > 1 && result.patch().isPresent();
        EventSink.Write write = null;
        if (update) {
            write = sink.patch(EventSink.CORE_EVENTS, event.path("metadata").path("namespace").asText(""),
                    event.path("metadata").path("name").asText(""), result.patch().get());
        }
        // The event may have been deleted since (events live an hour): then it is created again.
        if (!update || write instanceof EventSink.Rejected r && r.status().code() == 404) {
            ((ObjectNode) event.get("metadata")).remove("resourceVersion");
            write = sink.create(EventSink.CORE_EVENTS, event);
        }
        if (write instanceof EventSink.Stored stored) {
            correlator.update(stored.event());
            return true;
        }
        if (write instanceof EventSink.Rejected rejected) {
            Status status = rejected.status();
            if (status.code() == 409 && "AlreadyExists".equals(status.reason()) || terminating(status)) {
                LOG.debug("Server rejected event (will not retry!): {}", status.message());
            } else {
                LOG.error("Server rejected event (will not retry!): {} {}", status.message(), event);
            }
            return true;
        }
        LOG.warn("Unable to write event (may retry after sleeping): the API server is unreachable");
        return false;
    }

    private static boolean terminating(Status status) {
        return status.details().map(d -> d.causes().stream()
                .anyMatch(c -> "NamespaceTerminating".equals(c.reason()))).orElse(false);
    }
}
