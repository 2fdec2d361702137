package io.kubelab.controller.endpointslice;

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
import io.kubelab.controller.PodConditions;
import io.kubelab.controller.endpoint.Narration;
import io.kubelab.controller.endpoint.PodEndpoints;
import io.kubelab.controller.endpoint.TriggerTimeTracker;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * kube-controller-manager's endpointslice controller (pkg/controller/endpointslice): for every Service
 * with a selector, EndpointSlices named {@code <service>-<5 random characters>} listing the selected
 * pods with their ready/serving/terminating conditions. A deleted service's slices go with it through
 * the garbage collector (they are owned by the service); selector-less services are left alone.
 */
public final class EndpointSliceController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/endpointslice";
    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final ResourceType SLICES = ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice");
    static final String FAILED_TO_UPDATE = "FailedToUpdateEndpointSlices";
    /** {@code defaultSyncBackOff}: the first retry of a service whose pods wait for a missing node. */
    static final Duration SYNC_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_SYNC_BACKOFF = Duration.ofSeconds(1000);

    private final ApiServer api;
    private final Informer services;
    private final Informer pods;
    private final Informer nodes;
    private final Informer slices;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final TriggerTimeTracker triggerTimes = new TriggerTimeTracker();
    private final Map<String, Integer> retries = new HashMap<>();

    public EndpointSliceController(Informers informers, SimClock clock) {
        super("endpointslice", clock);
        this.api = informers.api();
        this.services = informers.of(SERVICES);
        this.pods = informers.of(PODS);
        this.nodes = informers.of(NODES);
        this.slices = informers.of(SLICES);
        this.recorder = informers.recorder("endpoint-slice-controller");
        this.events = informers.events();
        services.onChange(this::enqueue);
        pods.onObject((old, now) -> {
            if (old == null || now == null || podChanged(old, now)) {
                PodEndpoints.servicesFor(services, old, now).forEach(this::enqueue);
            }
        });
        // A managed slice changed or removed by someone else is put right.
        slices.onObject((old, now) -> {
            JsonNode slice = now != null ? now : old;
            JsonNode labels = slice.path("metadata").path("labels");
            if (labels.path(SliceReconciler.MANAGED_BY_LABEL).asText().equals(SliceReconciler.CONTROLLER_NAME)
                    && labels.has(SliceReconciler.SERVICE_NAME_LABEL)) {
                enqueue(ObjectMeta.namespace(slice) + "/" + labels.path(SliceReconciler.SERVICE_NAME_LABEL).asText());
            }
        });
    }

    private static boolean podChanged(JsonNode old, JsonNode now) {
        return !old.path("metadata").path("labels").equals(now.path("metadata").path("labels"))
                || !old.path("spec").path("hostname").equals(now.path("spec").path("hostname"))
                || !old.path("spec").path("subdomain").equals(now.path("spec").path("subdomain"))
                || ObjectMeta.deleting(old) != ObjectMeta.deleting(now)
                || PodConditions.ready(old) != PodConditions.ready(now)
                || !old.path("status").path("podIP").equals(now.path("status").path("podIP"))
                || !old.path("status").path("phase").equals(now.path("status").path("phase"))
                || !old.path("spec").path("nodeName").equals(now.path("spec").path("nodeName"));
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> found = services.get(key);
        if (found.isEmpty()) {
            triggerTimes.delete(key);
            retries.remove(key);
            return;
        }
        ObjectNode service = found.get();
        if (service.path("spec").path("type").asText("").equals("ExternalName")) {
            return;
        }
        Optional<Map<String, String>> selector = PodEndpoints.selector(service);
        if (selector.isEmpty()) {
            return;
        }
        TreeMap<String, ObjectNode> selected = PodEndpoints.podsFor(pods, service, selector.get());
        Map<String, SliceReconciler.Desired> desired = new LinkedHashMap<>();
        boolean publishNotReady = service.path("spec").path("publishNotReadyAddresses").asBoolean(false);
        boolean nodeMissing = false;
        for (ObjectNode pod : selected.values()) {
            if (!PodEndpoints.shouldBeInEndpoints(pod, true)) {
                continue;
            }
            Optional<String> ip = PodEndpoints.ipv4(pod);
            if (ip.isEmpty()) {
                continue;
            }
            String nodeName = pod.path("spec").path("nodeName").asText("");
            ObjectNode node = nodeName.isEmpty() ? null : nodes.get(nodeName).orElse(null);
            if (!nodeName.isEmpty() && node == null && !publishNotReady) {
                // The pod's node is gone: leave the pod out and look again (PodGC will remove the pod).
                nodeMissing = true;
                continue;
            }
            ArrayNode ports = SliceEndpoints.ports(service, pod);
            ObjectNode endpoint = SliceEndpoints.endpoint(pod, node, service, ip.get());
            desired.computeIfAbsent(SliceEndpoints.portKey(ports), k -> new SliceReconciler.Desired(ports))
                    .endpoints.put(SliceEndpoints.identity(endpoint), endpoint);
        }
        List<ObjectNode> existing = new ArrayList<>();
        for (ObjectNode slice : slices.list()) {
            JsonNode labels = slice.path("metadata").path("labels");
            if (ObjectMeta.namespace(slice).equals(ObjectMeta.namespace(service))
                    && labels.path(SliceReconciler.SERVICE_NAME_LABEL).asText().equals(ObjectMeta.name(service))
                    && labels.path(SliceReconciler.MANAGED_BY_LABEL).asText().equals(SliceReconciler.CONTROLLER_NAME)
                    && !ObjectMeta.deleting(slice)) {
                existing.add(slice);
            }
        }
        existing.sort(java.util.Comparator.comparing(ObjectMeta::name));
        Optional<String> triggerTime = triggerTimes.compute(key, service, selected.values());
        SliceReconciler.Plan plan = new SliceReconciler(service).reconcile(desired, existing, triggerTime);
        try {
            apply(service, plan);
        } catch (StatusException e) {
            if (e.status().code() != 403) {
                recorder.eventf(service, EventRecorder.WARNING, FAILED_TO_UPDATE,
                        "Error updating Endpoint Slices for Service %s/%s: %s", ObjectMeta.namespace(service),
                        ObjectMeta.name(service), e.status().message());
            }
            throw e;
        }
        if (nodeMissing) {
            int count = retries.merge(key, 1, Integer::sum);
            Duration delay = SYNC_BACKOFF.multipliedBy(1L << Math.min(count - 1, 20));
            enqueueAfter(key, delay.compareTo(MAX_SYNC_BACKOFF) > 0 ? MAX_SYNC_BACKOFF : delay);
        } else {
            retries.remove(key);
        }
    }

    private void apply(ObjectNode service, SliceReconciler.Plan plan) {
        String namespace = ObjectMeta.namespace(service);
        for (ObjectNode slice : plan.creates()) {
            SliceReconciler.nullEmpty(slice);
            ObjectNode created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, SLICES,
                    namespace, "").withBody(slice)).body();
            narrate("create", service, created);
        }
        for (ObjectNode slice : plan.updates()) {
            SliceReconciler.nullEmpty(slice);
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, SLICES, namespace,
                    ObjectMeta.name(slice)).withBody(slice));
            narrate("update", service, slice);
        }
        for (ObjectNode slice : plan.deletes()) {
            try {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, SLICES, namespace,
                        ObjectMeta.name(slice)));
            } catch (StatusException e) {
                if (e.status().code() != 404) {
                    throw e;
                }
            }
            events.emit(COMPONENT, null, "delete", ObjectMeta.reference("EndpointSlice", namespace,
                    ObjectMeta.name(slice)), COMPONENT, "kube-apiserver", "Deleted EndpointSlice "
                    + ObjectMeta.name(slice) + " of Service " + ObjectMeta.name(service) + ": it is no longer needed.");
        }
    }

    private void narrate(String action, ObjectNode service, ObjectNode slice) {
        int ready = 0;
        for (JsonNode endpoint : slice.path("endpoints")) {
            if (endpoint.path("conditions").path("ready").asBoolean()) {
                ready++;
            }
        }
        int total = slice.path("endpoints").size();
        events.emit(COMPONENT, null, action, ObjectMeta.reference("EndpointSlice", ObjectMeta.namespace(service),
                ObjectMeta.name(slice)), COMPONENT, "kube-apiserver", (action.equals("create") ? "Created" : "Updated")
                + " EndpointSlice " + ObjectMeta.name(slice) + " of Service " + ObjectMeta.name(service) + ": "
                + Narration.count(total, "endpoint") + ", " + ready + " ready.");
    }
}
