package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.ObjectReferences;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kube-controller-manager's node lifecycle controller ({@code pkg/controller/nodelifecycle}): registers nodes,
 * watches their heartbeats (Lease renewals and the Ready condition), marks a silent node's conditions Unknown
 * after the grace period, marks its pods not Ready, and keeps the condition taints: NoSchedule for every
 * condition, NoExecute {@code unreachable}/{@code not-ready} for the Ready condition, which the
 * taint-eviction controller turns into evictions.
 *
 * <p>Health is looked at in passes every {@link #MONITOR_PERIOD}, counted from the controller's start, as
 * Kubernetes does; the passes are background time. Once a node has missed a heartbeat, the pass at which
 * its grace period will have run out is scheduled as work, so {@code sim settle} plays a failure out.
 */
public final class NodeLifecycleController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/node-lifecycle";
    /** {@code --node-monitor-period}'s default. */
    public static final Duration MONITOR_PERIOD = Duration.ofSeconds(5);
    /** {@code --node-monitor-grace-period}'s default in 1.32 (raised from 40 s by kubernetes#126287). */
    public static final Duration MONITOR_GRACE = Duration.ofSeconds(50);
    /** {@code --node-startup-grace-period}'s default: for a node that never posted its status. */
    public static final Duration STARTUP_GRACE = Duration.ofSeconds(60);
    /** The kubelet renews its lease every 10 s; a node silent for longer has missed a heartbeat. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    static final String LEASE_NAMESPACE = "kube-node-lease";
    static final String SOURCE = "node-controller";

    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType LEASES = ResourceTypes.of("coordination.k8s.io/v1", "Lease");
    static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");

    private final ApiServer api;
    private final SimClock clock;
    private final Informer nodes;
    private final Informer leases;
    private final Informer pods;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final Instant start;
    private final Map<String, String> known = new HashMap<>();
    private final Map<String, SimClock.Timer> deadlines = new HashMap<>();
    private final NodePods nodePods;
    private boolean fullDisruption;

    public NodeLifecycleController(Informers informers, SimClock clock) {
        super("node-lifecycle", clock);
        this.api = informers.api();
        this.clock = clock;
        this.start = clock.now();
        this.events = informers.events();
        this.recorder = informers.recorder(SOURCE);
        this.nodes = informers.of(NODES);
        this.leases = informers.of(LEASES);
        this.pods = informers.of(PODS);
        this.nodePods = new NodePods(api, pods, recorder, events);
        rememberRegistered();
        nodes.onObject((old, now) -> enqueue(ObjectMeta.name(now != null ? now : old)));
        leases.onChange(key -> {
            if (key.startsWith(LEASE_NAMESPACE + "/")) {
                enqueue(key.substring(LEASE_NAMESPACE.length() + 1));
            }
        });
        // A pod that lands on a node already NotReady is marked not Ready too (processPod).
        pods.onObject((old, now) -> {
            String node = now == null ? "" : now.path("spec").path("nodeName").asText("");
            if (!node.isEmpty() && (old == null || !node.equals(old.path("spec").path("nodeName").asText("")))) {
                enqueue(node);
            }
        });
        clock.scheduleBackground(MONITOR_PERIOD, this::monitorPass);
    }

    /** When a node's heartbeat was last seen to change. */
    private record Probe(Instant heartbeat, Instant at) {
    }

    private final Map<String, Probe> probes = new HashMap<>();

    private void monitorPass() {
        nodes.list().forEach(n -> enqueue(ObjectMeta.name(n)));
        clock.scheduleBackground(MONITOR_PERIOD, this::monitorPass);
    }

    @Override
    protected void sync(String name) {
        ObjectNode node = nodes.get(name).orElse(null);
        if (node == null) {
            forget(name);
            return;
        }
        register(node);
        ObjectNode current = checkHealth(node);
        nodePods.markNotReadyIfUnknown(current, clock.now());
        updateTaints(current);
    }

    /** The node as it is after this pass: its conditions marked Unknown once its grace period ran out. */
    private ObjectNode checkHealth(ObjectNode node) {
        String name = ObjectMeta.name(node);
        Instant now = clock.now();
        Instant heartbeat = NodeHealth.lastHeartbeat(node, leases.get(LEASE_NAMESPACE + "/" + name));
        // As 1.32's nodeHealthMap: the grace period runs from when this controller saw the heartbeat change,
        // not from the stored time, so a controller that starts late (a woken sandbox) gives every node its grace.
        Probe seen = probes.get(name);
        if (seen == null || !seen.heartbeat().equals(heartbeat)) {
            seen = new Probe(heartbeat, now);
            probes.put(name, seen);
        }
        Instant probe = seen.at();
        Duration grace = NodeHealth.gracePeriod(node, MONITOR_GRACE, STARTUP_GRACE);
        Instant deadline = probe.plus(grace);
        if (!lastPass(now).isAfter(deadline)) {
            if (Duration.between(probe, now).compareTo(HEARTBEAT_INTERVAL) > 0) {
                scheduleDeadline(name, firstPassAfter(deadline));
            } else {
                cancelDeadline(name);
            }
            return node;
        }
        cancelDeadline(name);
        String observed = NodeHealth.readyStatus(node);
        Optional<ObjectNode> before = NodeHealth.condition(node, NodeHealth.READY);
        ObjectNode updated = node.deepCopy();
        NodeHealth.markUnknown(updated, now);
        if (before.isPresent() && before.equals(NodeHealth.condition(updated, NodeHealth.READY))) {
            return node;
        }
        ObjectNode stored = (ObjectNode) api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE,
                NODES, "", name).withSubresource("status").withBody(updated)).body();
        events.emit(COMPONENT, null, "mark-unknown", "Node//" + name, "kube-controller-manager", "kube-apiserver",
                name + " has not renewed its lease for " + GoDuration.format(Duration.between(probe, now))
                        + ": marked its conditions Unknown (NotReady).");
        if (observed.equals("True")) {
            recorder.eventf(nodeRef(stored), EventRecorder.NORMAL, "NodeNotReady", "Node %s status is now: %s", name,
                    "NodeNotReady");
        }
        return stored;
    }

    /** The NoSchedule taints its conditions call for and the NoExecute taint of its Ready condition, in one write. */
    private void updateTaints(ObjectNode node) {
        String name = ObjectMeta.name(node);
        Set<String> add = new LinkedHashSet<>(NodeTaints.wantedNoSchedule(node));
        Set<String> remove = new LinkedHashSet<>(NodeTaints.currentNoSchedule(node));
        remove.removeAll(add);
        add.removeAll(NodeTaints.currentNoSchedule(node));

        Map<String, ZoneStates.State> zones = zoneStates(node);
        boolean allDisrupted = ZoneStates.allFullyDisrupted(zones);
        noteDisruption(allDisrupted);
        String unreachable = NodeTaints.UNREACHABLE + ":" + NodeTaints.NO_EXECUTE;
        String notReady = NodeTaints.NOT_READY + ":" + NodeTaints.NO_EXECUTE;
        String ready = NodeHealth.readyStatus(node);
        if (allDisrupted || ready.equals("True")) {
            remove.add(unreachable);
            remove.add(notReady);
        } else {
            String wanted = ready.equals("False") ? notReady : unreachable;
            String opposite = ready.equals("False") ? unreachable : notReady;
            String zone = ZoneStates.zoneKey(node);
            int zoneSize = (int) nodes.list().stream().filter(n -> ZoneStates.zoneKey(n).equals(zone)).count();
            // Swapping one Ready taint for the other is immediate; a first taint waits while a small zone is disrupted.
            if (NodeTaints.has(node, opposite) || ZoneStates.taintsAllowed(zones, zone, zoneSize)) {
                add.add(wanted);
                remove.add(opposite);
            }
        }
        remove.removeIf(t -> !NodeTaints.has(node, t));
        add.removeIf(t -> NodeTaints.has(node, t));
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        ObjectNode updated = node.deepCopy();
        NodeTaints.swap(updated, add, remove, clock.now());
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, NODES, "", name).withBody(updated));
        if (!add.isEmpty()) {
            events.emit(COMPONENT, null, "taint", "Node//" + name, "kube-controller-manager", "kube-apiserver",
                    "Tainted " + name + " with " + String.join(", ", add) + " because its Ready condition is "
                            + ready + ".");
        }
        if (!remove.isEmpty()) {
            events.emit(COMPONENT, null, "untaint", "Node//" + name, "kube-controller-manager", "kube-apiserver",
                    "Removed " + String.join(", ", remove) + " from " + name + " because its Ready condition is "
                            + ready + (allDisrupted ? " and every node is not ready." : "."));
        }
    }

    /** The zones as they stand with this node's newest state, re-syncing every node when a zone's state moved. */
    private Map<String, ZoneStates.State> zoneStates(ObjectNode node) {
        List<JsonNode> all = new ArrayList<>();
        for (ObjectNode n : nodes.list()) {
            all.add(ObjectMeta.name(n).equals(ObjectMeta.name(node)) ? node : n);
        }
        return ZoneStates.compute(all);
    }

    private void noteDisruption(boolean allDisrupted) {
        if (allDisrupted == fullDisruption) {
            return;
        }
        fullDisruption = allDisrupted;
        events.emit(COMPONENT, null, allDisrupted ? "enter-disruption" : "exit-disruption", "", "kube-controller-manager",
                "kube-controller-manager", allDisrupted
                        ? "Every node is not ready: the controller assumes it is the one cut off, so it taints nothing NoExecute and evicts no pod."
                        : "Some nodes are Ready again: NoExecute tainting resumes.");
        nodes.list().forEach(n -> enqueue(ObjectMeta.name(n)));
    }

    private void register(ObjectNode node) {
        String name = ObjectMeta.name(node);
        if (ObjectMeta.uid(node).equals(known.get(name))) {
            return;
        }
        known.put(name, ObjectMeta.uid(node));
        recorder.eventf(nodeRef(node), EventRecorder.NORMAL, "RegisteredNode", "Node %s event: %s", name,
                "Registered Node " + name + " in Controller");
        events.emit(COMPONENT, null, "register", "Node//" + name, "kube-controller-manager", "kube-apiserver",
                "Registered " + name + ": its heartbeats (Lease in kube-node-lease) are now watched.");
    }

    private void forget(String name) {
        cancelDeadline(name);
        probes.remove(name);
        String uid = known.remove(name);
        if (uid != null) {
            recorder.eventf(ObjectReferences.build("Node", "", name, uid, "v1", "", ""), EventRecorder.NORMAL,
                    "RemovingNode", "Node %s event: %s", name, "Removing Node " + name + " from Controller");
        }
    }

    /**
     * Nodes this controller registered before (a RegisteredNode event for the same uid is stored) are not
     * registered again when the controller is rebuilt from the store.
     */
    private void rememberRegistered() {
        JsonNode items = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.LIST, EVENTS, "default", ""))
                .body().path("items");
        for (JsonNode event : items) {
            JsonNode involved = event.path("involvedObject");
            if (event.path("reason").asText().equals("RegisteredNode") && involved.path("kind").asText().equals("Node")
                    && event.path("source").path("component").asText().equals(SOURCE)) {
                known.put(involved.path("name").asText(), involved.path("uid").asText());
            }
        }
    }

    private static ObjectNode nodeRef(ObjectNode node) {
        return ObjectReferences.build("Node", "", ObjectMeta.name(node), ObjectMeta.uid(node), "v1", "", "");
    }

    private void scheduleDeadline(String name, Instant due) {
        SimClock.Timer existing = deadlines.get(name);
        if (existing != null && existing.due().equals(due)) {
            return;
        }
        cancelDeadline(name);
        deadlines.put(name, clock.scheduleAt(due, () -> {
            deadlines.remove(name);
            enqueue(name);
        }));
    }

    private void cancelDeadline(String name) {
        SimClock.Timer timer = deadlines.remove(name);
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The latest monitor pass at or before {@code now}. */
    Instant lastPass(Instant now) {
        if (now.isBefore(start)) {
            return start;
        }
        long periods = Duration.between(start, now).toNanos() / MONITOR_PERIOD.toNanos();
        return start.plus(MONITOR_PERIOD.multipliedBy(periods));
    }

    /** The first monitor pass strictly after {@code t}. */
    Instant firstPassAfter(Instant t) {
        if (t.isBefore(start)) {
            return start;
        }
        long periods = Duration.between(start, t).toNanos() / MONITOR_PERIOD.toNanos() + 1;
        return start.plus(MONITOR_PERIOD.multipliedBy(periods));
    }
}
