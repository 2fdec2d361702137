package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * kube-controller-manager's endpoint controller (pkg/controller/endpoint): every Service with a selector
 * has an Endpoints object of its name listing the selected pods' addresses, ready or not, with the ports
 * the service's target ports resolve to on each pod. Endpoints of a deleted service are removed; services
 * without a selector are left to whoever manages their Endpoints (the API server, for {@code kubernetes}).
 */
public final class EndpointsController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/endpoint";
    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");
    static final ResourceType ENDPOINTS = ResourceTypes.of("v1", "Endpoints");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    /** Endpoints that leader election used to hold carry this; the leftover check leaves them alone. */
    static final String LEADER_ANNOTATION = "control-plane.alpha.kubernetes.io/leader";
    static final String FAILED_TO_CREATE = "FailedToCreateEndpoint";
    static final String FAILED_TO_UPDATE = "FailedToUpdateEndpoint";

    private final ApiServer api;
    private final Informer services;
    private final Informer endpoints;
    private final Informer pods;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final TriggerTimeTracker triggerTimes = new TriggerTimeTracker();

    public EndpointsController(Informers informers, SimClock clock) {
        super("endpoint", clock);
        this.api = informers.api();
        this.services = informers.of(SERVICES);
        this.endpoints = informers.of(ENDPOINTS);
        this.pods = informers.of(PODS);
        this.recorder = informers.recorder("endpoint-controller");
        this.events = informers.events();
        services.onChange(this::enqueue);
        pods.onObject((old, now) -> {
            if (old == null || now == null || changed(old, now)) {
                PodEndpoints.servicesFor(services, old, now).forEach(this::enqueue);
            }
        });
        // checkLeftoverEndpoints at start, then onEndpointsDelete: Endpoints without a service go, deleted
        // ones of a live service come back.
        for (ObjectNode ep : endpoints.list()) {
            if (!ep.path("metadata").path("annotations").has(LEADER_ANNOTATION)) {
                enqueue(Informer.key(ep));
            }
        }
        endpoints.onObject((old, now) -> {
            if (now == null) {
                enqueue(Informer.key(old));
            }
        });
    }

    /** Whether a pod update can change endpoints ({@code podEndpointsChanged}, labels included). */
    static boolean changed(JsonNode old, JsonNode now) {
        return !old.path("metadata").path("labels").equals(now.path("metadata").path("labels"))
                || !old.path("spec").path("hostname").equals(now.path("spec").path("hostname"))
                || !old.path("spec").path("subdomain").equals(now.path("spec").path("subdomain"))
                || ObjectMeta.deleting(old) != ObjectMeta.deleting(now)
                || PodConditions.ready(old) != PodConditions.ready(now)
                || !old.path("status").path("podIPs").equals(now.path("status").path("podIPs"))
                || !old.path("status").path("podIP").equals(now.path("status").path("podIP"))
                || !old.path("status").path("phase").equals(now.path("status").path("phase"));
    }

    @Override
    protected void sync(String key) {
        String namespace = key.substring(0, key.indexOf('/'));
        String name = key.substring(key.indexOf('/') + 1);
        Optional<ObjectNode> found = services.get(key);
        if (found.isEmpty()) {
            triggerTimes.delete(key);
            removeEndpoints(namespace, name);
            return;
        }
        ObjectNode service = found.get();
        Optional<Map<String, String>> selector = PodEndpoints.selector(service);
        if (selector.isEmpty()) {
            return;
        }
        boolean tolerateUnready = service.path("spec").path("publishNotReadyAddresses").asBoolean(false);
        TreeMap<String, ObjectNode> selected = PodEndpoints.podsFor(pods, service, selector.get());
        EndpointSubsets subsets = new EndpointSubsets();
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (ObjectNode pod : selected.values()) {
            if (!PodEndpoints.shouldBeInEndpoints(pod, tolerateUnready)) {
                continue;
            }
            Optional<String> ip = PodEndpoints.ipv4(pod);
            if (ip.isEmpty()) {
                continue;
            }
            ObjectNode address = address(ip.get(), pod, service);
            boolean isReady = tolerateUnready || PodConditions.ready(pod);
            List<ObjectNode> ports = new ArrayList<>();
            JsonNode servicePorts = service.path("spec").path("ports");
            if (servicePorts.isEmpty()) {
                if (!service.path("spec").path("clusterIP").asText("").equals("None")) {
                    continue;
                }
            } else {
                for (JsonNode servicePort : servicePorts) {
                    OptionalInt number = PodEndpoints.findPort(pod, servicePort);
                    if (number.isPresent()) {
                        ports.add(port(servicePort, number.getAsInt()));
                    }
                }
                if (ports.isEmpty()) {
                    continue;
                }
            }
            subsets.add(address, isReady, ports);
            String shown = ports.isEmpty() ? ip.get() : ip.get() + ":" + ports.get(0).path("port").asInt();
            (isReady ? ready : notReady).add(shown);
        }
        ArrayNode newSubsets = subsets.build();
        Optional<String> triggerTime = triggerTimes.compute(key, service, selected.values());
        write(service, newSubsets, triggerTime, ready, notReady);
    }

    private void write(ObjectNode service, ArrayNode subsets, Optional<String> triggerTime, List<String> ready,
                       List<String> notReady) {
        String namespace = ObjectMeta.namespace(service);
        String name = ObjectMeta.name(service);
        Optional<ObjectNode> current = endpoints.get(namespace + "/" + name);
        Map<String, String> serviceLabels = Labels.of(service);
        if (current.isPresent()) {
            Map<String, String> compareLabels = Labels.of(current.get());
            compareLabels.remove(PodEndpoints.HEADLESS);
            JsonNode currentSubsets = current.get().path("subsets");
            boolean sameSubsets = currentSubsets.isMissingNode() || currentSubsets.isNull()
                    ? subsets.isEmpty() : currentSubsets.equals(subsets);
            if (sameSubsets && compareLabels.equals(serviceLabels)
                    && capacityAnnotationCorrect(current.get(), currentSubsets)) {
                return;
            }
        }
        ObjectNode updated = current.map(ObjectNode::deepCopy).orElseGet(() -> {
            ObjectNode ep = JsonNodeFactory.instance.objectNode();
            ep.put("apiVersion", "v1").put("kind", "Endpoints");
            ep.putObject("metadata").put("name", name).put("namespace", namespace);
            return ep;
        });
        ObjectNode metadata = ObjectMeta.of(updated);
        ObjectNode annotations = metadata.has("annotations") ? (ObjectNode) metadata.get("annotations")
                : JsonNodeFactory.instance.objectNode();
        triggerTime.ifPresentOrElse(t -> annotations.put(PodEndpoints.TRIGGER_TIME, t),
                () -> annotations.remove(PodEndpoints.TRIGGER_TIME));
        boolean truncated = EndpointSubsets.truncate(subsets);
        if (truncated) {
            annotations.put(EndpointSubsets.OVER_CAPACITY, EndpointSubsets.TRUNCATED);
        } else {
            annotations.remove(EndpointSubsets.OVER_CAPACITY);
        }
        TreeMap<String, String> sortedLabels = new TreeMap<>(serviceLabels);
        if (PodEndpoints.headless(service)) {
            sortedLabels.put(PodEndpoints.HEADLESS, "");
        }
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        sortedLabels.forEach(labels::put);
        metadata.remove("labels");
        metadata.remove("annotations");
        if (!labels.isEmpty()) {
            metadata.set("labels", labels);
        }
        if (!annotations.isEmpty()) {
            metadata.set("annotations", annotations);
        }
        updated.remove("subsets");
        if (!subsets.isEmpty()) {
            updated.set("subsets", subsets);
        }
        boolean create = current.isEmpty();
        try {
            ApiRequest.Verb verb = create ? ApiRequest.Verb.CREATE : ApiRequest.Verb.UPDATE;
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, verb, ENDPOINTS, namespace, create ? "" : name)
                    .withBody(updated));
        } catch (StatusException e) {
            if (create && e.status().code() == 403) {
                // The namespace is going away: nothing to write, as Kubernetes treats it.
                return;
            }
            if (create) {
                recorder.eventf(updated, EventRecorder.WARNING, FAILED_TO_CREATE,
                        "Failed to create endpoint for service %s/%s: %s", namespace, name, e.status().message());
            } else {
                recorder.eventf(updated, EventRecorder.WARNING, FAILED_TO_UPDATE,
                        "Failed to update endpoint %s/%s: %s", namespace, name, e.status().message());
            }
            throw e;
        }
        events.emit(COMPONENT, null, create ? "create" : "update",
                ObjectMeta.reference("Endpoints", namespace, name), COMPONENT, "kube-apiserver",
                Narration.endpoints(name, ready, notReady, truncated));
    }

    /** {@code capacityAnnotationSetCorrectly}: the over-capacity mark is there exactly when addresses were cut. */
    private static boolean capacityAnnotationCorrect(JsonNode endpoints, JsonNode subsets) {
        int count = EndpointSubsets.count(subsets);
        if (count > EndpointSubsets.MAX_CAPACITY) {
            return false;
        }
        boolean marked = endpoints.path("metadata").path("annotations").has(EndpointSubsets.OVER_CAPACITY);
        return !marked;
    }

    private ObjectNode address(String ip, ObjectNode pod, ObjectNode service) {
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        address.put("ip", ip);
        if (PodEndpoints.shouldSetHostname(pod, service)) {
            address.put("hostname", pod.path("spec").path("hostname").asText());
        }
        address.put("nodeName", pod.path("spec").path("nodeName").asText(""));
        address.putObject("targetRef").put("kind", "Pod").put("namespace", ObjectMeta.namespace(pod))
                .put("name", ObjectMeta.name(pod)).put("uid", ObjectMeta.uid(pod));
        return address;
    }

    /** {@code endpointPortFromServicePort}: the service port's name and protocol, the pod's number. */
    private static ObjectNode port(JsonNode servicePort, int number) {
        ObjectNode port = JsonNodeFactory.instance.objectNode();
        if (!servicePort.path("name").asText("").isEmpty()) {
            port.put("name", servicePort.path("name").asText());
        }
        port.put("port", number);
        port.put("protocol", servicePort.path("protocol").asText("TCP"));
        if (servicePort.hasNonNull("appProtocol")) {
            port.put("appProtocol", servicePort.path("appProtocol").asText());
        }
        return port;
    }

    private void removeEndpoints(String namespace, String name) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, ENDPOINTS, namespace, name));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return;
            }
            throw e;
        }
        events.emit(COMPONENT, null, "delete", ObjectMeta.reference("Endpoints", namespace, name), COMPONENT,
                "kube-apiserver", "Deleted Endpoints " + name + " because Service " + name + " is gone.");
    }
}
