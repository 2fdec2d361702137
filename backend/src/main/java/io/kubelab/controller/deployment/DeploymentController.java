package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.ControllerRefManager;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.replicaset.PodControl;
import io.kubelab.controller.replicaset.ReplicaSetController;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's deployment controller (deployment_controller.go's {@code syncDeployment}):
 * adopts the ReplicaSets its selector matches, then scales, pauses, or rolls out by its strategy.
 */
public final class DeploymentController extends Controller {

    public static final ResourceType DEPLOYMENTS = ResourceTypes.of("apps/v1", "Deployment");
    public static final String SOURCE = "deployment-controller";
    public static final String COMPONENT = "kube-controller-manager/deployment";
    static final String SELECTING_ALL = "SelectingAll";

    private final Informers informers;
    private final SimClock clock;
    private final EventRecorder recorder;
    private final Informer deployments;
    private final Informer replicaSets;
    private final Informer pods;
    /** The pending progress-deadline check per Deployment: background, since time alone cannot end a rollout. */
    private final Map<String, SimClock.Timer> deadlines = new HashMap<>();

    public DeploymentController(Informers informers, SimClock clock) {
        super("deployment", clock);
        this.informers = informers;
        this.clock = clock;
        this.recorder = informers.recorder(SOURCE);
        this.deployments = informers.of(DEPLOYMENTS);
        this.replicaSets = informers.of(ReplicaSetController.REPLICA_SETS);
        this.pods = informers.of(PodControl.PODS);
        deployments.onChange(this::enqueue);
        replicaSets.onObject(this::replicaSetChanged);
        pods.onObject((old, now) -> {
            // Recreate waits for the old pods to be gone: their deletion is its cue.
            if (now == null) {
                OwnerRefs.controllerKey(old, "ReplicaSet").flatMap(replicaSets::get)
                        .flatMap(rs -> OwnerRefs.controllerKey(rs, "Deployment")).ifPresent(this::enqueue);
            }
        });
    }

    private void replicaSetChanged(ObjectNode old, ObjectNode now) {
        for (ObjectNode rs : new ObjectNode[]{old, now}) {
            if (rs != null) {
                OwnerRefs.controllerKey(rs, "Deployment").ifPresent(this::enqueue);
            }
        }
        if (now != null && OwnerRefs.controllerOf(now).isEmpty()) {
            for (ObjectNode d : deployments.list()) {
                if (ObjectMeta.namespace(d).equals(ObjectMeta.namespace(now)) && d.path("spec").path("selector").size() > 0
                        && LabelSelector.fromJson(d.path("spec").path("selector")).matches(Labels.of(now))) {
                    enqueue(Informer.key(d));
                }
            }
        }
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> found = deployments.get(key);
        if (found.isEmpty()) {
            cancelDeadline(key);
            return;
        }
        ObjectNode d = found.get().deepCopy();
        JsonNode selectorJson = d.path("spec").path("selector");
        if (selectorJson.path("matchLabels").isEmpty() && selectorJson.path("matchExpressions").isEmpty()) {
            recorder.event(d, EventRecorder.WARNING, SELECTING_ALL,
                    "This deployment is selecting all pods. A non-empty selector is required.");
            return;
        }
        LabelSelector selector = LabelSelector.fromJson(selectorJson);
        List<ObjectNode> sets = new ArrayList<>();
        for (ObjectNode rs : replicaSets.list()) {
            if (ObjectMeta.namespace(rs).equals(ObjectMeta.namespace(d))
                    && ControllerRefManager.claimObject(informers.api(), ReplicaSetController.REPLICA_SETS, d, selector, rs)) {
                sets.add(replicaSets.get(Informer.key(rs)).orElse(rs));
            }
        }
        Rollout r = new Rollout(informers.api(), recorder, informers.events(), clock.now(), d, sets);
        Optional<Duration> recheck = Optional.empty();
        if (ObjectMeta.deleting(d)) {
            Rollout.Sets all = r.syncRevision(false);
            Progress.syncStatus(r, all.all(), all.newRs());
        } else {
            checkPausedConditions(r);
            if (d.path("spec").path("paused").asBoolean(false) || Scaling.isScalingEvent(r)) {
                Scaling.sync(r);
            } else if (d.path("spec").path("strategy").path("type").asText().equals("Recreate")) {
                recheck = Recreate.rollout(r, podsOf(d, selector));
            } else {
                recheck = Rolling.rollout(r);
            }
        }
        cancelDeadline(key);
        recheck.ifPresent(delay -> deadlines.put(key, clock.scheduleBackground(delay, () -> {
            deadlines.remove(key);
            enqueue(key);
        })));
    }

    private void cancelDeadline(String key) {
        SimClock.Timer timer = deadlines.remove(key);
        if (timer != null) {
            timer.cancel();
        }
    }

    private List<ObjectNode> podsOf(JsonNode d, LabelSelector selector) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode pod : pods.list()) {
            if (ObjectMeta.namespace(pod).equals(ObjectMeta.namespace(d)) && selector.matches(Labels.of(pod))) {
                out.add(pod);
            }
        }
        return out;
    }

    /** {@code checkPausedConditions}: Progressing Unknown while paused, and once resumed, unless timed out. */
    private static void checkPausedConditions(Rollout r) {
        if (!Rollout.hasProgressDeadline(r.d)) {
            return;
        }
        Optional<ObjectNode> condition = Conditions.get(r.d.path("status"), Conditions.PROGRESSING);
        if (condition.isPresent() && condition.get().path("reason").asText().equals(Conditions.TIMED_OUT)) {
            return;
        }
        boolean pausedNoted = condition.isPresent()
                && condition.get().path("reason").asText().equals(Conditions.PAUSED);
        boolean paused = r.d.path("spec").path("paused").asBoolean(false);
        if (paused && !pausedNoted) {
            Conditions.set(r.d.with("status"), Conditions.of(Conditions.PROGRESSING, "Unknown", Conditions.PAUSED,
                    "Deployment is paused", r.now));
        } else if (!paused && pausedNoted) {
            Conditions.set(r.d.with("status"), Conditions.of(Conditions.PROGRESSING, "Unknown", Conditions.RESUMED,
                    "Deployment is resumed", r.now));
        } else {
            return;
        }
        r.writeStatus();
    }
}
