package io.kubelab.controller.statefulset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.ControllerRefManager;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.history.ControllerRevisions;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * kube-controller-manager's statefulset controller (stateful_set.go, stateful_set_control.go): claims the
 * set's pods, finds or records the current and update revisions, runs one update pass and writes the
 * status. Level-triggered: every pass starts from the store.
 */
public final class StatefulSetController extends Controller {

    static final ResourceType STATEFUL_SETS = ResourceTypes.of("apps/v1", "StatefulSet");
    static final String SOURCE = "statefulset-controller";
    static final String COMPONENT = "kube-controller-manager/statefulset";

    private final ApiServer api;
    private final SimClock clock;
    private final Informer sets;
    private final Informer pods;
    private final Informer revisions;
    private final StatefulSetUpdate update;

    public StatefulSetController(Informers informers, SimClock clock) {
        super("statefulset", clock);
        this.api = informers.api();
        this.clock = clock;
        this.sets = informers.of(STATEFUL_SETS);
        this.pods = informers.of(StatefulPodControl.PODS);
        this.revisions = informers.of(ControllerRevisions.TYPE);
        var recorder = informers.recorder(SOURCE);
        this.update = new StatefulSetUpdate(new StatefulPodControl(api, informers.of(StatefulPodControl.CLAIMS),
                recorder, informers.events()), recorder);
        sets.onChange(this::enqueue);
        pods.onObject((old, now) -> {
            podChanged(old);
            podChanged(now);
        });
    }

    private void podChanged(JsonNode pod) {
        if (pod == null) {
            return;
        }
        var ref = OwnerRefs.controllerOf(pod);
        if (ref.isPresent()) {
            if (ref.get().path("kind").asText().equals("StatefulSet")) {
                enqueue(ObjectMeta.namespace(pod) + "/" + ref.get().path("name").asText());
            }
            return;
        }
        for (ObjectNode set : sets.list()) {
            if (ObjectMeta.namespace(set).equals(ObjectMeta.namespace(pod))
                    && LabelSelector.fromJson(set.path("spec").path("selector")).matches(Labels.of(pod))) {
                enqueue(Informer.key(set));
            }
        }
    }

    @Override
    protected void sync(String key) {
        ObjectNode set = sets.get(key).map(ObjectNode::deepCopy).orElse(null);
        if (set == null) {
            return;
        }
        LabelSelector selector = LabelSelector.fromJson(set.path("spec").path("selector"));
        List<ObjectNode> owned = ControllerRefManager.claimObjects(api, Informers.CONTROLLER_MANAGER, StatefulPodControl.PODS, set,
                "apps/v1", "StatefulSet", selector, pods.list(), p -> StatefulSetPods.memberOf(set, p));
        List<ObjectNode> history = ControllerRevisions.sorted(revisions.list().stream()
                .filter(r -> ObjectMeta.namespace(r).equals(ObjectMeta.namespace(set)) && OwnerRefs.ownedBy(r, set))
                .toList());

        // getStatefulSetRevisions
        int collisionCount = set.path("status").path("collisionCount").asInt(0);
        long next = history.isEmpty() ? 1 : ControllerRevisions.revision(history.get(history.size() - 1)) + 1;
        ObjectNode candidate = ControllerRevisions.build(set, "apps/v1", "StatefulSet",
                set.path("spec").path("template").path("metadata").path("labels"), StatefulSetPods.patch(set), next,
                collisionCount);
        List<ObjectNode> equal = history.stream()
                .filter(r -> ControllerRevisions.sameData(r.path("data"), candidate.path("data"))).toList();
        ObjectNode updateRevision;
        if (!equal.isEmpty() && history.get(history.size() - 1) == equal.get(equal.size() - 1)) {
            updateRevision = history.get(history.size() - 1);
        } else if (!equal.isEmpty()) {
            updateRevision = ControllerRevisions.renumber(api, Informers.CONTROLLER_MANAGER, equal.get(equal.size() - 1), next);
        } else {
            ControllerRevisions.Created created = ControllerRevisions.create(api, Informers.CONTROLLER_MANAGER, set,
                    candidate, collisionCount);
            updateRevision = created.revision();
            collisionCount = created.collisionCount();
        }
        String currentName = set.path("status").path("currentRevision").asText("");
        ObjectNode currentRevision = history.stream().filter(r -> ObjectMeta.name(r).equals(currentName)).findFirst()
                .orElse(updateRevision);

        ObjectNode currentSet = StatefulSetPods.applyRevision(set, currentRevision);
        ObjectNode updateSet = StatefulSetPods.applyRevision(set, updateRevision);
        StatefulSetUpdate.Counts counts = update.run(set, currentSet, updateSet, ObjectMeta.name(currentRevision),
                ObjectMeta.name(updateRevision), set.path("status").path("currentReplicas").asInt(0), owned, clock.now());
        writeStatus(set, counts, ObjectMeta.name(currentRevision), ObjectMeta.name(updateRevision), collisionCount);
        truncateHistory(set, owned, history, ObjectMeta.name(currentRevision), ObjectMeta.name(updateRevision));

        int minReady = set.path("spec").path("minReadySeconds").asInt(0);
        if (minReady > 0 && counts.available() != StatefulSetPods.replicas(set)) {
            enqueueAfter(key, Duration.ofSeconds(minReady));
        }
    }

