package io.kubelab.controller.replicaset;

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
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's replicaset controller: keeps {@code spec.replicas} active pods matching each
 * ReplicaSet's selector, adopting orphans and releasing pods that no longer match, and reports what it
 * counts in the ReplicaSet's status.
 */
public final class ReplicaSetController extends Controller {

    public static final ResourceType REPLICA_SETS = ResourceTypes.of("apps/v1", "ReplicaSet");
    static final ResourceType QUOTAS = ResourceTypes.of("v1", "ResourceQuota");
    public static final String SOURCE = "replicaset-controller";
    public static final String COMPONENT = "kube-controller-manager/replicaset";
    /** {@code BurstReplicas}: at most this many creates or deletes per sync. */
    static final int BURST_REPLICAS = 500;
    private static final Duration RETRY_BASE = Duration.ofSeconds(5);
    private static final Duration RETRY_MAX = Duration.ofMinutes(5);

    private final ApiServer api;
    private final SimClock clock;
    private final ComponentEvents events;
    private final Informer replicaSets;
    private final Informer pods;
    private final PodControl podControl;
    /** Consecutive refused creates per ReplicaSet: only the spacing of retries, rebuilt as zero on a restart. */
    private final Map<String, Integer> refusals = new HashMap<>();
    private final Map<String, SimClock.Timer> retries = new HashMap<>();

    public ReplicaSetController(Informers informers, SimClock clock) {
        super("replicaset", clock);
        this.api = informers.api();
        this.clock = clock;
        this.events = informers.events();
        this.replicaSets = informers.of(REPLICA_SETS);
        this.pods = informers.of(PodControl.PODS);
        this.podControl = new PodControl(api, informers.recorder(SOURCE));
        replicaSets.onChange(this::enqueue);
        pods.onObject(this::podChanged);
        // A quota that changes may let a refused create through: look again at the namespace's short sets.
        informers.of(QUOTAS).onChange(key -> {
            String namespace = key.substring(0, key.indexOf('/'));
            for (JsonNode rs : replicaSets.list()) {
                if (ObjectMeta.namespace(rs).equals(namespace)
                        && rs.path("status").path("replicas").asInt() < rs.path("spec").path("replicas").asInt(1)) {
                    enqueue(Informer.key((ObjectNode) rs));
                }
            }
        });
    }

    /** A pod's owner looks again; an orphan is offered to every ReplicaSet that selects it. */
    private void podChanged(ObjectNode old, ObjectNode now) {
        for (ObjectNode pod : new ObjectNode[]{old, now}) {
            if (pod != null) {
                OwnerRefs.controllerKey(pod, "ReplicaSet").ifPresent(this::enqueue);
            }
        }
        if (now != null && OwnerRefs.controllerOf(now).isEmpty() && !ObjectMeta.deleting(now)) {
            for (ObjectNode rs : selecting(now)) {
                enqueue(Informer.key(rs));
            }
        }
    }

