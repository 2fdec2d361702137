package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.go.GoSort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** kubectl's {@code searchEvents} and {@code DescribeEvents}: the Events table closing most descriptions. */
final class EventsSection {

    private EventsSection() {
    }

    /**
     * The events about an object as {@code searchEvents} finds them: by {@code involvedObject} name,
     * namespace, kind (when given) and uid (when given), in the object's namespace. Empty when events are
     * not to be shown; a refused list counts as no events, as kubectl ignores that error.
     */
    static Optional<List<JsonNode>> search(DescribeContext ctx, String namespace, String name, String kind, String uid) {
        if (!ctx.showEvents()) {
            return Optional.empty();
        }
        // fields.Set{...}.AsSelector() sorts the terms by field name.
        StringBuilder fields = new StringBuilder();
        if (!kind.isEmpty()) {
            fields.append("involvedObject.kind=").append(kind).append(',');
        }
        fields.append("involvedObject.name=").append(name).append(',');
        fields.append("involvedObject.namespace=").append(namespace);
        if (!uid.isEmpty()) {
            fields.append(",involvedObject.uid=").append(uid);
        }
        try {
            return Optional.of(Fetch.list(ctx, Fetch.EVENTS, namespace, "", fields.toString()));
        } catch (StatusException e) {
            return Optional.of(List.of());
        }
    }

    /** Events about an object (its kind, name, namespace and uid), as most describers search them. */
    static Optional<List<JsonNode>> about(DescribeContext ctx, JsonNode object) {
        return search(ctx, J.str(object, "metadata", "namespace"), J.str(object, "metadata", "name"),
                J.str(object, "kind"), J.str(object, "metadata", "uid"));
    }

    static void write(Optional<List<JsonNode>> events, PrefixWriter w, Instant now) {
        events.ifPresent(list -> write(list, w, now));
    }

    /** {@code DescribeEvents}: sorted by last seen time, ages as {@code 2m (x3 over 5m)}. */
    static void write(List<JsonNode> events, PrefixWriter w, Instant now) {
        if (events.isEmpty()) {
            w.write(LEVEL_0, "Events:\t<none>\n");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(events);
        GoSort.sort(sorted, Comparator.comparing(EventsSection::sortTime));
        w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
        for (JsonNode e : sorted) {
            String eventTime = J.str(e, "eventTime");
            String first = eventTime.isEmpty() ? Ages.since(J.str(e, "firstTimestamp"), now) : Ages.since(eventTime, now);
            String interval;
            if (J.has(e, "series")) {
                interval = Ages.since(J.str(e, "series", "lastObservedTime"), now) + " (x" + J.num(e, "series", "count")
                        + " over " + first + ")";
            } else if (J.num(e, "count") > 1) {
                interval = Ages.since(J.str(e, "lastTimestamp"), now) + " (x" + J.num(e, "count") + " over " + first + ")";
            } else {
                interval = first;
            }
            String source = J.str(e, "source", "component");
            if (source.isEmpty()) {
                source = J.str(e, "reportingComponent");
            }
            // kubectl 1.32 does not prefix the involved object's field path (later versions do).
            String message = J.str(e, "message").strip();
            w.write(LEVEL_1, J.str(e, "type") + "\t" + J.str(e, "reason") + "\t" + interval + "\t" + source + "\t"
                    + message + "\n");
        }
    }

    /**
     * {@code event.SortableEvents}: by {@code lastTimestamp} alone, so events that only carry an
     * {@code eventTime} (the scheduler's) count as the zero time and come first; ties end where Go's
     * unstable sort puts them.
     */
    private static Instant sortTime(JsonNode e) {
        Instant t = Ages.parse(J.str(e, "lastTimestamp"));
        return t == null ? Instant.MIN : t;
    }
}
