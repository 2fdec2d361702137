package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informers;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceType;

import java.util.Optional;

/**
 * Owner references as {@code metav1.NewControllerRef} writes them and the claiming rules of Kubernetes'
 * {@code ControllerRefManager}: a controller keeps what it owns and still selects, releases what it owns
 * but no longer selects, and adopts orphans it selects, unless it is being deleted.
 */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    /** {@code metav1.NewControllerRef}: controller and blockOwnerDeletion both true. */
    public static ObjectNode controllerRef(JsonNode owner) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("apiVersion", owner.path("apiVersion").asText());
        ref.put("kind", owner.path("kind").asText());
        ref.put("name", ObjectMeta.name(owner));
        ref.put("uid", ObjectMeta.uid(owner));
        ref.put("controller", true);
        ref.put("blockOwnerDeletion", true);
        return ref;
    }

    /** The reference marked {@code controller: true}, if any. */
    public static Optional<JsonNode> controllerOf(JsonNode object) {
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    /** The key ({@code namespace/name}) of the object's controller when it is of {@code kind}. */
    public static Optional<String> controllerKey(JsonNode object, String kind) {
        return controllerOf(object).filter(ref -> ref.path("kind").asText().equals(kind))
                .map(ref -> ObjectMeta.namespace(object) + "/" + ref.path("name").asText());
    }

    public static boolean ownedBy(JsonNode object, JsonNode owner) {
        return controllerOf(object).map(ref -> ref.path("uid").asText().equals(ObjectMeta.uid(owner))).orElse(false);
    }

    /**
     * {@code ClaimObject}: whether {@code owner} may count {@code object} as its own, adopting or releasing
     * it through the API server on the way.
     */
    public static boolean claim(ApiServer api, ResourceType type, JsonNode owner, LabelSelector selector,
                                JsonNode object) {
        Optional<JsonNode> ref = controllerOf(object);
        boolean matches = selector.matches(Pods.labels(object));
        if (ref.isPresent()) {
            if (!ref.get().path("uid").asText().equals(ObjectMeta.uid(owner))) {
                return false;
            }
            if (matches) {
                return true;
            }
            if (!ObjectMeta.deleting(owner)) {
                rewrite(api, type, object, false, owner);
            }
            return false;
        }
        if (ObjectMeta.deleting(owner) || !matches || ObjectMeta.deleting(object)
                || !ObjectMeta.namespace(owner).equals(ObjectMeta.namespace(object))) {
            return false;
        }
        return rewrite(api, type, object, true, owner);
    }

    /** Adds or removes {@code owner}'s controller reference; a vanished object is nobody's to count. */
    private static boolean rewrite(ApiServer api, ResourceType type, JsonNode object, boolean adopt, JsonNode owner) {
        ObjectNode copy = (ObjectNode) object.deepCopy();
        ObjectNode metadata = ObjectMeta.of(copy);
        ArrayNode refs = metadata.has("ownerReferences") ? (ArrayNode) metadata.get("ownerReferences")
                : metadata.putArray("ownerReferences");
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (refs.get(i).path("uid").asText().equals(ObjectMeta.uid(owner))) {
                refs.remove(i);
            }
        }
        if (adopt) {
            refs.add(controllerRef(owner));
        }
        if (refs.isEmpty()) {
            metadata.remove("ownerReferences");
        }
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, type,
                    ObjectMeta.namespace(object), ObjectMeta.name(object)).withBody(copy));
            return adopt;
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return false;
            }
            throw e;
        }
    }
}