    private List<ObjectNode> selecting(JsonNode pod) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode rs : replicaSets.list()) {
            if (ObjectMeta.namespace(rs).equals(ObjectMeta.namespace(pod))
                    && rs.path("spec").path("selector").size() > 0
                    && LabelSelector.fromJson(rs.path("spec").path("selector")).matches(Labels.of(pod))) {
                out.add(rs);
            }
        }
        return out;
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> found = replicaSets.get(key);
        if (found.isEmpty()) {
            refusals.remove(key);
            return;
        }
        ObjectNode rs = found.get();
        LabelSelector selector = LabelSelector.fromJson(rs.path("spec").path("selector"));
        List<JsonNode> owned = new ArrayList<>();
        for (ObjectNode pod : pods.list()) {
            if (ObjectMeta.namespace(pod).equals(ObjectMeta.namespace(rs)) && PodConditions.active(pod)
                    && ControllerRefManager.claimObject(api, PodControl.PODS, rs, selector, pod)) {
                owned.add(pods.get(Informer.key(pod)).orElse(pod));
            }
        }
        String error = null;
        if (!ObjectMeta.deleting(rs)) {
            error = manageReplicas(rs, owned);
        }
        ObjectNode updated = updateStatus(rs, owned, error);
        if (error != null) {
            int count = refusals.merge(key, 1, Integer::sum);
            Duration delay = RETRY_BASE.multipliedBy(1L << Math.min(count - 1, 10));
            // A refused create (a quota, a bad template) is not fixed by time alone: retry in the background.
            SimClock.Timer previous = retries.put(key, clock.scheduleBackground(
                    delay.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : delay, () -> enqueue(key)));
            if (previous != null) {
                previous.cancel();
            }
            return;
        }
        refusals.remove(key);
        SimClock.Timer pending = retries.remove(key);
        if (pending != null) {
            pending.cancel();
        }
        requeueForAvailability(key, updated, owned);
    }

    /** {@code manageReplicas}: creates or deletes the difference; answers the error message, if one failed. */
    private String manageReplicas(ObjectNode rs, List<JsonNode> owned) {
        int wanted = rs.path("spec").path("replicas").asInt(1);
        int diff = owned.size() - wanted;
        String name = ObjectMeta.name(rs);
        if (diff < 0) {
            int missing = Math.min(-diff, BURST_REPLICAS);
            int[] have = {owned.size()};
            PodControl.Batches result = PodControl.slowStart(missing, PodControl.SLOW_START_INITIAL_BATCH, () -> {
                ObjectNode pod = podControl.create(rs.path("spec").path("template"), rs);
                events.emit(COMPONENT, null, "create", "Pod/" + ObjectMeta.namespace(rs) + "/" + ObjectMeta.name(pod),
                        COMPONENT, "kube-apiserver", name + " has " + have[0] + " of " + wanted + " pods; created "
                                + ObjectMeta.name(pod) + ".");
                have[0]++;
                return 1;
            });
            if (result.error() != null) {
                events.emit(COMPONENT, null, "reject", "ReplicaSet/" + ObjectMeta.namespace(rs) + "/" + name,
                        "kube-apiserver", COMPONENT, name + " has " + have[0] + " of " + wanted
                                + " pods; the API server refused a new one: " + result.error().getMessage());
                return result.error().getMessage();
            }
        } else if (diff > 0) {
            int surplus = Math.min(diff, BURST_REPLICAS);
            List<JsonNode> related = relatedPods(rs);
            int have = owned.size();
            for (JsonNode pod : PodRanking.toDelete(owned, related, surplus, clock.now())) {
                try {
                    podControl.delete(pod, rs);
                } catch (StatusException e) {
                    return "unable to delete pods: " + e.getMessage();
                }
                events.emit(COMPONENT, null, "delete", "Pod/" + ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod),
                        COMPONENT, "kube-apiserver", name + " has " + have + " of " + wanted + " pods; deleted "
                                + ObjectMeta.name(pod) + ".");
                have--;
            }
        }
        return null;
    }

    /**
     * {@code getIndirectlyRelatedPods}: the pods of every ReplicaSet with the same controller as {@code rs}
     * (a Deployment's old and new sets), used to spread deletions over nodes.
     */
    private List<JsonNode> relatedPods(ObjectNode rs) {
        Optional<String> owner = OwnerRefs.controllerOf(rs).map(ref -> ref.path("uid").asText());
        List<String> sets = new ArrayList<>();
        for (ObjectNode other : replicaSets.list()) {
            if (ObjectMeta.namespace(other).equals(ObjectMeta.namespace(rs)) && (other == rs
                    || ObjectMeta.uid(other).equals(ObjectMeta.uid(rs)) || owner.isPresent()
                    && owner.equals(OwnerRefs.controllerOf(other).map(ref -> ref.path("uid").asText())))) {
                sets.add(ObjectMeta.uid(other));
            }
        }
        List<JsonNode> related = new ArrayList<>();
        for (ObjectNode pod : pods.list()) {
            if (OwnerRefs.controllerOf(pod).map(ref -> sets.contains(ref.path("uid").asText())).orElse(false)) {
                related.add(pod);
            }
        }
        return related;
    }

    private ObjectNode updateStatus(ObjectNode rs, List<JsonNode> owned, String error) {
        ObjectNode status = ReplicaSetStatus.calculate(rs, owned, error, clock.now());
        if (status.equals(rs.path("status"))) {
            return rs;
        }
        ObjectNode copy = rs.deepCopy();
        copy.set("status", status);
        return api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, REPLICA_SETS,
                ObjectMeta.namespace(rs), ObjectMeta.name(rs)).withSubresource("status").withBody(copy)).body();
    }

    /**
     * With {@code minReadySeconds}, a Ready pod becomes available only later, and no pod event will say so:
     * look again when the first of them is due (Kubernetes requeues after minReadySeconds).
     */
    private void requeueForAvailability(String key, JsonNode rs, List<JsonNode> owned) {
        long minReadySeconds = rs.path("spec").path("minReadySeconds").asLong(0);
        if (minReadySeconds == 0) {
            return;
        }
        Instant now = clock.now();
        Instant next = null;
        for (JsonNode pod : owned) {
            Optional<Instant> since = PodConditions.readySince(pod);
            if (since.isPresent() && !PodConditions.available(pod, minReadySeconds, now)) {
                // Available once strictly after readySince + minReadySeconds.
                Instant due = since.get().plusSeconds(minReadySeconds).plusMillis(1);
                next = next == null || due.isBefore(next) ? due : next;
            }
        }
        if (next != null) {
            enqueueAfter(key, Duration.between(now, next).isNegative() ? Duration.ZERO : Duration.between(now, next));
        }
    }
}
