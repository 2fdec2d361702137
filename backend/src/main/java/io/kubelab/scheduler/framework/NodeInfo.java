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
    private final List<ObjectNode> pods;
    private final Map<String, Long> requested = new HashMap<>();
    private final Map<String, Long> nonZeroRequested = new HashMap<>();
    private final Map<String, Long> allocatable = new HashMap<>();
    private Map<String, String> labels;
    /** The node's name, read once: scoring asks for it per node and plugin. */
    private String name;
    private final List<ObjectNode> podsWithAffinity;
    private final List<ObjectNode> podsWithRequiredAntiAffinity;
    /**
     * Counts worked out over this node's pods, kept while the scheduler's cache keeps this NodeInfo and carried
     * (adjusted by the one pod) into the NodeInfo that a pod placed, changed or gone derives from it.
     */
    private final Map<String, Count> counts = new HashMap<>();

    /** How many of the pods {@code matches} selects. */
    private record Count(int value, java.util.function.Predicate<ObjectNode> matches) {

        Count plus(ObjectNode pod, int sign) {
            return matches.test(pod) ? new Count(value + sign, matches) : this;
        }
    }

    public NodeInfo(ObjectNode node) {
        this.node = node;
        this.pods = new ArrayList<>();
        this.podsWithAffinity = new ArrayList<>();
        this.podsWithRequiredAntiAffinity = new ArrayList<>();
        node.path("status").path("allocatable").properties()
                .forEach(e -> allocatable.put(e.getKey(), Resources.amount(e.getKey(), e.getValue())));
    }

    public NodeInfo(ObjectNode node, List<ObjectNode> pods) {
        this(node);
        pods.forEach(this::addPod);
    }

    /** A NodeInfo of the same node with other pods, the sums carried over for the caller to adjust. */
    private NodeInfo(NodeInfo from, List<ObjectNode> pods, List<ObjectNode> podsWithAffinity,
                     List<ObjectNode> podsWithRequiredAntiAffinity) {
        this.node = from.node;
        this.pods = pods;
        this.podsWithAffinity = podsWithAffinity;
        this.podsWithRequiredAntiAffinity = podsWithRequiredAntiAffinity;
        this.allocatable.putAll(from.allocatable);
        this.labels = from.labels;
        this.requested.putAll(from.requested);
        this.nonZeroRequested.putAll(from.nonZeroRequested);
    }

    public void addPod(ObjectNode pod) {
        pods.add(pod);
        counts.clear();
        if (hasAffinity(pod)) {
            podsWithAffinity.add(pod);
        }
        if (hasRequiredAntiAffinity(pod)) {
            podsWithRequiredAntiAffinity.add(pod);
        }
        Resources.requests(pod).forEach((r, v) -> requested.merge(r, v, Long::sum));
        Resources.nonZeroRequests(pod).forEach((r, v) -> nonZeroRequested.merge(r, v, Long::sum));
    }

    private static boolean hasAffinity(ObjectNode pod) {
        JsonNode affinity = pod.path("spec").path("affinity");
        return affinity.has("podAffinity") || affinity.has("podAntiAffinity");
    }

    private static boolean hasRequiredAntiAffinity(ObjectNode pod) {
        return !pod.path("spec").path("affinity").path("podAntiAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").isEmpty();
    }

    /**
     * This node with {@code added} placed too, as {@code new NodeInfo(node, pods)} would build it (the
     * scheduler cache's incremental {@code AddPod}) without summing every other pod again; {@code pods}: the
     * node's pods in order, {@code added} among them. This NodeInfo is left as it is.
     */
    public NodeInfo withPod(ObjectNode added, List<ObjectNode> pods) {
        NodeInfo next = new NodeInfo(this, pods, filtered(pods, podsWithAffinity, added, hasAffinity(added)),
                filtered(pods, podsWithRequiredAntiAffinity, added, hasRequiredAntiAffinity(added)));
        counts.forEach((key, count) -> next.counts.put(key, count.plus(added, 1)));
        Resources.requests(added).forEach((r, v) -> next.requested.merge(r, v, Long::sum));
        Resources.nonZeroRequests(added).forEach((r, v) -> next.nonZeroRequested.merge(r, v, Long::sum));
        return next;
    }

    /**
     * This node without {@code removed} (one of its pods, the very object), as {@code new NodeInfo(node, pods)}
     * would build it; {@code pods}: the node's remaining pods in order. This NodeInfo is left as it is.
     */
    public NodeInfo withoutPod(ObjectNode removed, List<ObjectNode> pods) {
        NodeInfo next = new NodeInfo(this, pods, filtered(pods, podsWithAffinity, null, false),
                filtered(pods, podsWithRequiredAntiAffinity, null, false));
        counts.forEach((key, count) -> next.counts.put(key, count.plus(removed, -1)));
        Resources.requests(removed).forEach((r, v) -> next.requested.merge(r, -v, Long::sum));
        Resources.nonZeroRequests(removed).forEach((r, v) -> next.nonZeroRequested.merge(r, -v, Long::sum));
        return next;
    }

    /** The pods of {@code pods} (in its order) that are in {@code kept}, or are {@code extra} when it counts. */
    private static List<ObjectNode> filtered(List<ObjectNode> pods, List<ObjectNode> kept, ObjectNode extra,
                                             boolean withExtra) {
        if (kept.isEmpty() && !withExtra) {
            return new ArrayList<>();
        }
        java.util.Set<ObjectNode> members = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        members.addAll(kept);
        if (withExtra) {
            members.add(extra);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode pod : pods) {
            if (members.contains(pod)) {
                out.add(pod);
            }
        }
        return out;
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
        if (name == null) {
            name = ObjectMeta.name(node);
        }
        return name;
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
     * How many of this node's pods {@code matches} selects, worked out once per {@code key} (which must name
     * everything {@code matches} depends on besides the pod; it must depend on nothing else): the scheduler
     * reuses a node's NodeInfo across cycles, and a pod placed, changed or gone only adjusts the count.
     */
    public int count(String key, java.util.function.Predicate<ObjectNode> matches) {
        Count known = counts.get(key);
        if (known == null) {
            int n = 0;
            for (ObjectNode pod : pods) {
                if (matches.test(pod)) {
                    n++;
                }
            }
            known = new Count(n, matches);
            counts.put(key, known);
        }
        return known.value();
    }

    /** The node's labels, read once: every plugin asks for every node in every cycle. Not to be changed. */
    public Map<String, String> labels() {
        if (labels == null) {
            labels = java.util.Collections.unmodifiableMap(Labels.of(node));
        }
        return labels;
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
