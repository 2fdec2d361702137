package io.kubelab.controller.podgc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.PodConditions;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager's pod garbage collector (pkg/controller/podgc): force-deletes terminated pods
 * past {@code --terminated-pod-gc-threshold}, terminating pods on out-of-service nodes, pods bound to
 * nodes that have been gone for the 40 s quarantine, and terminating pods never scheduled. Each is first
 * marked Failed (an orphan also gets the DisruptionTarget condition), then deleted with no grace period.
 */
public final class PodGcController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/podgc";
    /** {@code --terminated-pod-gc-threshold} default. */
    public static final int DEFAULT_THRESHOLD = 12500;
    /** {@code gcCheckPeriod}. */
    static final Duration CHECK_PERIOD = Duration.ofSeconds(20);
    /** {@code quarantineTime}. */
    static final Duration QUARANTINE = Duration.ofSeconds(40);
    static final String OUT_OF_SERVICE = "node.kubernetes.io/out-of-service";
    static final String DISRUPTION_TARGET = "DisruptionTarget";
    static final String REASON = "DeletionByPodGC";
    static final String MESSAGE = "PodGC: node no longer exists";
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    private static final String KEY = "gc";

    private final ApiServer api;
    private final SimClock clock;
    private final Informer pods;
    private final Informer nodes;
    private final ComponentEvents events;
    private final int threshold;
    /** Missing nodes by the time a pod bound to them was first seen (the delaying node queue). */
    private final Map<String, Instant> quarantined = new HashMap<>();

    public PodGcController(Informers informers, SimClock clock) {
        this(informers, clock, DEFAULT_THRESHOLD);
    }

    public PodGcController(Informers informers, SimClock clock, int threshold) {
        super("podgc", clock);
        this.api = informers.api();
        this.clock = clock;
        this.pods = informers.of(PODS);
        this.nodes = informers.of(NODES);
        this.events = informers.events();
        this.threshold = threshold;
        pods.onObject((old, now) -> {
            if (now != null && (ObjectMeta.deleting(now) || terminated(now) || orphan(now))) {
                enqueue(KEY);
            }
        });
        nodes.onObject((old, now) -> {
            if (now == null || tainted(now)) {
                enqueue(KEY);
            }
        });
        tick();
    }

    /** The periodic check every 20 s; background, since a quiet cluster has nothing for it to do. */
    private void tick() {
        enqueue(KEY);
        clock.scheduleBackground(CHECK_PERIOD, this::tick);
    }

    private boolean orphan(JsonNode pod) {
        String node = pod.path("spec").path("nodeName").asText("");
        return !node.isEmpty() && nodes.get(node).isEmpty();
    }

    static boolean terminated(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        return !phase.equals("Pending") && !phase.equals("Running") && !phase.equals("Unknown");
    }

    private static boolean tainted(JsonNode node) {
        for (JsonNode taint : node.path("spec").path("taints")) {
            if (taint.path("key").asText().equals(OUT_OF_SERVICE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void sync(String key) {
        List<ObjectNode> all = pods.list();
        if (threshold > 0) {
            List<ObjectNode> done = all.stream().filter(PodGcController::terminated).sorted(EVICTED_THEN_OLDEST).toList();
            for (int i = 0; i < done.size() - threshold; i++) {
                forceDelete(done.get(i), false, "Deleted terminated pod " + ObjectMeta.name(done.get(i))
                        + " because the cluster keeps at most " + threshold + " finished pods.");
            }
        }
        for (ObjectNode pod : all) {
            if (ObjectMeta.deleting(pod)) {
                nodes.get(pod.path("spec").path("nodeName").asText("")).filter(n -> !PodConditions.ready(n) && tainted(n))
                        .ifPresent(n -> forceDelete(pod, false, "Deleted terminating pod " + ObjectMeta.name(pod)
                                + " because its node " + ObjectMeta.name(n) + " is out of service."));
            }
        }
        gcOrphaned(all);
        for (ObjectNode pod : all) {
            if (ObjectMeta.deleting(pod) && pod.path("spec").path("nodeName").asText("").isEmpty()) {
                forceDelete(pod, false, "Deleted terminating pod " + ObjectMeta.name(pod)
                        + " because it was never scheduled to a node, so no kubelet will finish it.");
            }
        }
    }

    private void gcOrphaned(List<ObjectNode> all) {
        Instant now = clock.now();
        Map<String, Boolean> missing = new HashMap<>();
        for (ObjectNode pod : all) {
            if (orphan(pod)) {
                String node = pod.path("spec").path("nodeName").asText();
                Instant since = quarantined.computeIfAbsent(node, n -> now);
                Duration left = Duration.between(now, since.plus(QUARANTINE));
                if (left.isNegative() || left.isZero()) {
                    missing.computeIfAbsent(node, this::confirmedGone);
                } else {
                    enqueueAfter(KEY, left);
                }
            }
        }
        quarantined.keySet().removeIf(n -> nodes.get(n).isPresent());
        for (ObjectNode pod : all) {
            String node = pod.path("spec").path("nodeName").asText("");
            if (missing.getOrDefault(node, false)) {
                forceDelete(pod, true, "Deleted pod " + ObjectMeta.name(pod) + " because its node " + node
                        + " no longer exists.");
            }
        }
    }

    /** {@code checkIfNodeExists}: asks the API server, not the cache, before deleting anything. */
    private boolean confirmedGone(String node) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET, NODES, "", node));
            return false;
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return true;
            }
            throw e;
        }
    }

    /** {@code markFailedAndDeletePodWithCondition}: Failed first (no kubelet will say so), then delete now. */
    private void forceDelete(ObjectNode pod, boolean orphaned, String message) {
        String namespace = ObjectMeta.namespace(pod);
        String name = ObjectMeta.name(pod);
        try {
            String phase = pod.path("status").path("phase").asText("");
            if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
                ObjectNode updated = pod.deepCopy();
                ObjectNode status = updated.with("status");
                status.put("phase", "Failed");
                if (orphaned) {
                    setCondition(status);
                }
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, PODS, namespace, name)
                        .withSubresource("status").withBody(updated));
            }
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, PODS, namespace, name)
                    .withOptions(RequestOptions.DEFAULT.withGracePeriod(0)));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return;
            }
            throw e;
        }
        events.emit(COMPONENT, pod.path("spec").path("nodeName").asText(null), "delete",
                ObjectMeta.reference("Pod", namespace, name), COMPONENT, "kube-apiserver", message);
    }

    /** {@code UpdatePodCondition} with DisruptionTarget/DeletionByPodGC, fields in PodCondition's order. */
    private void setCondition(ObjectNode status) {
        ArrayNode conditions = status.get("conditions") instanceof ArrayNode a ? a : status.putArray("conditions");
        ObjectNode condition = conditions.objectNode();
        condition.put("type", DISRUPTION_TARGET).put("status", "True").putNull("lastProbeTime")
                .put("lastTransitionTime", ObjectMeta.time(clock.now())).put("reason", REASON).put("message", MESSAGE);
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i).path("type").asText().equals(DISRUPTION_TARGET)) {
                if (conditions.get(i).path("status").asText().equals("True")) {
                    condition.set("lastTransitionTime", conditions.get(i).path("lastTransitionTime"));
                }
                conditions.set(i, condition);
                return;
            }
        }
        conditions.add(condition);
    }

    /** {@code byEvictionAndCreationTimestamp}: evicted pods first, then the oldest, then by name. */
    static final Comparator<ObjectNode> EVICTED_THEN_OLDEST = Comparator
            .comparing((ObjectNode p) -> !(p.path("status").path("phase").asText().equals("Failed")
                    && p.path("status").path("reason").asText().equals("Evicted")))
            .thenComparing(p -> p.path("metadata").path("creationTimestamp").asText())
            .thenComparing(ObjectMeta::name);

    static List<String> names(List<ObjectNode> pods) {
        List<String> out = new ArrayList<>();
        pods.forEach(p -> out.add(ObjectMeta.name(p)));
        return out;
    }
}
