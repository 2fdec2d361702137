package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.ControllerRefManager;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.PodConditions;
import io.kubelab.controller.history.ControllerRevisions;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * kube-controller-manager's daemonset controller (daemon_controller.go): for each DaemonSet, one pod on
 * every node that should run it, none elsewhere; RollingUpdate replaces old pods node by node.
 * Everything is rebuilt from the store on each sync; only the failed-pod backoff lives in memory.
 */
public final class DaemonSetController extends Controller {

    static final ResourceType DAEMON_SETS = ResourceTypes.of("apps/v1", "DaemonSet");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final String SOURCE = "daemonset-controller";
    static final String COMPONENT = "kube-controller-manager/daemonset";

    // pkg/controller's pod control and daemon_controller.go, word for word.
    static final String SUCCESSFUL_CREATE = "SuccessfulCreate";
    static final String FAILED_CREATE = "FailedCreate";
    static final String SUCCESSFUL_DELETE = "SuccessfulDelete";
    static final String FAILED_DELETE = "FailedDelete";
    static final String FAILED_DAEMON_POD = "FailedDaemonPod";
    static final String CREATED_POD = "Created pod: %s";
    static final String ERROR_CREATING = "Error creating: %s";
    static final String DELETED_POD = "Deleted pod: %s";
    static final String ERROR_DELETING = "Error deleting: %s";
    static final String FOUND_FAILED = "Found failed daemon pod %s/%s on node %s, will try to kill it";

    /** BurstReplicas and SlowStartInitialBatchSize. */
    static final int BURST_REPLICAS = 250;

    private final ApiServer api;
    private final SimClock clock;
    private final Informer daemonSets;
    private final Informer pods;
    private final Informer nodes;
    private final DaemonSetHistory history;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final FailedPodBackoff backoff;

    public DaemonSetController(Informers informers, SimClock clock) {
        super("daemonset", clock);
        this.api = informers.api();
        this.clock = clock;
        this.daemonSets = informers.of(DAEMON_SETS);
        this.pods = informers.of(PODS);
        this.nodes = informers.of(NODES);
        this.history = new DaemonSetHistory(api, informers.of(ControllerRevisions.TYPE));
        this.recorder = informers.recorder(SOURCE);
        this.events = informers.events();
        this.backoff = new FailedPodBackoff(clock);
        daemonSets.onChange(this::enqueue);
        pods.onObject((old, now) -> {
            podChanged(old);
            podChanged(now);
        });
        nodes.onObject((old, now) -> {
            if (old == null || now == null || NodeChanges.matter(old, now)) {
                daemonSets.list().forEach(ds -> enqueue(Informer.key(ds)));
            }
        });
        informers.of(ControllerRevisions.TYPE).onObject((old, now) -> {
            JsonNode revision = now != null ? now : old;
            OwnerRefs.controllerOf(revision).filter(r -> r.path("kind").asText().equals("DaemonSet"))
                    .ifPresent(r -> enqueue(ObjectMeta.namespace(revision) + "/" + r.path("name").asText()));
        });
    }

    /** A pod's change concerns its DaemonSet, or for an orphan every DaemonSet that selects it. */
    private void podChanged(JsonNode pod) {
        if (pod == null) {
            return;
        }
        var ref = OwnerRefs.controllerOf(pod);
        if (ref.isPresent()) {
            if (ref.get().path("kind").asText().equals("DaemonSet")) {
                enqueue(ObjectMeta.namespace(pod) + "/" + ref.get().path("name").asText());
            }
            return;
        }
        for (ObjectNode ds : daemonSets.list()) {
            if (ObjectMeta.namespace(ds).equals(ObjectMeta.namespace(pod))
                    && LabelSelector.fromJson(ds.path("spec").path("selector")).matches(Labels.of(pod))) {
                enqueue(Informer.key(ds));
            }
        }
    }

