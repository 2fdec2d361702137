package io.kubelab.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.ObjectReferences;
import io.kubelab.clock.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * client-go's {@code tools/events} recorder and broadcaster for one component: events.k8s.io/v1 events with
 * {@code reportingController}, {@code reportingInstance} and {@code action}. The scheduler and kube-proxy
 * use it (see {@link Recorders}).
 *
 * <p>An isomorphic event (same type, action, reason, reporter, regarding and related: the note does not
 * count) seen again becomes a series: the second occurrence patches {@code series.count: 2}; later ones only
 * count in the client, and the count reaches the server when the series ends (no occurrence for
 * {@link #FINISH_TIME}, checked every {@link #FINISH_TIME}) or on the {@link #REFRESH_TIME} heartbeat. Those
 * checks run on the sandbox clock, aligned to the recorder's start as Go's {@code wait.Until} loops are, and
 * are scheduled only while a series is open so that an idle recorder leaves no timed work behind. A
 * singleton is forgotten by the same six-minute check; that is worked out when the next event arrives.
 */
public final class EventsRecorder {

    /** {@code finishTime}. */
    static final Duration FINISH_TIME = Duration.ofMinutes(6);
    /** {@code refreshTime}. */
    static final Duration REFRESH_TIME = Duration.ofMinutes(30);
    static final int MAX_TRIES = 12;
    static final Duration SLEEP = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(EventsRecorder.class);

    private final EventSink sink;
    private final String reportingController;
    private final String reportingInstance;
    private final Instant started;
    // Go's map has no order; insertion order keeps the sandbox's runs repeatable.
    private final Map<String, ObjectNode> cache = new LinkedHashMap<>();
    private SimClock.Timer finishTimer;
    private SimClock.Timer refreshTimer;
    /** The cutoff of the last sweep for finished singletons: until the six-minute check moves, none can be due. */
    private Instant sweptTo = Instant.MIN;

    /** {@code NewRecorder(scheme, reportingController)}: the instance is {@code <controller>-<hostname>}. */
    public EventsRecorder(EventSink sink, String reportingController, String hostname) {
        this.sink = sink;
        this.reportingController = reportingController;
        this.reportingInstance = reportingController + "-" + hostname;
        this.started = sink.clock().now();
    }

    public String reportingController() {
        return reportingController;
    }

    public String reportingInstance() {
        return reportingInstance;
    }

    /** {@code Eventf}: {@code related} may be null; the note is formatted with Java's syntax. */
    public void eventf(ObjectNode regarding, ObjectNode related, String type, String reason, String action,
                       String note, Object... args) {
        event(regarding, related, type, reason, action, String.format(note, args));
    }

    public void event(ObjectNode regarding, ObjectNode related, String type, String reason, String action,
                      String note) {
        Optional<ObjectNode> regardingRef = ObjectReferences.of(regarding);
        if (regardingRef.isEmpty()) {
            LOG.error("Could not construct reference, will not report event (type={}, reason={}, note={})", type,
                    reason, note);
            return;
        }
        Optional<ObjectNode> relatedRef = related == null ? Optional.empty() : ObjectReferences.of(related);
        if (!EventRecorder.NORMAL.equals(type) && !EventRecorder.WARNING.equals(type)) {
            LOG.error("Unsupported event type: {}", type);
            return;
        }
        recordToSink(make(regardingRef.get(), relatedRef, type, reason, action, note));
    }

    private ObjectNode make(ObjectNode regarding, Optional<ObjectNode> related, String type, String reason,
                            String action, String note) {
        Instant now = sink.stamp();
        String namespace = regarding.path("namespace").asText("");
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("kind", "Event").put("apiVersion", "events.k8s.io/v1");
        event.putObject("metadata").put("name", CoreEvents.name(regarding.path("name").asText(""), now))
                .put("namespace", namespace.isEmpty() ? "default" : namespace);
        event.put("eventTime", ObjectMeta.microTime(now));
        CoreEvents.putNonEmpty(event, "reportingController", reportingController);
        CoreEvents.putNonEmpty(event, "reportingInstance", reportingInstance);
        CoreEvents.putNonEmpty(event, "action", action);
        CoreEvents.putNonEmpty(event, "reason", reason);
        event.set("regarding", regarding);
        related.ifPresent(r -> event.set("related", r));
        CoreEvents.putNonEmpty(event, "note", note);
        CoreEvents.putNonEmpty(event, "type", type);
        // Zero values that Go's encoder still writes: a struct and two metav1.Times.
        event.putObject("deprecatedSource");
        event.putNull("deprecatedFirstTimestamp");
        event.putNull("deprecatedLastTimestamp");
        return event;
    }

    private void recordToSink(ObjectNode event) {
        Instant now = sink.clock().now();
        forgetFinishedSingletons(now);
        String key = key(event);
        ObjectNode isomorphic = cache.get(key);
        ObjectNode toRecord;
        if (isomorphic != null) {
            if (isomorphic.hasNonNull("series")) {
                ObjectNode series = (ObjectNode) isomorphic.get("series");
                series.put("count", series.path("count").asInt() + 1);
                series.put("lastObservedTime", ObjectMeta.microTime(now));
                return;
            }
            isomorphic.putObject("series").put("count", 2).put("lastObservedTime", ObjectMeta.microTime(now));
            insertSeriesInOrder(isomorphic);
            toRecord = isomorphic.deepCopy();
            scheduleChecks(now);
        } else {
            cache.put(key, event);
            toRecord = event.deepCopy();
        }
        attempt(toRecord, 0);
    }

    /** Moves {@code series} to where Go's encoder writes it, right after {@code eventTime}. */
    private static void insertSeriesInOrder(ObjectNode event) {
        JsonNode series = event.remove("series");
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        event.fields().forEachRemaining(fields::add);
        event.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            event.set(field.getKey(), field.getValue());
            if (field.getKey().equals("eventTime")) {
                event.set("series", series);
            }
        }
    }

    /** {@code getKey}: everything but the note and the names. */
    static String key(JsonNode e) {
        return String.join("\u0000", CoreEvents.text(e, "type"), CoreEvents.text(e, "action"),
                CoreEvents.text(e, "reason"), CoreEvents.text(e, "reportingController"),
                CoreEvents.text(e, "reportingInstance"), ObjectReferences.normalise(e.path("regarding")).toString(),
                ObjectReferences.normalise(e.path("related")).toString());
    }

    private void attempt(ObjectNode event, int triesSoFar) {
        if (!record(event).retry()) {
            return;
        }
        int tries = triesSoFar + 1;
        if (tries >= MAX_TRIES) {
            LOG.error("Unable to write event (retry limit exceeded!) {}", event);
            return;
        }
        // wait.Jitter(sleep, 0.25): each sleep is 10s plus up to a quarter more.
        Duration delay = SLEEP.plusNanos((long) (sink.random().nextDouble() * 0.25 * SLEEP.toNanos()));
        sink.clock().scheduleBackground(delay, () -> attempt(event, tries));
    }

    private record Recorded(ObjectNode stored, boolean retry) {
    }

    /** {@code recordEvent}: a series is patched (created if it is gone), a singleton created. */
    private Recorded record(ObjectNode event) {
        boolean isSeries = event.hasNonNull("series");
        String namespace = event.path("metadata").path("namespace").asText("");
        EventSink.Write write = null;
        if (isSeries) {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            patch.set("series", event.get("series").deepCopy());
            write = sink.patch(EventSink.EVENTS_V1, namespace, event.path("metadata").path("name").asText(""), patch);
        }
        if (!isSeries || write instanceof EventSink.Rejected r && r.status().code() == 404) {
            ((ObjectNode) event.get("metadata")).remove("resourceVersion");
            write = sink.create(EventSink.EVENTS_V1, event);
        }
        if (write instanceof EventSink.Stored stored) {
            return new Recorded(stored.event(), false);
        }
        if (write instanceof EventSink.Rejected rejected) {
            if (rejected.status().code() == 409 && "AlreadyExists".equals(rejected.status().reason())) {
                // The patch found nothing and the create found it there: it was just created, so try again.
                if (isSeries) {
                    return new Recorded(null, true);
                }
                LOG.debug("Server rejected event (will not retry!): {}", rejected.status().message());
            } else {
                LOG.error("Server rejected event (will not retry!): {} {}", rejected.status().message(), event);
            }
            return new Recorded(null, false);
        }
        LOG.warn("Unable to write event (may retry after sleeping): the API server is unreachable");
        return new Recorded(null, true);
    }

    /** The latest run of the six-minute check at or before {@code now}. */
    private Instant lastFinishCheck(Instant now) {
        long periods = Duration.between(started, now).toNanos() / FINISH_TIME.toNanos();
        return started.plus(FINISH_TIME.multipliedBy(periods));
    }

    private static Instant next(Instant started, Duration period, Instant now) {
        long periods = Duration.between(started, now).toNanos() / period.toNanos();
        return started.plus(period.multipliedBy(periods + 1));
    }

    private void forgetFinishedSingletons(Instant now) {
        Instant cutoff = lastFinishCheck(now).minus(FINISH_TIME);
        // Events cached since the last sweep are newer than its check, so only a later check can forget more.
        if (!cutoff.isAfter(sweptTo)) {
            return;
        }
        sweptTo = cutoff;
        cache.values().removeIf(e -> !e.hasNonNull("series") && eventTime(e).isBefore(cutoff));
    }

    private static Instant eventTime(JsonNode event) {
        return Instant.parse(event.path("eventTime").asText());
    }

    private boolean seriesOpen() {
        return cache.values().stream().anyMatch(e -> e.hasNonNull("series"));
    }

    private void scheduleChecks(Instant now) {
        if (finishTimer == null) {
            // Background: a series' bookkeeping is not work a settling cluster waits for.
            finishTimer = sink.clock().scheduleBackground(Duration.between(now, next(started, FINISH_TIME, now)),
                    this::finishSeries);
        }
        if (refreshTimer == null) {
            refreshTimer = sink.clock().scheduleBackground(Duration.between(now, next(started, REFRESH_TIME, now)),
                    this::refreshSeries);
        }
    }

    /** {@code finishSeries}: writes the final count of series quiet for six minutes and forgets them. */
    private void finishSeries() {
        finishTimer = null;
        Instant now = sink.clock().now();
        Instant cutoff = now.minus(FINISH_TIME);
        cache.values().removeIf(e -> {
            if (e.hasNonNull("series")) {
                return Instant.parse(e.path("series").path("lastObservedTime").asText()).isBefore(cutoff)
                        && !record(e).retry();
            }
            return eventTime(e).isBefore(cutoff);
        });
        rescheduleIfOpen(now);
    }

    /** {@code refreshExistingEventSeries}: the half-hourly heartbeat of every open series. */
    private void refreshSeries() {
        refreshTimer = null;
        Instant now = sink.clock().now();
        for (Map.Entry<String, ObjectNode> entry : cache.entrySet()) {
            if (entry.getValue().hasNonNull("series")) {
                Recorded recorded = record(entry.getValue());
                if (!recorded.retry() && recorded.stored() != null) {
                    entry.setValue(recorded.stored());
                }
            }
        }
        rescheduleIfOpen(now);
    }

    private void rescheduleIfOpen(Instant now) {
        if (seriesOpen()) {
            scheduleChecks(now);
            return;
        }
        // Go's loops would go on ticking over nothing; with no open series neither check can change anything.
        if (finishTimer != null) {
            finishTimer.cancel();
            finishTimer = null;
        }
        if (refreshTimer != null) {
            refreshTimer.cancel();
            refreshTimer = null;
        }
    }
}
