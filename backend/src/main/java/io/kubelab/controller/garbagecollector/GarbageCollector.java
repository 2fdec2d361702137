package io.kubelab.controller.garbagecollector;

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
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kube-controller-manager's garbage collector (pkg/controller/garbagecollector). Objects whose owners are
 * all gone (absent, or replaced by a new object of the same name and another uid) are deleted; an owner
 * deleted with {@code foregroundDeletion} waits until its blocking dependents are gone; one deleted with
 * {@code orphan} first has its dependents' references to it removed. Keys are {@code delete:<uid>}
 * (attemptToDelete) and {@code orphan:<uid>} (attemptToOrphan).
 */
public final class GarbageCollector extends Controller {

    public static final String COMPONENT = "kube-controller-manager/garbagecollector";
    static final String FOREGROUND = "foregroundDeletion";
    static final String ORPHAN = "orphan";
    static final String INVALID_NAMESPACE = "OwnerRefInvalidNamespace";

    private final ApiServer api;
    private final Map<ResourceType, Informer> informers = new HashMap<>();
    private final OwnerGraph graph = new OwnerGraph();
    private final EventRecorder recorder;
    private final ComponentEvents events;
    /** Dependent/owner pairs already reported as OwnerRefInvalidNamespace, so each is reported once. */
    private final Set<String> reported = new HashSet<>();

    public GarbageCollector(Informers shared, SimClock clock) {
        super("garbagecollector", clock);
        this.api = shared.api();
        this.recorder = shared.recorder("garbage-collector-controller");
        this.events = shared.events();
        for (ResourceType type : GcKinds.types()) {
            Informer informer = shared.of(type);
            informers.put(type, informer);
            informer.onObject((old, now) -> changed(type, old, now));
        }
    }

    /** The graph builder's processGraphChanges: keep the graph, enqueue what the change concerns. */
    private void changed(ResourceType type, ObjectNode old, ObjectNode now) {
        if (now == null) {
            String uid = ObjectMeta.uid(old);
            graph.remove(uid);
            graph.dependents(uid).forEach(d -> enqueue("delete:" + d));
            owners(old).forEach(o -> enqueue("delete:" + o));
            return;
        }
        String uid = ObjectMeta.uid(now);
        graph.put(type, now);
        boolean refsChanged = old == null || !old.path("metadata").path("ownerReferences")
                .equals(now.path("metadata").path("ownerReferences"));
        if (refsChanged && now.path("metadata").path("ownerReferences").size() > 0) {
            enqueue("delete:" + uid);
        }
        if (ObjectMeta.deleting(now) && hasFinalizer(now, ORPHAN)) {
            enqueue("orphan:" + uid);
        }
        if (ObjectMeta.deleting(now) && hasFinalizer(now, FOREGROUND)) {
            enqueue("delete:" + uid);
            graph.dependents(uid).forEach(d -> enqueue("delete:" + d));
        }
        // A dependent that changed may unblock an owner waiting for its dependents.
        if (old != null) {
            owners(old).forEach(o -> enqueue("delete:" + o));
        }
    }

