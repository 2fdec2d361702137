package io.kubelab.controller.tainteviction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.ObjectReferences;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.model.Tolerations;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's taint-eviction-controller ({@code pkg/controller/tainteviction}, the former
 * taint manager): a pod on a node with a NoExecute taint it does not tolerate is deleted at once; one that
 * tolerates the taint for {@code tolerationSeconds} is deleted when that runs out, unless the taint goes
 * first. Before deleting, the pod gets the {@code DisruptionTarget} condition.
 *
 * <p>A pending deletion is a timer of work, so {@code sim settle} plays it out. Kubernetes counts a
 * toleration from when it first saw the pod under the taint; so do we, and a controller rebuilt from the
 * store counts from the taint's {@code timeAdded} (or the pod's scheduling, if later) instead of restarting
 * the countdown.
 */
public final class TaintEvictionController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/taint-eviction";
    static final String SOURCE = "taint-eviction-controller";
    static final String REASON = "TaintManagerEviction";
    static final String CONDITION_REASON = "DeletionByTaintManager";
    static final String CONDITION_MESSAGE = "Taint manager: deleting due to NoExecute taint";
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");

    private record Scheduled(Instant createdAt, Instant fireAt, SimClock.Timer timer) {
    }

    private final ApiServer api;
    private final SimClock clock;
    private final Informer pods;
    private final Informer nodes;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final Map<String, Scheduled> scheduled = new HashMap<>();

    public TaintEvictionController(Informers informers, SimClock clock) {
        super("taint-eviction", clock);
        this.api = informers.api();
        this.clock = clock;
        this.events = informers.events();
        this.recorder = informers.recorder(SOURCE);
        this.pods = informers.of(PODS);
        this.nodes = informers.of(NODES);
        nodes.onObject((old, now) -> {
            if (old == null || now == null
                    || !NoExecuteTaints.of(old).equals(NoExecuteTaints.of(now))) {
                enqueue("node:" + ObjectMeta.name(now != null ? now : old));
            }
        });
        pods.onObject((old, now) -> {
            if (old == null || now == null || !old.path("spec").path("tolerations").equals(now.path("spec").path("tolerations"))
                    || !old.path("spec").path("nodeName").equals(now.path("spec").path("nodeName"))) {
                enqueue("pod:" + Informer.key(now != null ? now : old));
            }
        });
    }

    @Override
    protected void sync(String key) {
        if (key.startsWith("node:")) {
            String nodeName = key.substring("node:".length());
            Optional<ObjectNode> node = nodes.get(nodeName);
            if (node.isEmpty()) {
                return;
            }
            for (ObjectNode pod : pods.list()) {
                if (pod.path("spec").path("nodeName").asText("").equals(nodeName)) {
                    process(pod, node.get());
                }
            }
            return;
        }
        String podKey = key.substring("pod:".length());
        Optional<ObjectNode> pod = pods.get(podKey);
        if (pod.isEmpty()) {
            cancel(podKey);
            return;
        }
        String nodeName = pod.get().path("spec").path("nodeName").asText("");
        if (!nodeName.isEmpty()) {
            nodes.get(nodeName).ifPresent(node -> process(pod.get(), node));
        }
    }

    /** {@code processPodOnNode}. */
    private void process(ObjectNode pod, ObjectNode node) {
        String key = Informer.key(pod);
        List<JsonNode> taints = NoExecuteTaints.of(node);
        if (taints.isEmpty()) {
            cancel(key);
            return;
        }
        if (ObjectMeta.deleting(pod)) {
            // Already on its way out: deleting it again would change nothing.
            return;
        }
        Optional<List<JsonNode>> used = Tolerations.matching(taints, pod.path("spec").path("tolerations"));
        if (used.isEmpty()) {
            cancel(key);
            evict(pod, node, "it does not tolerate " + describe(taints));
            return;
        }
        Optional<Duration> tolerated = NoExecuteTaints.minTolerationTime(used.get());
        if (tolerated.isEmpty()) {
            cancel(key);
            return;
        }
        Instant now = clock.now();
        Scheduled existing = scheduled.get(key);
        Instant createdAt = existing != null ? existing.createdAt() : countdownStart(pod, taints, now);
        Instant fireAt = createdAt.plus(tolerated.get());
        if (!fireAt.isAfter(now)) {
            scheduled.remove(key);
            evict(pod, node, "its toleration of " + describe(taints) + " ran out after "
                    + GoDuration.format(tolerated.get()));
            return;
        }
        if (existing != null) {
            // Kubernetes keeps a deletion already planned from an earlier moment as it is.
            return;
        }
        SimClock.Timer timer = clock.scheduleAt(fireAt, () -> enqueue("pod:" + key));
        scheduled.put(key, new Scheduled(createdAt, fireAt, timer));
        events.emit(COMPONENT, node.path("metadata").path("name").asText(), "schedule-eviction",
                "Pod/" + key, "kube-controller-manager", "kube-controller-manager", "Pod " + ObjectMeta.name(pod)
                        + " tolerates " + describe(taints) + " for " + GoDuration.format(tolerated.get())
                        + ": it will be evicted at " + ObjectMeta.time(fireAt) + " unless the taint goes first.");
    }

    /** When the countdown began: the earliest taint's {@code timeAdded}, or the pod's scheduling if later. */
    private static Instant countdownStart(ObjectNode pod, List<JsonNode> taints, Instant now) {
        Instant start = null;
        for (JsonNode taint : taints) {
            if (taint.path("timeAdded").isTextual()) {
                Instant added = Instant.parse(taint.path("timeAdded").asText());
                start = start == null || added.isBefore(start) ? added : start;
            }
        }
        if (start == null) {
            return now;
        }
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("PodScheduled") && condition.path("lastTransitionTime").isTextual()) {
                Instant scheduledAt = Instant.parse(condition.path("lastTransitionTime").asText());
                start = scheduledAt.isAfter(start) ? scheduledAt : start;
            }
        }
        return start.isAfter(now) ? now : start;
    }

    /** {@code cancelWorkWithEvent}: only a deletion still pending is cancelled, and only that gets an event. */
    private void cancel(String key) {
        Scheduled pending = scheduled.remove(key);
        if (pending == null) {
            return;
        }
        pending.timer().cancel();
        recorder.eventf(podRef(key), EventRecorder.NORMAL, REASON, "Cancelling deletion of Pod %s", key);
        events.emit(COMPONENT, null, "cancel-eviction", "Pod/" + key, "kube-controller-manager", "kube-controller-manager",
                "Cancelled the planned eviction of pod " + key.substring(key.indexOf('/') + 1)
                        + ": the taint is gone or the pod tolerates it for good.");
    }

    /** {@code deletePodHandler}: the event, the DisruptionTarget condition, then the delete. */
    private void evict(ObjectNode pod, ObjectNode node, String why) {
        String key = Informer.key(pod);
        recorder.eventf(podRef(key), EventRecorder.NORMAL, REASON, "Marking for deletion Pod %s", key);
        ObjectNode updated = pod.deepCopy();
        if (setDisruptionTarget(updated)) {
            try {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, PODS,
                        ObjectMeta.namespace(pod), ObjectMeta.name(pod)).withSubresource("status").withBody(updated));
            } catch (StatusException e) {
                if (e.status().code() == 404) {
                    return;
                }
                throw e;
            }
        }
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, PODS, ObjectMeta.namespace(pod),
                    ObjectMeta.name(pod)));
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
        events.emit(COMPONENT, ObjectMeta.name(node), "evict", "Pod/" + key, "kube-controller-manager", "kube-apiserver",
                "Evicted pod " + ObjectMeta.name(pod) + " from " + ObjectMeta.name(node) + " because " + why + ".");
    }

    /** {@code UpdatePodCondition} with DisruptionTarget=True; whether the status changed. */
    private boolean setDisruptionTarget(ObjectNode pod) {
        ArrayNode conditions = pod.with("status").withArray("conditions");
        String now = ObjectMeta.time(clock.now());
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals("DisruptionTarget")) {
                ObjectNode condition = (ObjectNode) c;
                if (condition.path("status").asText().equals("True")
                        && condition.path("reason").asText().equals(CONDITION_REASON)
                        && condition.path("message").asText().equals(CONDITION_MESSAGE)) {
                    return false;
                }
                if (!condition.path("status").asText().equals("True")) {
                    condition.put("lastTransitionTime", now);
                }
                condition.put("status", "True").put("reason", CONDITION_REASON).put("message", CONDITION_MESSAGE);
                return true;
            }
        }
        ObjectNode condition = conditions.addObject();
        condition.put("type", "DisruptionTarget").put("status", "True").putNull("lastProbeTime");
        condition.put("lastTransitionTime", now).put("reason", CONDITION_REASON).put("message", CONDITION_MESSAGE);
        return true;
    }

    /** The reference Kubernetes records these events on: the pod's name only, no uid. */
    private static ObjectNode podRef(String key) {
        int slash = key.indexOf('/');
        return ObjectReferences.build("Pod", key.substring(0, slash), key.substring(slash + 1), "", "v1", "", "");
    }

    private static String describe(List<JsonNode> taints) {
        StringBuilder out = new StringBuilder();
        for (JsonNode taint : taints) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(taint.path("key").asText());
            if (!taint.path("value").asText("").isEmpty()) {
                out.append('=').append(taint.path("value").asText());
            }
            out.append(":NoExecute");
        }
        return out.toString();
    }
}
