package io.kubelab.scheduler.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node and the pods on it as the scheduler's cache holds them ({@code framework.NodeInfo}): the pods'
 * summed requests (real and non-zero), allocatable, and the labels the plugins keep reading.
 */
public final class NodeInfo {

    private final ObjectNode node;
    private final List<ObjectNode> pods = new ArrayList<>();
    private final Map<String, Long> requested = new HashMap<>();
    private final Map<String, Long> nonZeroRequested = new HashMap<>();
    private final Map<String, Long> allocatable = new HashMap<>();
    private final List<ObjectNode> podsWithAffinity = new ArrayList<>();
    private final List<ObjectNode> podsWithRequiredAntiAffinity = new ArrayList<>();
    /** Counts worked out over this node's pods, kept while the scheduler's cache keeps this NodeInfo. */
    private final Map<String, Integer> counts = new HashMap<>();

    public NodeInfo(ObjectNode node) {
        this.node = node;
        node.path("status").path("allocatable").properties()
                .forEach(e -> allocatable.put(e.getKey(), Resources.amount(e.getKey(), e.getValue())));
    }

    public NodeInfo(ObjectNode node, List<ObjectNode> pods) {
        this(node);
        pods.forEach(this::addPod);
    }

    public void addPod(ObjectNode pod) {
        pods.add(pod);
        counts.clear();
        JsonNode affinity = pod.path("spec").path("affinity");
        if (affinity.has("podAffinity") || affinity.has("podAntiAffinity")) {
            podsWithAffinity.add(pod);
        }
        if (!affinity.path("podAntiAffinity").path("requiredDuringSchedulingIgnoredDuringExecution").isEmpty()) {
            podsWithRequiredAntiAffinity.add(pod);
        }
        Resources.requests(pod).forEach((r, v) -> requested.merge(r, v, Long::sum));
        Resources.nonZeroRequests(pod).forEach((r, v) -> nonZeroRequested.merge(r, v, Long::sum));
    }

    /** A copy without {@code removed} (matched by uid): the node as preemption would leave it. */
    public NodeInfo without(List<ObjectNode> removed) {
        List<String> uids = removed.stream().map(ObjectMeta::uid).toList();
        return new NodeInfo(node, pods.stream().filter(p -> !uids.contains(ObjectMeta.uid(p))).toList());
    }

    public ObjectNode node() {
        return node;
    }

    public String name() {
        return ObjectMeta.name(node);
    }

    public List<ObjectNode> pods() {
        return pods;
    }

    /** The pods with pod affinity or anti-affinity of any kind ({@code PodsWithAffinity}). */
    public List<ObjectNode> podsWithAffinity() {
        return podsWithAffinity;
    }

    /** The pods with required anti-affinity terms ({@code PodsWithRequiredAntiAffinity}). */
    public List<ObjectNode> podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    /**
     * A count over this node's pods, worked out once per {@code key} (which must name everything the count
     * depends on besides the pods): the scheduler reuses a node's NodeInfo across cycles until it changes.
     */
    public int count(String key, java.util.function.ToIntFunction<List<ObjectNode>> count) {
        Integer known = counts.get(key);
        if (known == null) {
            known = count.applyAsInt(pods);
            counts.put(key, known);
        }
        return known;
    }

    public Map<String, String> labels() {
        return Labels.of(node);
    }

    public long requested(String resource) {
        return requested.getOrDefault(resource, 0L);
    }

    public long nonZeroRequested(String resource) {
        return nonZeroRequested.getOrDefault(resource, 0L);
    }

    public long allocatable(String resource) {
        return allocatable.getOrDefault(resource, 0L);
    }

    public JsonNode spec() {
        return node.path("spec");
    }
}
