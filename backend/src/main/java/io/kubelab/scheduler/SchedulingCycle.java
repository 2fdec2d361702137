package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Informer;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;
import io.kubelab.record.EventsRecorder;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.Framework;
import io.kubelab.scheduler.framework.Listers;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Snapshot;
import io.kubelab.scheduler.plugins.VolumeBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One pod's scheduling and binding cycle ({@code schedule_one.go}): snapshot, filter, score, pick a node,
 * PreBind the volumes, bind through {@code pods/binding}; or, when nothing fits, preempt if that helps,
 * then report {@code FailedScheduling} and the {@code PodScheduled=False} condition and queue the pod.
 */
final class SchedulingCycle {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType CLAIMS = ResourceTypes.of("v1", "PersistentVolumeClaim");
    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    static final String REASON_UNSCHEDULABLE = "Unschedulable";

    private final ApiServer api;
    private final UserInfo user;
    private final Informer pods;
    private final Listers listers;
    private final ComponentEvents events;
    private final EventsRecorder recorder;
    private final RandomGenerator random;
    private final SchedulingQueue queue;
    private final Framework framework = DefaultProfile.create();
    private final DefaultPreemption preemption = new DefaultPreemption(framework);
    private final PodStatusUpdate statusUpdate;
    private final SchedulerCache cache;

    SchedulingCycle(ApiServer api, UserInfo user, SimClock clock, Informer pods, SchedulerCache cache, Listers listers,
                    ComponentEvents events, EventsRecorder recorder, RandomGenerator random, SchedulingQueue queue) {
        this.api = api;
        this.user = user;
        this.pods = pods;
        this.cache = cache;
        this.listers = listers;
        this.events = events;
        this.recorder = recorder;
        this.random = random;
        this.queue = queue;
        this.statusUpdate = new PodStatusUpdate(api, user, clock);
    }