    @Override
    protected void sync(String key) {
        ObjectNode ds = daemonSets.get(key).orElse(null);
        if (ds == null || ObjectMeta.deleting(ds)) {
            return;
        }
        ds = ds.deepCopy();
        LabelSelector selector = LabelSelector.fromJson(ds.path("spec").path("selector"));
        if (selector.isEmpty()) {
            return;
        }
        Map<String, JsonNode> nodeList = nodeList();
        DaemonSetHistory.History revisions = history.construct(ds);
        String hash = revisions.hash();

        manage(ds, nodeList, hash);
        if (ds.path("spec").path("updateStrategy").path("type").asText("RollingUpdate").equals("RollingUpdate")) {
            RollingUpdate.Plan plan = RollingUpdate.plan(ds, nodeList, nodeToDaemonPods(ds, false), hash, clock.now());
            syncNodes(ds, plan.podsToDelete(), plan.nodesToCreate(), hash, "to roll out a new template");
        }
        history.cleanup(ds, revisions.old(), claimedPods(ds, true));
        updateStatus(ds, nodeList, hash);
    }

    private Map<String, JsonNode> nodeList() {
        Map<String, JsonNode> byName = new TreeMap<>();
        nodes.list().forEach(n -> byName.put(ObjectMeta.name(n), n));
        return byName;
    }

    /** getDaemonPods: the DaemonSet's pods after adoption and release. */
    private List<ObjectNode> claimedPods(ObjectNode ds, boolean includeDeletedTerminal) {
        LabelSelector selector = LabelSelector.fromJson(ds.path("spec").path("selector"));
        List<ObjectNode> claimed = ControllerRefManager.claimObjects(api, Informers.CONTROLLER_MANAGER, PODS, ds, "apps/v1", "DaemonSet",
                selector, pods.list(), p -> true);
        if (includeDeletedTerminal) {
            return claimed;
        }
        List<ObjectNode> live = new ArrayList<>();
        for (ObjectNode pod : claimed) {
            String phase = PodConditions.phase(pod);
            boolean terminal = phase.equals("Succeeded") || phase.equals("Failed");
            if (!(terminal && ObjectMeta.deleting(pod))) {
                live.add(pod);
            }
        }
        return live;
    }

    /** getNodesToDaemonPods: the claimed pods by the node they run on or are pinned to. */
    private SortedMap<String, List<ObjectNode>> nodeToDaemonPods(ObjectNode ds, boolean includeDeletedTerminal) {
        SortedMap<String, List<ObjectNode>> byNode = new TreeMap<>();
        for (ObjectNode pod : claimedPods(ds, includeDeletedTerminal)) {
            DaemonPods.targetNode(pod).ifPresent(node -> byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(pod));
        }
        return byNode;
    }

    /** manage: the pods each node should and should not have. */
    private void manage(ObjectNode ds, Map<String, JsonNode> nodeList, String hash) {
        SortedMap<String, List<ObjectNode>> nodeToPods = nodeToDaemonPods(ds, false);
        List<String> create = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (JsonNode node : nodeList.values()) {
            PodsOnNode.decide(ds, node, nodeToPods.getOrDefault(ObjectMeta.name(node), List.of()), hash, clock.now(),
                    backoff, this::failedPod, create, delete);
        }
        // Pods pinned to nodes that no longer exist are never scheduled, so PodGC would not remove them.
        for (Map.Entry<String, List<ObjectNode>> entry : nodeToPods.entrySet()) {
            if (!nodeList.containsKey(entry.getKey())) {
                for (ObjectNode pod : entry.getValue()) {
                    if (pod.path("spec").path("nodeName").asText("").isEmpty()) {
                        delete.add(ObjectMeta.name(pod));
                    }
                }
            }
        }
        syncNodes(ds, delete, create, hash, null);
    }

    private void failedPod(ObjectNode ds, ObjectNode pod, String node, Duration requeue) {
        if (requeue != null) {
            clock.scheduleBackground(requeue, () -> enqueue(Informer.key(ds)));
            return;
        }
        recorder.eventf(ds, EventRecorder.WARNING, FAILED_DAEMON_POD, FOUND_FAILED, ObjectMeta.namespace(pod),
                ObjectMeta.name(pod), node);
    }

