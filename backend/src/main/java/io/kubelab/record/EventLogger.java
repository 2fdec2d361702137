package io.kubelab.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * client-go's {@code eventLogger}: an event seen before under the same key becomes the earlier event again
 * (its name, resourceVersion and firstTimestamp) with its count one higher, to be sent as a strategic merge
 * patch of {@code count}, {@code lastTimestamp} and {@code message}.
 */
final class EventLogger {

    /** What the client remembers of an event it wrote. */
    private record Log(int count, JsonNode firstTimestamp, String name, String resourceVersion) {
    }

    /** The event after observation; a patch when it repeats an earlier one. */
    record Observed(ObjectNode event, Optional<ObjectNode> patch) {
    }

    /** {@code metav1.NewTime(time.Unix(0, 0))}, which the patch is computed against. */
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private final Map<String, Log> cache = new Lru<>(Lru.MAX_ENTRIES);

    Observed observe(ObjectNode incoming, String key) {
        ObjectNode event = incoming.deepCopy();
        Log last = cache.get(key);
        Optional<ObjectNode> patch = Optional.empty();
        if (last != null && last.count() > 0) {
            ObjectNode meta = (ObjectNode) event.get("metadata");
            meta.put("name", last.name());
            if (last.resourceVersion().isEmpty()) {
                meta.remove("resourceVersion");
            } else {
                meta.put("resourceVersion", last.resourceVersion());
            }
            event.set("firstTimestamp", last.firstTimestamp().deepCopy());
            event.put("count", last.count() + 1);
            patch = Optional.of(patchFor(event));
        }
        remember(key, event);
        return new Observed(event, patch);
    }

    /** {@code updateState}: what the server answered becomes what the next repeat patches. */
    void update(ObjectNode stored) {
        remember(CoreEvents.eventKey(stored), stored);
    }

    private void remember(String key, JsonNode event) {
        cache.put(key, new Log(event.path("count").asInt(0), event.path("firstTimestamp").deepCopy(),
                event.path("metadata").path("name").asText(""),
                event.path("metadata").path("resourceVersion").asText("")));
    }

    /**
     * The two-way merge patch from the event with count 0, lastTimestamp at the epoch and no message to the
     * event itself; Go marshals the patch map with its keys sorted.
     */
    private static ObjectNode patchFor(ObjectNode event) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        int count = event.path("count").asInt(0);
        if (count != 0) {
            patch.put("count", count);
        }
        JsonNode last = event.path("lastTimestamp");
        if (!last.asText(EPOCH).equals(EPOCH)) {
            patch.set("lastTimestamp", last.deepCopy());
        }
        String message = event.path("message").asText("");
        if (!message.isEmpty()) {
            patch.put("message", message);
        }
        return patch;
    }
}
