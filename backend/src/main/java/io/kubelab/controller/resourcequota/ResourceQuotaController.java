package io.kubelab.controller.resourcequota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kube-controller-manager's resourcequota controller ({@code pkg/controller/resourcequota}): keeps each
 * ResourceQuota's {@code status.hard} (its spec) and {@code status.used} current. A change to anything a
 * quota counts re-syncs the quotas of that namespace (the replenishment controller), and every quota is
 * recalculated each {@link #RESYNC} ({@code --resource-quota-sync-period}) as well.
 */
public final class ResourceQuotaController extends Controller {

    public static final String COMPONENT = "kube-controller-manager/resourcequota";
    public static final Duration RESYNC = Duration.ofMinutes(5);
    static final ResourceType QUOTAS = ResourceTypes.of("v1", "ResourceQuota");

    private final Informers informers;
    private final ApiServer api;
    private final SimClock clock;
    private final ComponentEvents events;
    private final Informer quotas;
    private final Set<ResourceType> watched = new HashSet<>();

    public ResourceQuotaController(Informers informers, SimClock clock) {
        super("resourcequota", clock);
        this.informers = informers;
        this.api = informers.api();
        this.clock = clock;
        this.events = informers.events();
        this.quotas = informers.of(QUOTAS);
        for (ResourceType type : List.of(QuotaUsage.PODS, QuotaUsage.SERVICES, QuotaUsage.CLAIMS)) {
            watch(type);
        }
        quotas.onChange(this::enqueue);
        clock.scheduleBackground(RESYNC, this::resync);
    }

    private void resync() {
        quotas.list().forEach(q -> enqueue(Informer.key(q)));
        clock.scheduleBackground(RESYNC, this::resync);
    }

    /** Replenishment: a change to a counted object re-syncs its namespace's quotas. */
    private void watch(ResourceType type) {
        if (watched.add(type)) {
            informers.of(type).onObject((old, now) -> {
                String namespace = ObjectMeta.namespace(now != null ? now : old);
                quotas.list().stream().filter(q -> ObjectMeta.namespace(q).equals(namespace))
                        .forEach(q -> enqueue(Informer.key(q)));
            });
        }
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> found = quotas.get(key);
        if (found.isEmpty() || ObjectMeta.deleting(found.get())) {
            return;
        }
        ObjectNode quota = found.get();
        String namespace = ObjectMeta.namespace(quota);
        quota.path("spec").path("hard").fieldNames().forEachRemaining(name ->
                QuotaUsage.countedType(name).filter(t -> t.namespaced()).ifPresent(this::watch));
        Map<String, Quantity> used = QuotaUsage.used(quota, type -> inNamespace(type, namespace), clock.now());
        ObjectNode updated = quota.deepCopy();
        ObjectNode status = updated.putObject("status");
        ObjectNode hard = status.putObject("hard");
        // Go writes maps with their keys sorted.
        List<String> names = new ArrayList<>();
        quota.path("spec").path("hard").fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(n -> hard.set(n, quota.path("spec").path("hard").path(n)));
        ObjectNode usedNode = status.putObject("used");
        used.forEach((name, value) -> usedNode.put(name, value.toString()));
        if (status.equals(quota.path("status"))) {
            return;
        }
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, QUOTAS, namespace,
                ObjectMeta.name(quota)).withSubresource("status").withBody(updated));
        List<String> parts = new ArrayList<>();
        used.forEach((name, value) -> parts.add(name + " " + value + " of " + quota.path("spec").path("hard").path(name).asText()));
        events.emit(COMPONENT, null, "update-status", "ResourceQuota/" + key, "kube-controller-manager", "kube-apiserver",
                "Recounted quota " + ObjectMeta.name(quota) + " in " + namespace + ": " + String.join(", ", parts) + " used.");
    }

    private List<ObjectNode> inNamespace(ResourceType type, String namespace) {
        return informers.of(type).list().stream().filter(o -> ObjectMeta.namespace(o).equals(namespace)).toList();
    }
}
