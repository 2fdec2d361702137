package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

import static io.kubelab.apiserver.printers.Column.nameColumn;
import static io.kubelab.apiserver.printers.Column.string;

/**
 * printers.go's {@code printEvent} (wide, as the API server generates): LAST SEEN, TYPE, REASON, OBJECT,
 * MESSAGE, and for {@code -o wide} SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME. events.k8s.io Events are
 * converted to core/v1 first, as Kubernetes prints its internal Event for both.
 */
final class EventPrinter {

    static final Printer PRINTER = new Printer(List.of(
            string("Last Seen", Docs.EVENT_LAST_TIMESTAMP),
            string("Type", Docs.EVENT_TYPE),
            string("Reason", Docs.EVENT_REASON),
            string("Object", Docs.EVENT_INVOLVED_OBJECT),
            string("Subobject", Docs.OBJECT_REFERENCE_FIELD_PATH).wide(),
            string("Source", Docs.EVENT_SOURCE).wide(),
            string("Message", Docs.EVENT_MESSAGE),
            string("First Seen", Docs.EVENT_FIRST_TIMESTAMP).wide(),
            string("Count", Docs.EVENT_COUNT).wide(),
            nameColumn().wide()),
            EventPrinter::fill);

    private EventPrinter() {
    }

    static void fill(JsonNode e, Row row) {
        String first = Row.time(e.path("firstTimestamp")) == null ? row.since(e.path("eventTime"))
                : row.since(e.path("firstTimestamp"));
        String last = Row.time(e.path("lastTimestamp")) == null ? first : row.since(e.path("lastTimestamp"));
        long count = e.path("count").asLong();
        JsonNode series = e.path("series");
        if (series.isObject()) {
            last = row.since(series.path("lastObservedTime"));
            count = series.path("count").asLong();
        } else if (count == 0) {
            count = 1;
        }
        JsonNode involved = e.path("involvedObject");
        String kind = involved.path("kind").asText("").toLowerCase(Locale.ROOT);
        String target = involved.path("name").asText("").isEmpty() ? kind : kind + "/" + involved.path("name").asText();
        row.str(last).str(e.path("type").asText("")).str(e.path("reason").asText("")).str(target)
                .str(involved.path("fieldPath").asText(""))
                .str(source(e)).str(e.path("message").asText("").strip()).str(first).num(count)
                .str(e.path("metadata").path("name").asText());
    }

    /** {@code formatEventSource}: component (or reportingController), then host (or reportingInstance). */
    private static String source(JsonNode e) {
        String component = firstNonEmpty(e.path("source").path("component").asText(""),
                e.path("reportingComponent").asText(""));
        String instance = firstNonEmpty(e.path("source").path("host").asText(""),
                e.path("reportingInstance").asText(""));
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