    private static List<String> owners(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            out.add(ref.path("uid").asText());
        }
        return out;
    }

    static boolean hasFinalizer(JsonNode object, String finalizer) {
        for (JsonNode f : object.path("metadata").path("finalizers")) {
            if (f.asText().equals(finalizer)) {
                return true;
            }
        }
        return false;
    }

    private Optional<ObjectNode> latest(OwnerGraph.Node node) {
        return informers.get(node.type()).get(node.key()).filter(o -> ObjectMeta.uid(o).equals(node.uid()));
    }

    @Override
    protected void sync(String key) {
        String uid = key.substring(key.indexOf(':') + 1);
        Optional<OwnerGraph.Node> node = graph.get(uid);
        if (node.isEmpty()) {
            return;
        }
        Optional<ObjectNode> object = latest(node.get());
        if (object.isEmpty()) {
            return;
        }
        if (key.startsWith("orphan:")) {
            new Cascade(api, graph, informers, events).orphan(node.get(), object.get());
        } else {
            attemptToDelete(node.get(), object.get());
        }
    }

    private void attemptToDelete(OwnerGraph.Node node, ObjectNode object) {
        boolean deletingDependents = ObjectMeta.deleting(object) && hasFinalizer(object, FOREGROUND);
        if (ObjectMeta.deleting(object) && !deletingDependents) {
            return;
        }
        Cascade cascade = new Cascade(api, graph, informers, events);
        if (deletingDependents) {
            cascade.processDeletingDependents(node, object, this::enqueue);
            return;
        }
        JsonNode refs = object.path("metadata").path("ownerReferences");
        if (refs.isEmpty()) {
            return;
        }
        List<String> solid = new ArrayList<>();
        List<String> dangling = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (JsonNode ref : refs) {
            Owners.State state = Owners.classify(api, node, ref);
            if (state == Owners.State.UNRESOLVABLE) {
                reportInvalidNamespace(object, ref);
                return;
            }
            reportCrossNamespace(node, object, ref);
            (state == Owners.State.ABSENT ? dangling : state == Owners.State.WAITING ? waiting : solid)
                    .add(ref.path("uid").asText());
        }
        if (!solid.isEmpty()) {
            if (dangling.isEmpty() && waiting.isEmpty()) {
                return;
            }
            List<String> remove = new ArrayList<>(dangling);
            remove.addAll(waiting);
            cascade.removeOwnerReferences(node, object, remove);
            return;
        }
        String policy;
        if (!waiting.isEmpty() && !graph.dependents(node.uid()).isEmpty()) {
            policy = "Foreground";
        } else if (hasFinalizer(object, ORPHAN)) {
            policy = "Orphan";
        } else if (hasFinalizer(object, FOREGROUND)) {
            policy = "Foreground";
        } else {
            policy = "Background";
        }
        cascade.delete(node, object, policy, !waiting.isEmpty());
    }

    /** A cluster-scoped object naming a namespaced owner: never resolvable, reported once. */
    private void reportInvalidNamespace(ObjectNode object, JsonNode ref) {
        if (reported.add(ObjectMeta.uid(object) + "/" + ref.path("uid").asText())) {
            recorder.eventf(object, EventRecorder.WARNING, INVALID_NAMESPACE, "ownerRef %s does not exist in namespace %s",
                    Owners.describe(ref, ObjectMeta.namespace(object)), quote(ObjectMeta.namespace(object)));
        }
    }

    /** The owner's uid is known, but in another namespace than the dependent: the graph builder reports it. */
    private void reportCrossNamespace(OwnerGraph.Node node, ObjectNode object, JsonNode ref) {
        Optional<OwnerGraph.Node> owner = graph.get(ref.path("uid").asText());
        if (owner.isPresent() && owner.get().type().namespaced() && !owner.get().namespace().equals(node.namespace())) {
            reportInvalidNamespace(object, ref);
        }
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    static ResourceType typeOf(JsonNode ref) {
        return ResourceTypes.byKind(ref.path("apiVersion").asText(), ref.path("kind").asText()).orElse(null);
    }

    static ApiRequest request(ApiRequest.Verb verb, ResourceType type, String namespace, String name) {
        return ApiRequest.of(Informers.CONTROLLER_MANAGER, verb, type, namespace, name);
    }

    static RequestOptions deleteOptions(String uid, String policy) {
        return RequestOptions.DEFAULT.withPropagationPolicy(policy).withPreconditions(Optional.of(uid), Optional.empty());
    }

    static void removeFinalizer(ApiServer api, OwnerGraph.Node node, ObjectNode object, String finalizer) {
        ObjectNode updated = object.deepCopy();
        if (updated.path("metadata").get("finalizers") instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).asText().equals(finalizer)) {
                    list.remove(i);
                }
            }
            if (list.isEmpty()) {
                ObjectMeta.of(updated).remove("finalizers");
            }
        }
        try {
            api.handle(request(ApiRequest.Verb.UPDATE, node.type(), node.namespace(), node.name()).withBody(updated));
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
    }
}
