package io.kubelab.controller.namespace;

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
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-controller-manager's namespace controller: empties a Terminating namespace of every namespaced
 * object, reports progress in the namespace's conditions as Kubernetes words them, and once nothing is
 * left removes the {@code kubernetes} finalizer, which lets the namespace go.
 */
public final class NamespaceController extends Controller {

    static final ResourceType NAMESPACES = ResourceTypes.of("v1", "Namespace");
    static final String FINALIZER = "kubernetes";
    /** How long to wait before looking again while content is still being removed. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final ApiServer api;
    private final Informer namespaces;
    private final SimClock clock;

    public NamespaceController(Informers informers, SimClock clock) {
        super("namespace", clock);
        this.api = informers.api();
        this.clock = clock;
        this.namespaces = informers.of(NAMESPACES);
        namespaces.onChange(this::enqueue);
    }

    @Override
    protected void sync(String name) {
        ObjectNode namespace = namespaces.get(name).orElse(null);
        if (namespace == null || !ObjectMeta.deleting(namespace)) {
            return;
        }
        Map<String, Integer> remaining = new TreeMap<>();
        Map<String, Integer> finalizers = new TreeMap<>();
        for (ResourceType type : contentTypes()) {
            List<ObjectNode> items = list(type, name);
            for (ObjectNode item : items) {
                if (!ObjectMeta.deleting(item)) {
                    delete(type, name, ObjectMeta.name(item));
                }
                item.path("metadata").path("finalizers").forEach(f -> finalizers.merge(f.asText(), 1, Integer::sum));
            }
            int left = list(type, name).size();
            if (left > 0) {
                remaining.put(type.groupResource(), left);
            }
        }
        updateConditions(namespace, remaining, finalizers);
        if (!remaining.isEmpty()) {
            enqueueAfter(name, RECHECK);
            return;
        }
        finalizeNamespace(namespaces.get(name).orElse(namespace));
    }

    /** Every namespaced resource that holds objects of its own (events.k8s.io shares the core events). */
    private static List<ResourceType> contentTypes() {
        List<ResourceType> out = new ArrayList<>();
        for (ResourceType type : ResourceTypes.all()) {
            if (type.namespaced() && type.supports("list") && type.supports("delete")
                    && !type.group().equals("events.k8s.io")) {
                out.add(type);
            }
        }
        return out;
    }

    private List<ObjectNode> list(ResourceType type, String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.LIST, type, namespace, ""))
                .body().path("items").forEach(i -> out.add((ObjectNode) i));
        return out;
    }

    private void delete(ResourceType type, String namespace, String name) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, type, namespace, name));
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
    }

    private void updateConditions(ObjectNode namespace, Map<String, Integer> remaining, Map<String, Integer> finalizers) {
        ObjectNode updated = namespace.deepCopy();
        ArrayNode conditions = updated.with("status").putArray("conditions");
        String now = ObjectMeta.time(clock.now());
        condition(conditions, "NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered",
                "All resources successfully discovered", now, namespace);
        condition(conditions, "NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions",
                "All legacy kube types successfully parsed", now, namespace);
        condition(conditions, "NamespaceDeletionContentFailure", "False", "ContentDeleted",
                "All content successfully deleted, may be waiting on finalization", now, namespace);
        if (remaining.isEmpty()) {
            condition(conditions, "NamespaceContentRemaining", "False", "ContentRemoved",
                    "All content successfully removed", now, namespace);
        } else {
            List<String> parts = new ArrayList<>();
            remaining.forEach((resource, count) -> parts.add(resource + " has " + count + " resource instances"));
            condition(conditions, "NamespaceContentRemaining", "True", "SomeResourcesRemain",
                    "Some resources are remaining: " + String.join(", ", parts), now, namespace);
        }
        if (finalizers.isEmpty()) {
            condition(conditions, "NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers",
                    "All content-preserving finalizers finished", now, namespace);
        } else {
            List<String> parts = new ArrayList<>();
            finalizers.forEach((finalizer, count) -> parts.add(finalizer + " in " + count + " resource instances"));
            condition(conditions, "NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain",
                    "Some content in the namespace has finalizers remaining: " + String.join(", ", parts), now, namespace);
        }
        if (!updated.path("status").equals(namespace.path("status"))) {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, NAMESPACES, "",
                    ObjectMeta.name(namespace)).withSubresource("status").withBody(updated));
        }
    }

    /** A condition keeps its transition time while its status stays the same. */
    private static void condition(ArrayNode conditions, String type, String status, String reason, String message,
                                  String now, ObjectNode namespace) {
        String since = now;
        for (JsonNode old : namespace.path("status").path("conditions")) {
            if (old.path("type").asText().equals(type) && old.path("status").asText().equals(status)) {
                since = old.path("lastTransitionTime").asText(now);
            }
        }
        conditions.addObject().put("lastTransitionTime", since).put("message", message).put("reason", reason)
                .put("status", status).put("type", type);
    }

    private void finalizeNamespace(ObjectNode namespace) {
        ObjectNode finalized = namespace.deepCopy();
        ArrayNode kept = finalized.with("spec").putArray("finalizers");
        namespace.path("spec").path("finalizers").forEach(f -> {
            if (!f.asText().equals(FINALIZER)) {
                kept.add(f.asText());
            }
        });
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, NAMESPACES, "",
                ObjectMeta.name(namespace)).withSubresource("finalize").withBody(finalized));
    }
}