    /** updateStatefulSetStatus with completeRollingUpdate; written only when something changed. */
    private void writeStatus(ObjectNode set, StatefulSetUpdate.Counts counts, String currentRevision,
                             String updateRevision, int collisionCount) {
        String current = currentRevision;
        int currentReplicas = counts.current();
        boolean rolling = set.path("spec").path("updateStrategy").path("type").asText("RollingUpdate").equals("RollingUpdate");
        if (rolling && counts.updated() == counts.replicas() && counts.ready() == counts.replicas()) {
            currentReplicas = counts.updated();
            current = updateRevision;
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("observedGeneration", set.path("metadata").path("generation").asLong(0));
        status.put("replicas", counts.replicas());
        putIfNotZero(status, "readyReplicas", counts.ready());
        putIfNotZero(status, "currentReplicas", currentReplicas);
        putIfNotZero(status, "updatedReplicas", counts.updated());
        if (!current.isEmpty()) {
            status.put("currentRevision", current);
        }
        if (!updateRevision.isEmpty()) {
            status.put("updateRevision", updateRevision);
        }
        status.put("collisionCount", collisionCount);
        if (set.path("status").has("conditions")) {
            status.set("conditions", set.path("status").get("conditions"));
        }
        status.put("availableReplicas", counts.available());
        if (status.equals(set.path("status"))) {
            return;
        }
        ObjectNode updated = set.deepCopy();
        updated.set("status", status);
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, STATEFUL_SETS,
                ObjectMeta.namespace(set), ObjectMeta.name(set)).withSubresource("status").withBody(updated));
    }

    private static void putIfNotZero(ObjectNode status, String field, int value) {
        if (value != 0) {
            status.put(field, value);
        }
    }

    /** truncateHistory: keep revisionHistoryLimit revisions no pod, current or update revision uses. */
    private void truncateHistory(ObjectNode set, List<ObjectNode> owned, List<ObjectNode> history, String current,
                                 String update) {
        Set<String> live = new HashSet<>(List.of(current, update));
        owned.forEach(p -> live.add(StatefulSetPods.revision(p)));
        List<ObjectNode> old = new ArrayList<>();
        for (ObjectNode revision : history) {
            if (!live.contains(ObjectMeta.name(revision))) {
                old.add(revision);
            }
        }
        int limit = set.path("spec").path("revisionHistoryLimit").asInt(10);
        for (int i = 0; i < old.size() - limit; i++) {
            ControllerRevisions.delete(api, Informers.CONTROLLER_MANAGER, old.get(i));
        }
    }
}