    /** syncNodes: deletions first in Kubernetes' goroutines; creations in slow-start batches. */
    private void syncNodes(ObjectNode ds, List<String> podsToDelete, List<String> nodesNeedingPods, String hash, String why) {
        int createDiff = Math.min(nodesNeedingPods.size(), BURST_REPLICAS);
        int deleteDiff = Math.min(podsToDelete.size(), BURST_REPLICAS);
        ObjectNode template = DaemonPods.podTemplate(ds, hash);
        int batch = Math.min(createDiff, 1);
        for (int pos = 0; pos < createDiff; ) {
            boolean failed = false;
            for (int i = pos; i < pos + batch; i++) {
                failed |= !createPod(ds, template, nodesNeedingPods.get(i));
            }
            pos += batch;
            if (failed) {
                break;
            }
            batch = Math.min(2 * batch, createDiff - pos);
        }
        for (int i = 0; i < deleteDiff; i++) {
            deletePod(ds, podsToDelete.get(i), why);
        }
    }

    private boolean createPod(ObjectNode ds, ObjectNode template, String node) {
        ObjectNode pod = DaemonPods.podFor(ds, template, node);
        try {
            ObjectNode created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, PODS,
                    ObjectMeta.namespace(ds), "").withBody(pod)).body();
            recorder.eventf(ds, EventRecorder.NORMAL, SUCCESSFUL_CREATE, CREATED_POD, ObjectMeta.name(created));
            emit("create", created, "Created pod " + ObjectMeta.name(created) + " for DaemonSet " + ObjectMeta.name(ds)
                    + " to run on node " + node + ", which should run one.");
            return true;
        } catch (StatusException e) {
            if (!namespaceTerminating(e)) {
                recorder.eventf(ds, EventRecorder.WARNING, FAILED_CREATE, ERROR_CREATING, e.status().message());
            }
            return false;
        }
    }

    private void deletePod(ObjectNode ds, String name, String why) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, PODS, ObjectMeta.namespace(ds), name));
            recorder.eventf(ds, EventRecorder.NORMAL, SUCCESSFUL_DELETE, DELETED_POD, name);
            events.emit(COMPONENT, null, "delete", "Pod/" + ObjectMeta.namespace(ds) + "/" + name, COMPONENT,
                    "kube-apiserver", "Deleted pod " + name + " of DaemonSet " + ObjectMeta.name(ds)
                            + (why == null ? " because its node should not run it, or runs more than one." : " " + why + "."));
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                recorder.eventf(ds, EventRecorder.WARNING, FAILED_DELETE, ERROR_DELETING, e.status().message());
                throw e;
            }
        }
    }

    private static boolean namespaceTerminating(StatusException e) {
        return e.status().details().map(d -> d.causes().stream()
                .anyMatch(c -> c.reason().equals("NamespaceTerminating"))).orElse(false);
    }

    private void emit(String action, ObjectNode pod, String message) {
        events.emit(COMPONENT, null, action, "Pod/" + ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod), COMPONENT,
                "kube-apiserver", message);
    }

    private void updateStatus(ObjectNode ds, Map<String, JsonNode> nodeList, String hash) {
        Instant now = clock.now();
        ObjectNode status = DaemonSetStatus.compute(ds, nodeList, nodeToDaemonPods(ds, false), hash, true, now);
        if (!status.equals(ds.path("status"))) {
            ObjectNode updated = ds.deepCopy();
            updated.set("status", status);
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, DAEMON_SETS,
                    ObjectMeta.namespace(ds), ObjectMeta.name(ds)).withSubresource("status").withBody(updated));
        }
        int minReady = ds.path("spec").path("minReadySeconds").asInt(0);
        if (minReady > 0 && status.path("numberReady").asInt() != status.path("numberAvailable").asInt(0)) {
            enqueueAfter(Informer.key(ds), Duration.ofSeconds(minReady));
        }
    }
}
