package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What Go's decoder makes of an explicit {@code null}: the field's zero value, which for lists, maps and
 * pointers means absent (and struct fields come back through {@link GoZeroValues}). Time fields stay
 * {@code null}, which is how Go writes a zero {@code metav1.Time}.
 */
final class GoNulls {

    /** The non-pointer {@code metav1.Time}/{@code MicroTime} fields of the served kinds. */
    private static final Set<String> TIMES = Set.of("creationTimestamp", "lastProbeTime", "lastTransitionTime",
            "lastHeartbeatTime", "lastUpdateTime", "startedAt", "finishedAt", "eventTime", "firstTimestamp",
            "lastTimestamp", "lastObservedTime");

    private GoNulls() {
    }

    static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull()) {
                    if (!TIMES.contains(field.getKey())) {
                        it.remove();
                    }
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(GoNulls::strip);
        }
    }
}
