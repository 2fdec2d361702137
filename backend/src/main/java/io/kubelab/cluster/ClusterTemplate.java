package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.store.MemoryStore;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A freshly installed cluster, bootstrapped once per cluster shape through the whole API server at a
 * marker time, then copied for every new sandbox with the marker replaced by the sandbox's start time.
 * Like starting a VM from a snapshot of a fresh install: every sandbox gets exactly the objects the
 * pipeline produced, without paying for the pipeline again.
 */
final class ClusterTemplate {

    /** A time no real sandbox starts at, so every occurrence in the template is a bootstrap timestamp. */
    static final Instant MARK = Instant.parse("2000-01-01T00:00:00Z");
    private static final String MARK_TIME = ObjectMeta.time(MARK);
    private static final String MARK_MICRO = ObjectMeta.microTime(MARK);
    private static final long TEMPLATE_SEED = 0x6b75_6265_6c61_62L;
    private static final Map<ClusterSpec, ClusterTemplate> BY_SPEC = new ConcurrentHashMap<>();

    private final long revision;
    private final SortedMap<String, ObjectNode> objects;

    private ClusterTemplate(long revision, SortedMap<String, ObjectNode> objects) {
        this.revision = revision;
        this.objects = objects;
    }

    static ClusterTemplate of(ClusterSpec spec) {
        return BY_SPEC.computeIfAbsent(spec, ClusterTemplate::build);
    }

    private static ClusterTemplate build(ClusterSpec spec) {
        SimCluster installer = SimCluster.install(spec, SimClock.manual(MARK), TEMPLATE_SEED);
        MemoryStore store = (MemoryStore) installer.store();
        return new ClusterTemplate(store.revision(), store.snapshot());
    }

    long revision() {
        return revision;
    }

    /** Fresh copies of the objects, their bootstrap timestamps set to {@code start}. */
    SortedMap<String, ObjectNode> objectsAt(Instant start) {
        String time = ObjectMeta.time(start);
        String micro = ObjectMeta.microTime(start);
        SortedMap<String, ObjectNode> out = new TreeMap<>();
        objects.forEach((key, object) -> out.put(key, (ObjectNode) retime(object, time, micro)));
        return out;
    }

    private static JsonNode retime(JsonNode node, String time, String micro) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.equals(MARK_TIME) ? TextNode.valueOf(time) : text.equals(MARK_MICRO) ? TextNode.valueOf(micro) : node;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), retime(field.getValue(), time, micro));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode(node.size());
            for (JsonNode item : node) {
                copy.add(retime(item, time, micro));
            }
            return copy;
        }
        return node;
    }
}
