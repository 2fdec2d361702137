package io.kubelab.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.util.Optional;

/**
 * The cloud-controller-manager's service controller ({@code k8s.io/cloud-provider/controllers/service}) over a
 * simulated cloud. A kubeadm cluster has no cloud provider, so its LoadBalancer services stay
 * {@code <pending>}; the sandbox simulates one so that they work as on a managed cluster: each gets an
 * address from {@link LoadBalancerPool} in {@code status.loadBalancer.ingress}, guarded by the
 * {@value #FINALIZER} finalizer, and gives it back when it is deleted or changes type.
 */
public final class ServiceController extends Controller {

    public static final String COMPONENT = "cloud-controller-manager";
    public static final String FINALIZER = "service.kubernetes.io/load-balancer-cleanup";
    static final String SOURCE = "service-controller";
    static final UserInfo USER = UserInfo.component("system:cloud-controller-manager");
    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");

    private final ApiServer api;
    private final Informer services;
    private final EventRecorder recorder;
    private final ComponentEvents events;

    public ServiceController(Informers informers, SimClock clock) {
        super("service", clock);
        this.api = informers.api();
        this.events = informers.events();
        this.recorder = informers.recorder(SOURCE);
        this.services = informers.of(SERVICES);
        services.onObject((old, now) -> {
            if (now != null && (wantsLoadBalancer(now) || needsCleanup(now))) {
                enqueue(Informer.key(now));
            }
        });
    }

    /** A LoadBalancer service that names no other load-balancer implementation. */
    static boolean wantsLoadBalancer(JsonNode service) {
        return service.path("spec").path("type").asText().equals("LoadBalancer")
                && service.path("spec").path("loadBalancerClass").asText("").isEmpty();
    }

    static boolean needsCleanup(JsonNode service) {
        return hasFinalizer(service) && (ObjectMeta.deleting(service)
                || !service.path("spec").path("type").asText().equals("LoadBalancer"));
    }

    static boolean hasFinalizer(JsonNode service) {
        for (JsonNode f : service.path("metadata").path("finalizers")) {
            if (f.asText().equals(FINALIZER)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> found = services.get(key);
        if (found.isEmpty()) {
            return;
        }
        ObjectNode service = found.get();
        if (!wantsLoadBalancer(service) || needsCleanup(service)) {
            if (hasFinalizer(service)) {
                delete(service);
            }
            return;
        }
        if (hasFinalizer(service) && LoadBalancerPool.assigned(service).isPresent()) {
            return;
        }
        ensure(service);
    }

    private void ensure(ObjectNode service) {
        String key = Informer.key(service);
        recorder.event(service, EventRecorder.NORMAL, "EnsuringLoadBalancer", "Ensuring load balancer");
        if (!hasFinalizer(service)) {
            ObjectNode updated = service.deepCopy();
            ObjectMeta.addFinalizer((ObjectNode) updated.path("metadata"), FINALIZER);
            service = (ObjectNode) update(updated, "");
        }
        Optional<String> ip = LoadBalancerPool.assigned(service).or(() -> LoadBalancerPool.next(services.list()));
        if (ip.isEmpty()) {
            recorder.event(service, EventRecorder.WARNING, "SyncLoadBalancerFailed",
                    "Error syncing load balancer: failed to ensure load balancer: no address left in the simulated pool "
                            + LoadBalancerPool.PREFIX + "0/24");
            return;
        }
        recorder.event(service, EventRecorder.NORMAL, "EnsuredLoadBalancer", "Ensured load balancer");
        ObjectNode updated = service.deepCopy();
        ArrayNode ingress = JsonNodeFactory.instance.arrayNode();
        ingress.addObject().put("ip", ip.get()).put("ipMode", "VIP");
        updated.with("status").with("loadBalancer").set("ingress", ingress);
        if (!updated.path("status").equals(service.path("status"))) {
            update(updated, "status");
        }
        events.emit(COMPONENT, null, "ensure-load-balancer", "Service/" + key, COMPONENT, "kube-apiserver",
                "Gave LoadBalancer service " + ObjectMeta.name(service) + " the address " + ip.get()
                        + " from the simulated cloud.");
    }

    private void delete(ObjectNode service) {
        String key = Informer.key(service);
        Optional<String> ip = LoadBalancerPool.assigned(service);
        recorder.event(service, EventRecorder.NORMAL, "DeletingLoadBalancer", "Deleting load balancer");
        ObjectNode updated = service.deepCopy();
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        service.path("metadata").path("finalizers").forEach(f -> {
            if (!f.asText().equals(FINALIZER)) {
                kept.add(f);
            }
        });
        if (kept.isEmpty()) {
            ((ObjectNode) updated.path("metadata")).remove("finalizers");
        } else {
            ((ObjectNode) updated.path("metadata")).set("finalizers", kept);
        }
        JsonNode stored = update(updated, "");
        recorder.event(service, EventRecorder.NORMAL, "DeletedLoadBalancer", "Deleted load balancer");
        if (stored != null && !stored.path("status").path("loadBalancer").isEmpty()) {
            ObjectNode cleared = ((ObjectNode) stored).deepCopy();
            cleared.with("status").putObject("loadBalancer");
            update(cleared, "status");
        }
        events.emit(COMPONENT, null, "delete-load-balancer", "Service/" + key, COMPONENT, "kube-apiserver",
                "Released the simulated load balancer of service " + ObjectMeta.name(service)
                        + ip.map(a -> " (" + a + ")").orElse("") + ".");
    }

    /** Writes {@code object} (or its status); null once it is gone, as it is when its last finalizer goes. */
    private JsonNode update(ObjectNode object, String subresource) {
        ApiRequest request = ApiRequest.of(USER, ApiRequest.Verb.UPDATE, SERVICES, ObjectMeta.namespace(object),
                ObjectMeta.name(object)).withBody(object);
        try {
            return api.handle(subresource.isEmpty() ? request : request.withSubresource(subresource)).body();
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return null;
            }
            throw e;
        }
    }
}
