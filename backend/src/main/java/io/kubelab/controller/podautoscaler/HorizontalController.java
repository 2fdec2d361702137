package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * kube-controller-manager's horizontal-pod-autoscaler ({@code pkg/controller/podautoscaler}): every
 * {@link #SYNC_PERIOD} it reads each HPA's target through the scale subresource, its pods' resource metrics
 * from {@code metrics.k8s.io}, proposes a replica count, stabilizes and limits it, rescales the target and
 * writes the status with its conditions and events in Kubernetes' words.
 */
public final class HorizontalController extends Controller {

    public static final String NAME = "horizontalpodautoscaling";
    public static final String COMPONENT = "kube-controller-manager/" + NAME;
    /** The Event source. */
    public static final String SOURCE = "horizontal-pod-autoscaler";
    /** {@code --horizontal-pod-autoscaler-sync-period}. */
    public static final Duration SYNC_PERIOD = Duration.ofSeconds(15);

    static final ResourceType HPAS = ResourceTypes.of("autoscaling/v2", "HorizontalPodAutoscaler");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    private final ApiServer api;
    private final SimClock clock;
    private final Informer hpas;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final MetricComputer metrics;
    private final Normalizer normalizer = new Normalizer();
    private final Set<String> resyncing = new HashSet<>();

    public HorizontalController(Informers informers, SimClock clock) {
        super(NAME, clock);
        this.api = informers.api();
        this.clock = clock;
        this.hpas = informers.of(HPAS);
        Informer pods = informers.of(PODS);
        this.recorder = informers.recorder(SOURCE);
        this.events = informers.events();
        this.metrics = new MetricComputer(new ReplicaCalculator(new ResourceMetricsClient(api), pods::list, clock::now),
                recorder);
        hpas.onChange(this::enqueue);
    }

    @Override
    protected void sync(String key) {
        ObjectNode shared = hpas.get(key).orElse(null);
        if (shared == null) {
            normalizer.forget(key);
            return;
        }
        resyncLater(key);
        reconcile(shared.deepCopy(), key);
    }

    /** The controller's queue brings every HPA back after the sync period; time alone drives it (background). */
    private void resyncLater(String key) {
        if (resyncing.add(key)) {
            clock.scheduleBackground(SYNC_PERIOD, () -> {
                resyncing.remove(key);
                enqueue(key);
            });
        }
    }

    private void reconcile(ObjectNode hpa, String key) {
        HpaStatus status = new HpaStatus(hpa, clock.now());
        JsonNode spec = hpa.path("spec");
        String namespace = ObjectMeta.namespace(hpa);
        JsonNode ref = spec.path("scaleTargetRef");
        String kind = ref.path("kind").asText();
        String targetName = ref.path("name").asText();
        Optional<ResourceType> target = ResourceTypes.byKind(ref.path("apiVersion").asText(), kind)
                .filter(t -> t.hasSubresource("scale"));
        ObjectNode scale;
        try {
            if (target.isEmpty()) {
                String group = ref.path("apiVersion").asText().contains("/")
                        ? ref.path("apiVersion").asText().substring(0, ref.path("apiVersion").asText().indexOf('/')) : "";
                throw new ScaleError("no matches for kind \"" + kind + "\" in group \"" + group + "\"");
            }
            scale = (ObjectNode) api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET, target.get(),
                    namespace, targetName).withSubresource("scale")).body();
        } catch (ScaleError | StatusException e) {
            String message = e instanceof StatusException s ? s.status().message() : e.getMessage();
            recorder.event(hpa, EventRecorder.WARNING, "FailedGetScale", message);
            status.setCondition(HpaStatus.ABLE_TO_SCALE, "False", "FailedGetScale",
                    "the HPA controller was unable to get the target's current scale: " + message);
            writeStatus(hpa, status);
            return;
        }
        status.setCondition(HpaStatus.ABLE_TO_SCALE, "True", "SucceededGetScale",
                "the HPA controller was able to get the target's current scale");
        int current = scale.path("spec").path("replicas").asInt(0);
        normalizer.recordInitial(key, current, clock.now());
        int min = spec.path("minReplicas").isNumber() ? spec.path("minReplicas").asInt() : 1;
        int max = spec.path("maxReplicas").asInt();
        int desired = 0;
        String reason = "";
        boolean rescale = true;
        ArrayNode metricStatuses = null;
        if (current == 0 && min != 0) {
            rescale = false;
            status.setCondition(HpaStatus.SCALING_ACTIVE, "False", "ScalingDisabled",
                    "scaling is disabled since the replica count of the target is zero");
        } else if (current > max) {
            reason = "Current number of replicas above Spec.MaxReplicas";
            desired = max;
        } else if (current < min) {
            reason = "Current number of replicas below Spec.MinReplicas";
            desired = min;
        } else {
            MetricComputer.Outcome outcome = metrics.compute(hpa, scale, status);
            metricStatuses = outcome.statuses();
            if (outcome.replicas() == -1) {
                status.set(current, status.desiredReplicas(), metricStatuses, false);
                writeStatus(hpa, status);
                recorder.event(hpa, EventRecorder.WARNING, "FailedComputeMetricsReplicas", outcome.error());
                return;
            }
            String rescaleMetric = "";
            if (outcome.replicas() > desired) {
                desired = outcome.replicas();
                rescaleMetric = outcome.metricName();
            }
            if (desired > current) {
                reason = rescaleMetric + " above target";
            }
            if (desired < current) {
                reason = "All metrics below target";
            }
            JsonNode behavior = spec.path("behavior");
            Normalizer.Result normalized = behavior.isObject()
                    ? normalizer.normalizeWithBehavior(key, current, desired, min, max, behavior, clock.now())
                    : normalizer.normalize(key, current, desired, min, max, clock.now());
            status.setCondition(normalized.ableToScale(), HpaStatus.ABLE_TO_SCALE);
            status.setCondition(normalized.scalingLimited(), HpaStatus.SCALING_LIMITED);
            desired = normalized.replicas();
            rescale = desired != current;
        }
        if (rescale) {
            ObjectNode update = scale.deepCopy();
            update.with("spec").put("replicas", desired);
            try {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, target.get(), namespace,
                        targetName).withSubresource("scale").withBody(update));
            } catch (StatusException e) {
                recorder.eventf(hpa, EventRecorder.WARNING, "FailedRescale", "New size: %d; reason: %s; error: %s",
                        desired, reason, e.status().message());
                status.setCondition(HpaStatus.ABLE_TO_SCALE, "False", "FailedUpdateScale",
                        "the HPA controller was unable to update the target scale: " + e.status().message());
                status.set(current, status.desiredReplicas(), metricStatuses, false);
                writeStatus(hpa, status);
                return;
            }
            status.setCondition(HpaStatus.ABLE_TO_SCALE, "True", "SucceededRescale",
                    "the HPA controller was able to update the target scale to " + desired);
            recorder.eventf(hpa, EventRecorder.NORMAL, "SuccessfulRescale", "New size: %d; reason: %s", desired, reason);
            normalizer.recordScale(key, spec.path("behavior"), current, desired, clock.now());
            events.emit(COMPONENT, null, "rescale", kind + "/" + namespace + "/" + targetName, COMPONENT, "kube-apiserver",
                    "HorizontalPodAutoscaler " + ObjectMeta.name(hpa) + " scaled " + kind + " " + targetName + " from "
                            + current + " to " + desired + " replicas: " + reason + ".");
        } else {
            desired = current;
        }
        status.set(current, desired, metricStatuses, rescale);
        writeStatus(hpa, status);
    }

    private void writeStatus(ObjectNode hpa, HpaStatus status) {
        if (!status.changed()) {
            return;
        }
        ObjectNode body = hpa.deepCopy();
        body.set("status", status.toJson());
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, HPAS, ObjectMeta.namespace(hpa),
                    ObjectMeta.name(hpa)).withSubresource("status").withBody(body));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return;
            }
            recorder.event(hpa, EventRecorder.WARNING, "FailedUpdateStatus", e.status().message());
            throw e;
        }
    }

    /** The target cannot be mapped to a resource with a scale subresource. */
    private static final class ScaleError extends Exception {
        ScaleError(String message) {
            super(message);
        }
    }

}
