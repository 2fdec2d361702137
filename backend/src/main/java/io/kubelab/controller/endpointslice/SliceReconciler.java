package io.kubelab.controller.endpointslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.endpoint.PodEndpoints;
import io.kubelab.model.Labels;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpointslice reconciler (staging/src/k8s.io/endpointslice/reconciler.go) for one service: which
 * slices to create, update and delete so that every wanted endpoint is in exactly one slice of its port
 * set, at most {@link #MAX_ENDPOINTS_PER_SLICE} per slice, changing existing slices in place before
 * making new ones, with an empty placeholder slice when there is nothing to list.
 */
final class SliceReconciler {

    /** {@code --max-endpoints-per-slice} default. */
    static final int MAX_ENDPOINTS_PER_SLICE = 100;
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
    static final String CONTROLLER_NAME = "endpointslice-controller.k8s.io";

    /** The endpoints wanted for one port set. */
    static final class Desired {
        final ArrayNode ports;
        final LinkedHashMap<String, ObjectNode> endpoints = new LinkedHashMap<>();

        Desired(ArrayNode ports) {
            this.ports = ports;
        }
    }

    record Plan(List<ObjectNode> creates, List<ObjectNode> updates, List<ObjectNode> deletes) {
    }

    private final ObjectNode service;

    SliceReconciler(ObjectNode service) {
        this.service = service;
    }

    Plan reconcile(Map<String, Desired> desired, List<ObjectNode> existing, Optional<String> triggerTime) {
        List<ObjectNode> creates = new ArrayList<>();
        List<ObjectNode> updates = new ArrayList<>();
        List<ObjectNode> deletes = new ArrayList<>();
        Map<String, List<ObjectNode>> existingByPorts = new LinkedHashMap<>();
        for (ObjectNode slice : existing) {
            String key = SliceEndpoints.portKey(slice.path("ports"));
            // Slices of another owner, or of a port set no longer wanted, go (or are reused below).
            if (!ownedBy(slice) || !desired.containsKey(key)) {
                deletes.add(slice);
            } else {
                existingByPorts.computeIfAbsent(key, k -> new ArrayList<>()).add(slice);
            }
        }
        desired.forEach((key, want) -> byPortMapping(want, existingByPorts.getOrDefault(key, List.of()),
                creates, updates, deletes));
        // No slice would be left: keep or create the placeholder, so a selector with no pods is still visible.
        if (existing.size() == deletes.size() && creates.isEmpty()) {
            ObjectNode placeholder = newSlice(JsonNodeFactory.instance.arrayNode());
            if (deletes.size() == 1 && isPlaceholder(deletes.get(0))) {
                deletes.clear();
            } else {
                creates.add(placeholder);
            }
        }
        // Rather than delete one slice and create another, reuse the name: an update, not churn.
        for (Iterator<ObjectNode> it = deletes.iterator(); it.hasNext() && !creates.isEmpty(); ) {
            ObjectNode old = it.next();
            if (ownedBy(old)) {
                ObjectNode slice = creates.remove(creates.size() - 1);
                ObjectNode reused = old.deepCopy();
                reused.set("ports", slice.get("ports"));
                reused.set("endpoints", slice.get("endpoints"));
                ObjectMeta.of(reused).set("labels", slice.path("metadata").path("labels").deepCopy());
                updates.add(reused);
                it.remove();
            }
        }
        for (ObjectNode slice : creates) {
            stamp(slice, triggerTime);
        }
        for (ObjectNode slice : updates) {
            stamp(slice, triggerTime);
        }
        return new Plan(creates, updates, deletes);
    }

    private void byPortMapping(Desired want, List<ObjectNode> existing, List<ObjectNode> creates,
                               List<ObjectNode> updates, List<ObjectNode> deletes) {
        LinkedHashMap<String, ObjectNode> remaining = new LinkedHashMap<>(want.endpoints);
        List<ObjectNode> unchanged = new ArrayList<>();
        List<ObjectNode> updated = new ArrayList<>();
        for (ObjectNode slice : existing) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            boolean endpointUpdated = false;
            for (JsonNode endpoint : slice.path("endpoints")) {
                ObjectNode got = remaining.remove(SliceEndpoints.identity(endpoint));
                if (got != null) {
                    kept.add(got);
                    endpointUpdated |= !SliceEndpoints.equalBeyondHash(got, endpoint);
                }
            }
            ObjectNode labels = labels();
            boolean labelsChanged = !labels.equals(slice.path("metadata").path("labels"));
            if (endpointUpdated || kept.size() != slice.path("endpoints").size()) {
                if (kept.isEmpty()) {
                    deletes.add(slice);
                } else {
                    ObjectNode copy = slice.deepCopy();
                    ObjectMeta.of(copy).set("labels", labels);
                    copy.set("endpoints", kept);
                    updated.add(copy);
                }
            } else if (labelsChanged) {
                ObjectNode copy = slice.deepCopy();
                ObjectMeta.of(copy).set("labels", labels);
                updated.add(copy);
            } else {
                unchanged.add(slice);
            }
        }
        // Fill the slices being updated anyway, fullest first.
        updated.sort((a, b) -> b.path("endpoints").size() - a.path("endpoints").size());
        for (ObjectNode slice : updated) {
            fill(slice, remaining);
        }
        while (!remaining.isEmpty()) {
            ObjectNode slice = null;
            if (remaining.size() < MAX_ENDPOINTS_PER_SLICE && !unchanged.isEmpty()) {
                slice = sliceToFill(unchanged, remaining.size());
            }
            if (slice == null) {
                slice = newSlice(want.ports);
                fill(slice, remaining);
                creates.add(slice);
            } else {
                unchanged.remove(slice);
                slice = slice.deepCopy();
                fill(slice, remaining);
                updated.add(slice);
            }
        }
        updates.addAll(updated);
    }

    /** {@code getSliceToFill}: the unchanged slice with the least room that still takes them all. */
    private static ObjectNode sliceToFill(List<ObjectNode> slices, int needed) {
        ObjectNode best = null;
        for (ObjectNode slice : slices) {
            int room = MAX_ENDPOINTS_PER_SLICE - slice.path("endpoints").size();
            if (room >= needed && (best == null || room < MAX_ENDPOINTS_PER_SLICE - best.path("endpoints").size())) {
                best = slice;
            }
        }
        return best;
    }

    private static void fill(ObjectNode slice, LinkedHashMap<String, ObjectNode> remaining) {
        ArrayNode endpoints = slice.get("endpoints") instanceof ArrayNode a ? a : slice.putArray("endpoints");
        Iterator<ObjectNode> it = remaining.values().iterator();
        while (endpoints.size() < MAX_ENDPOINTS_PER_SLICE && it.hasNext()) {
            endpoints.add(it.next());
            it.remove();
        }
    }

    /** {@code newEndpointSlice}: generateName {@code <service>-}, the service as controller owner. */
    ObjectNode newSlice(ArrayNode ports) {
        ObjectNode slice = JsonNodeFactory.instance.objectNode();
        slice.put("apiVersion", "discovery.k8s.io/v1").put("kind", "EndpointSlice");
        ObjectNode metadata = slice.putObject("metadata");
        metadata.put("generateName", prefix(ObjectMeta.name(service)));
        metadata.put("namespace", ObjectMeta.namespace(service));
        metadata.set("labels", labels());
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(service, "v1", "Service"));
        slice.put("addressType", "IPv4");
        slice.putArray("endpoints");
        slice.set("ports", ports.deepCopy());
        return slice;
    }

    /** Empty lists as Kubernetes stores them: protobuf gives them back as null. */
    static void nullEmpty(ObjectNode slice) {
        for (String field : new String[]{"endpoints", "ports"}) {
            if (slice.path(field).isEmpty()) {
                slice.putNull(field);
            }
        }
    }

    /** {@code getEndpointSlicePrefix}: the name and a dash, cut to stay a valid generateName. */
    static String prefix(String serviceName) {
        String prefix = serviceName + "-";
        return prefix.length() > 58 ? serviceName.substring(0, 57) + "-" : prefix;
    }

    /** {@code setEndpointSliceLabels}: the service's labels, the headless mark, then the reserved two. */
    ObjectNode labels() {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        Labels.of(service).forEach((k, v) -> {
            if (!k.equals(SERVICE_NAME_LABEL) && !k.equals(MANAGED_BY_LABEL)) {
                labels.put(k, v);
            }
        });
        if (PodEndpoints.headless(service)) {
            labels.put(PodEndpoints.HEADLESS, "");
        } else {
            labels.remove(PodEndpoints.HEADLESS);
        }
        labels.put(SERVICE_NAME_LABEL, ObjectMeta.name(service));
        labels.put(MANAGED_BY_LABEL, CONTROLLER_NAME);
        return sorted(labels);
    }

    private static ObjectNode sorted(ObjectNode labels) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        new java.util.TreeMap<>(Labels.of(JsonNodeFactory.instance.objectNode().set("metadata",
                JsonNodeFactory.instance.objectNode().set("labels", labels)))).forEach(out::put);
        return out;
    }

    boolean ownedBy(JsonNode slice) {
        for (JsonNode ref : slice.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asText().equals(ObjectMeta.uid(service))) {
                return true;
            }
        }
        return false;
    }

    private boolean isPlaceholder(JsonNode slice) {
        return slice.path("endpoints").isEmpty() && slice.path("ports").isEmpty()
                && labels().equals(slice.path("metadata").path("labels"));
    }

    private static void stamp(ObjectNode slice, Optional<String> triggerTime) {
        ObjectNode metadata = ObjectMeta.of(slice);
        ObjectNode annotations = metadata.get("annotations") instanceof ObjectNode a ? a
                : JsonNodeFactory.instance.objectNode();
        triggerTime.ifPresentOrElse(t -> annotations.put(PodEndpoints.TRIGGER_TIME, t),
                () -> annotations.remove(PodEndpoints.TRIGGER_TIME));
        metadata.remove("annotations");
        if (!annotations.isEmpty()) {
            metadata.set("annotations", annotations);
        }
    }
}
