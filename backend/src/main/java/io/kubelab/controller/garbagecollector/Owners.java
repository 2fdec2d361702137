package io.kubelab.controller.garbagecollector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;

/**
 * {@code isDangling} and {@code classifyReferences}: what one owner reference points at, looked up
 * live through the API server as the garbage collector does. A namespaced owner is looked for in the
 * dependent's own namespace, so a reference across namespaces finds nothing.
 */
final class Owners {

    enum State { SOLID, WAITING, ABSENT, UNRESOLVABLE }

    private Owners() {
    }

    static State classify(ApiServer api, OwnerGraph.Node dependent, JsonNode ref) {
        ResourceType type = GarbageCollector.typeOf(ref);
        if (type == null) {
            // A kind this cluster does not serve: Kubernetes cannot map it and keeps retrying; we keep the
            // dependent rather than delete it on a reference nobody can check.
            return State.SOLID;
        }
        if (type.namespaced() && dependent.namespace().isEmpty()) {
            return State.UNRESOLVABLE;
        }
        ObjectNode owner;
        try {
            owner = api.handle(GarbageCollector.request(ApiRequest.Verb.GET, type,
                    type.namespaced() ? dependent.namespace() : "", ref.path("name").asText())).body();
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return State.ABSENT;
            }
            throw e;
        }
        if (!ObjectMeta.uid(owner).equals(ref.path("uid").asText())) {
            return State.ABSENT;
        }
        if (ObjectMeta.deleting(owner) && GarbageCollector.hasFinalizer(owner, GarbageCollector.FOREGROUND)) {
            return State.WAITING;
        }
        return State.SOLID;
    }

    /** {@code objectReference.String()} as the event message prints it. */
    static String describe(JsonNode ref, String namespace) {
        return "[" + ref.path("apiVersion").asText() + "/" + ref.path("kind").asText() + ", namespace: " + namespace
                + ", name: " + ref.path("name").asText() + ", uid: " + ref.path("uid").asText() + "]";
    }
}