    void scheduleOne(String key) {
        ObjectNode pod = pods.get(key).orElse(null);
        if (pod == null || !Scheduler.pending(pod)) {
            queue.done(key);
            return;
        }
        String podName = ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod);
        String object = ObjectMeta.reference("Pod", ObjectMeta.namespace(pod), ObjectMeta.name(pod));
        Snapshot snapshot = snapshot(pod);
        CycleState state = new CycleState(pod, snapshot);
        Framework.Filtered filtered = framework.findNodesThatFit(state);
        emit("filter", object, Narration.filtered(podName, snapshot.nodes(), filtered.feasible(), filtered.diagnosis()));
        if (filtered.feasible().isEmpty()) {
            unschedulable(pod, object, podName, state, filtered);
            return;
        }
        String host = selectHost(state, filtered.feasible(), object);
        try {
            preBind(pod, host);
            bind(pod, host);
        } catch (StatusException e) {
            if (e.status().code() == 409 || e.status().code() == 404) {
                queue.done(key);
            } else {
                queue.failed(key);
            }
            return;
        }
        queue.done(key);
        recorder.eventf(pod, null, EventRecorder.NORMAL, "Scheduled", "Binding", "Successfully assigned %s to %s",
                podName, host);
    }

    private Snapshot snapshot(ObjectNode pod) {
        return cache.snapshot(pod, listers);
    }

    /** Scores when more than one node fits; ties broken at random as {@code selectHost}'s reservoir sampling does. */
    private String selectHost(CycleState state, List<NodeInfo> feasible, String object) {
        if (feasible.size() == 1) {
            emit("score", object, Narration.onlyOne(feasible.get(0).name()));
            return feasible.get(0).name();
        }
        Map<String, Map<String, Long>> scores = framework.score(state, feasible);
        String selected = null;
        long max = Long.MIN_VALUE;
        int ties = 0;
        for (Map.Entry<String, Map<String, Long>> e : scores.entrySet()) {
            long total = Narration.total(e.getValue());
            if (total > max) {
                max = total;
                selected = e.getKey();
                ties = 1;
            } else if (total == max) {
                ties++;
                if (random.nextInt(ties) == 0) {
                    selected = e.getKey();
                }
            }
        }
        emit("score", object, Narration.scored(scores, selected, ties));
        return selected;
    }

    /** VolumeBinding's PreBind: names the chosen node on unbound claims, for the provisioner and binder. */
    private void preBind(ObjectNode pod, String host) {
        for (ObjectNode claim : VolumeBinding.claimsToBind(listers, pod)) {
            if (host.equals(claim.path("metadata").path("annotations").path(SELECTED_NODE).asText(""))) {
                continue;
            }
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            patch.putObject("metadata").putObject("annotations").put(SELECTED_NODE, host);
            api.handle(ApiRequest.of(user, Verb.PATCH, CLAIMS, ObjectMeta.namespace(claim), ObjectMeta.name(claim))
                    .withPatch(ApiRequest.PatchType.MERGE, patch));
        }
    }

    private void bind(ObjectNode pod, String host) {
        ObjectNode binding = JsonNodeFactory.instance.objectNode();
        binding.put("kind", "Binding").put("apiVersion", "v1");
        binding.putObject("metadata").put("name", ObjectMeta.name(pod)).put("namespace", ObjectMeta.namespace(pod))
                .put("uid", ObjectMeta.uid(pod));
        binding.putObject("target").put("kind", "Node").put("name", host);
        api.handle(ApiRequest.of(user, Verb.CREATE, PODS, ObjectMeta.namespace(pod), ObjectMeta.name(pod))
                .withSubresource("binding").withBody(binding));
        events.emit(Scheduler.COMPONENT, null, "bind",
                ObjectMeta.reference("Pod", ObjectMeta.namespace(pod), ObjectMeta.name(pod)), Scheduler.COMPONENT,
                "kube-apiserver", Narration.bound(ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod), host));
    }

    /** PostFilter (preemption), then {@code handleSchedulingFailure}. */
    private void unschedulable(ObjectNode pod, String object, String podName, CycleState state, Framework.Filtered filtered) {
        DefaultPreemption.Result result = preemption.preempt(state, filtered.diagnosis());
        String nominated = null;
        if (result.candidate().isPresent()) {
            DefaultPreemption.Candidate candidate = result.candidate().get();
            evict(pod, candidate);
            nominated = candidate.node();
        }
        String message = FitError.message(state.snapshot().nodes().size(), filtered.diagnosis(), result.message());
        emit("unschedulable", object, Narration.unschedulable(podName, message));
        queue.failed(Informer.key(pod));
        recorder.event(pod, null, EventRecorder.WARNING, "FailedScheduling", "Scheduling", message);
        statusUpdate.unschedulable(pod, message, nominated);
    }

    /** {@code prepareCandidate}: marks each victim as disrupted, deletes it, and tells it why. */
    private void evict(ObjectNode pod, DefaultPreemption.Candidate candidate) {
        String podName = ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod);
        for (ObjectNode victim : candidate.victims()) {
            String victimName = ObjectMeta.namespace(victim) + "/" + ObjectMeta.name(victim);
            emit("preempt", ObjectMeta.reference("Pod", ObjectMeta.namespace(victim), ObjectMeta.name(victim)),
                    Narration.preempting(victimName, podName, candidate.node()));
            try {
                statusUpdate.disruptionTarget(victim, pod.path("spec").path("schedulerName").asText());
                api.handle(ApiRequest.of(user, Verb.DELETE, PODS, ObjectMeta.namespace(victim), ObjectMeta.name(victim)));
            } catch (StatusException e) {
                if (e.status().code() != 404) {
                    throw e;
                }
            }
            recorder.eventf(victim, pod, EventRecorder.NORMAL, "Preempted", "Preempting", "Preempted by pod %s on node %s",
                    ObjectMeta.uid(pod), candidate.node());
        }
        // Lower-priority pods nominated to the node lose the nomination: the room is for this pod now.
        int priority = DefaultPreemption.priority(pod);
        for (ObjectNode other : pods.list()) {
            if (candidate.node().equals(other.path("status").path("nominatedNodeName").asText(""))
                    && DefaultPreemption.priority(other) < priority && !ObjectMeta.uid(other).equals(ObjectMeta.uid(pod))) {
                statusUpdate.clearNomination(other);
            }
        }
    }

    private void emit(String action, String object, String message) {
        events.emit(Scheduler.COMPONENT, null, action, object, Scheduler.COMPONENT, Scheduler.COMPONENT, message);
    }

    static JsonNode condition(JsonNode pod, String type) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return null;
    }
}
