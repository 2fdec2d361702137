package io.kubelab.controller.garbagecollector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informer;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The garbage collector's writes: deleting dependents, orphaning them, releasing owners' finalizers. */
final class Cascade {

    private final ApiServer api;
    private final OwnerGraph graph;
    private final Map<ResourceType, Informer> informers;
    private final ComponentEvents events;

    Cascade(ApiServer api, OwnerGraph graph, Map<ResourceType, Informer> informers, ComponentEvents events) {
        this.api = api;
        this.graph = graph;
        this.informers = informers;
        this.events = events;
    }

    private Optional<ObjectNode> latest(OwnerGraph.Node node) {
        return informers.get(node.type()).get(node.key()).filter(o -> ObjectMeta.uid(o).equals(node.uid()));
    }

    /** Deletes an object none of whose owners is left, with the uid as precondition. */
    void delete(OwnerGraph.Node node, ObjectNode object, String policy, boolean ownerWaits) {
        try {
            api.handle(GarbageCollector.request(ApiRequest.Verb.DELETE, node.type(), node.namespace(), node.name())
                    .withOptions(GarbageCollector.deleteOptions(node.uid(), policy)));
        } catch (StatusException e) {
            if (e.status().code() == 404 || e.status().code() == 409) {
                return;
            }
            throw e;
        }
        String owners = ownerNames(object);
        events.emit(GarbageCollector.COMPONENT, null, "delete", reference(node), GarbageCollector.COMPONENT,
                "kube-apiserver", ownerWaits
                        ? "Deleted " + node.type().kind() + " " + node.name() + " because its owner " + owners
                        + " is being deleted in the foreground."
                        : "Deleted " + node.type().kind() + " " + node.name() + " because its owner " + owners
                        + " no longer exists.");
    }

    /** An owner deleted in the foreground: wait for blocking dependents, then drop the finalizer. */
    void processDeletingDependents(OwnerGraph.Node owner, ObjectNode object, Consumer<String> enqueue) {
        List<OwnerGraph.Node> blocking = new ArrayList<>();
        for (String uid : graph.dependents(owner.uid())) {
            graph.get(uid).flatMap(this::latest).ifPresent(dependent -> {
                for (JsonNode ref : dependent.path("metadata").path("ownerReferences")) {
                    if (ref.path("uid").asText().equals(owner.uid()) && ref.path("blockOwnerDeletion").asBoolean(false)) {
                        blocking.add(graph.get(uid).get());
                    }
                }
            });
        }
        if (blocking.isEmpty()) {
            GarbageCollector.removeFinalizer(api, owner, object, GarbageCollector.FOREGROUND);
            events.emit(GarbageCollector.COMPONENT, null, "finalize", reference(owner), GarbageCollector.COMPONENT,
                    "kube-apiserver", owner.type().kind() + " " + owner.name()
                            + " has no dependents left that block its deletion, so it can now be deleted.");
            return;
        }
        for (OwnerGraph.Node dependent : blocking) {
            enqueue.accept("delete:" + dependent.uid());
        }
    }

    /** {@code attemptToOrphan}: remove references to the owner from every dependent, then its finalizer. */
    void orphan(OwnerGraph.Node owner, ObjectNode object) {
        if (!ObjectMeta.deleting(object) || !GarbageCollector.hasFinalizer(object, GarbageCollector.ORPHAN)) {
            return;
        }
        int count = 0;
        for (String uid : graph.dependents(owner.uid())) {
            Optional<OwnerGraph.Node> dependent = graph.get(uid);
            Optional<ObjectNode> latest = dependent.flatMap(this::latest);
            if (latest.isPresent()) {
                removeOwnerReferences(dependent.get(), latest.get(), List.of(owner.uid()));
                count++;
            }
        }
        GarbageCollector.removeFinalizer(api, owner, object, GarbageCollector.ORPHAN);
        events.emit(GarbageCollector.COMPONENT, null, "orphan", reference(owner), GarbageCollector.COMPONENT,
                "kube-apiserver", "Orphaned " + count + " dependent" + (count == 1 ? "" : "s") + " of "
                        + owner.type().kind() + " " + owner.name() + " (they keep running without an owner), so it "
                        + "can now be deleted.");
    }

    /** Removes the references to {@code ownerUids} from a dependent (the strategic "$patch: delete" by uid). */
    void removeOwnerReferences(OwnerGraph.Node node, ObjectNode object, List<String> ownerUids) {
        ObjectNode updated = object.deepCopy();
        if (!(updated.path("metadata").get("ownerReferences") instanceof ArrayNode refs)) {
            return;
        }
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (ownerUids.contains(refs.get(i).path("uid").asText())) {
                refs.remove(i);
            }
        }
        if (refs.isEmpty()) {
            ObjectMeta.of(updated).remove("ownerReferences");
        }
        try {
            api.handle(GarbageCollector.request(ApiRequest.Verb.UPDATE, node.type(), node.namespace(), node.name())
                    .withBody(updated));
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
    }

    private static String ownerNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            names.add(ref.path("kind").asText() + " " + ref.path("name").asText());
        }
        return String.join(", ", names);
    }

    private static String reference(OwnerGraph.Node node) {
        return ObjectMeta.reference(node.type().kind(), node.namespace(), node.name());
    }
}
